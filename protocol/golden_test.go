package protocol

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/rules/*.txtar")

// TestRules runs the cases of testdata/rules: each archive names a
// policy, gives client input, and holds the transcript respond writes.
func TestRules(t *testing.T) {
	files, _ := filepath.Glob("testdata/rules/*.txtar")
	if len(files) == 0 {
		t.Fatal("no testdata/rules/*.txtar")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string]*txtar.File{}
			for i := range ar.Files {
				sections[ar.Files[i].Name] = &ar.Files[i]
			}
			pol, input, want := sections["policy"], sections["input"], sections["want"]
			if pol == nil || input == nil || want == nil {
				t.Fatal("need sections policy, input and want")
			}
			p, err := Preset(strings.TrimSpace(string(pol.Data)))
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			if _, err := Respond(&out, p, string(input.Data)); err != nil {
				t.Fatal(err)
			}
			if *update {
				want.Data = out.Bytes()
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got := out.String(); got != string(want.Data) {
				t.Errorf("Respond(%s):\ngot:\n%s\nwant:\n%s", file, got, want.Data)
			}
		})
	}
}
