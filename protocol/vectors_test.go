package protocol

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// vector is one row of testdata/vectors.tsv, the public examples of the
// behaviour specification, copied verbatim.
type vector struct {
	id, policy, input, want, note string
}

func unescapeTSV(s string) string {
	return strings.NewReplacer(`\n`, "\n", `\t`, "\t", `\\`, `\`).Replace(s)
}

func loadVectors(t testing.TB) []vector {
	data, err := os.ReadFile("testdata/vectors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var vs []vector
	for i, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			t.Fatalf("vectors.tsv line %d: %d columns", i+1, len(f))
		}
		vs = append(vs, vector{f[0], f[1], unescapeTSV(f[2]), unescapeTSV(f[3]), f[4]})
	}
	return vs
}

func TestVectors(t *testing.T) {
	vs := loadVectors(t)
	if len(vs) != 30 {
		t.Fatalf("got %d vectors, want 30", len(vs))
	}
	for _, v := range vs {
		t.Run(v.id, func(t *testing.T) {
			p, err := Preset(v.policy)
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			differs, err := Respond(&out, p, v.input)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSuffix(out.String(), "\n"); got != v.want {
				t.Errorf("%s (%s): Respond(%q)\ngot:\n%s\nwant:\n%s", v.id, v.note, v.input, got, v.want)
			}
			if differs {
				t.Errorf("%s: Respond reported a difference from pasted expectations", v.id)
			}
		})
	}
}
