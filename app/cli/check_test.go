package cli

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata")

// The test pages of app/docs, checked as a wiki's CI would: the text and
// the JSON report are goldens.
func TestCheckGolden(t *testing.T) {
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"testdata/check/wiki.txt", []string{"check", "../docs/testdata/wiki"}},
		{"testdata/check/wiki.json", []string{"check", "-json", "../docs/testdata/wiki"}},
		{"testdata/check/ver-2006.txt", []string{"check", "-policy", "msn-2006-03", "../docs/testdata/wiki/ver.md", "../docs/testdata/wiki/cvr0.md"}},
	} {
		code, out, errs := run(t, "", c.args...)
		if code != 1 || errs != "" {
			t.Errorf("%v: exit %d, stderr %q; want 1 and nothing", c.args, code, errs)
		}
		if *update {
			os.MkdirAll(filepath.Dir(c.golden), 0o755)
			os.WriteFile(c.golden, []byte(out), 0o644)
		}
		want, err := os.ReadFile(c.golden)
		if err != nil {
			t.Fatal(err)
		}
		if out != string(want) {
			t.Errorf("%v differs from %s (go test ./app/cli -update rewrites it):\n%s", c.args, c.golden, out)
		}
	}
	// The JSON is the text's data.
	_, out, _ := run(t, "", "check", "-json", "../docs/testdata/wiki")
	var r checkReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if s := r.Summary; s.Files != 13 || s.Differing != 6 || s.Unchecked != 2 || s.Matching+s.Differing+s.Unchecked != s.Documented || s.Errors != 0 {
		t.Errorf("summary %+v", s)
	}
}

// The VER page mixes eras: under msnp-wiki its third example differs, and
// check says which policy it needs; under that policy the second differs.
func TestCheckMixedEras(t *testing.T) {
	_, out, _ := run(t, "", "check", "../docs/testdata/wiki/ver.md")
	if !strings.Contains(out, "ver.md:37: this example needs its own policy: it differs under msnp-wiki and matches under msn-2003-09,") ||
		!strings.Contains(out, `ver.md:38: documented "VER 3 MSNP8", computed "VER 3 CVR0": `) {
		t.Errorf("check ver.md:\n%s", out)
	}
	_, out, _ = run(t, "", "check", "-policy", "msn-2003-09", "../docs/testdata/wiki/ver.md")
	if !strings.Contains(out, `ver.md:32: documented "VER 2 CVR0", computed "VER 2 MSNP2": `) || strings.Contains(out, "ver.md:38") {
		t.Errorf("check -policy msn-2003-09 ver.md:\n%s", out)
	}
}

func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
		return p
	}
	good := write("docs/good.md", "```\nC: CVQ 6 spaghetti\nS: 731 6\n```\n")
	write("docs/sub/page.html", "<pre>&gt;&gt;&gt; CVQ 6 spaghetti\n&lt;&lt;&lt; 731 6</pre>")
	write("docs/.git/skipped.md", "```\nC: CVQ 6 spaghetti\nS: 999 6\n```\n")
	write("docs/notes.txt", "C: CVQ 6 spaghetti\nS: 999 6\n")
	unknown := write("unknown.md", "<!-- cvq policy: msn-1999 -->\n```\nC: CVQ 6 spaghetti\n```\n")
	for _, c := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"check", filepath.Join(dir, "docs")}, 0, "2 files, 2 examples, 2 documented lines: 2 matching, 0 differing, 0 not checkable\n"},
		{[]string{"check", good, filepath.Join(dir, "missing.md")}, 2, "missing.md: "},
		{[]string{"check", unknown}, 2, `unknown.md:3: unknown policy msn-1999: use one of`},
		{[]string{"check", "-policy", "msn-1999", good}, 2, ""},
		{[]string{"check"}, 2, ""},
		{[]string{"check", "-policy", "msn-2003-09", write("v.md", "    C: VER 1 MSNP2 CVR0\n    S: VER 1 CVR0\n")}, 1, "v.md:2: documented"},
	} {
		code, out, _ := run(t, "", c.args...)
		if code != c.code || !strings.Contains(out, c.out) {
			t.Errorf("%v: exit %d, want %d\n%s", c.args[1:], code, c.code, out)
		}
	}
}

// render over a folder: every .html file in place (twice changes
// nothing), or into -o with the other files copied.
func TestRenderFolder(t *testing.T) {
	site := t.TempDir()
	pages, _ := filepath.Glob("../docs/testdata/wiki/*.html")
	for _, p := range pages {
		data, _ := os.ReadFile(p)
		dst := filepath.Join(site, "msnp", filepath.Base(p))
		os.MkdirAll(filepath.Dir(dst), 0o755)
		os.WriteFile(dst, data, 0o644)
	}
	os.WriteFile(filepath.Join(site, "style.css"), []byte("pre{}"), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, errs := run(t, "", "render", "-detect", "-base", "https://cvq.example/", "-o", out, site); code != 0 {
		t.Fatalf("render -o: exit %d, %s", code, errs)
	}
	if css, _ := os.ReadFile(filepath.Join(out, "style.css")); string(css) != "pre{}" {
		t.Errorf("style.css not copied: %q", css)
	}
	for _, p := range pages {
		got, _ := os.ReadFile(filepath.Join(out, "msnp", filepath.Base(p)))
		want, _ := os.ReadFile(filepath.Join("../docs/testdata/detect", filepath.Base(p)))
		if !bytes.Equal(got, want) {
			t.Errorf("%s rendered into -o differs from the golden of app/docs", filepath.Base(p))
		}
	}
	// In place, twice: the second run finds the views and changes nothing.
	for i := 0; i < 2; i++ {
		if code, _, errs := run(t, "", "render", "-detect", "-base", "https://cvq.example/", site); code != 0 {
			t.Fatalf("render in place: exit %d, %s", code, errs)
		}
		for _, p := range pages {
			got, _ := os.ReadFile(filepath.Join(site, "msnp", filepath.Base(p)))
			want, _ := os.ReadFile(filepath.Join("../docs/testdata/detect", filepath.Base(p)))
			if !bytes.Equal(got, want) {
				t.Errorf("run %d: %s rendered in place differs from the golden", i+1, filepath.Base(p))
			}
		}
	}
	if code, _, _ := run(t, "", "render", "-o", filepath.Join(site, "out"), site); code != 2 {
		t.Errorf("render -o inside the folder: exit %d, want 2", code)
	}
}
