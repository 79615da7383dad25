package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRenderCommand(t *testing.T) {
	page := "<main><h1>CVQ</h1>\n<pre><code class=\"language-cvq\">CVQ 6 spaghetti</code></pre>\n</main>\n"
	code, out, errs := run(t, page, "render", "-base", "https://cvq.example/")
	if code != 0 || !strings.HasPrefix(out, "<main><h1>CVQ</h1>\n<pre><code class=\"language-cvq\">CVQ 6 spaghetti</code></pre><div class=\"cvq-example\" data-cvq-rendered data-cvq-check=\"none\">") ||
		!strings.Contains(out, "<span class=\"s\" part=\"server\"><span class=\"p\">S:</span> 731 6</span>") || !strings.Contains(out, `href="https://cvq.example/#policy=msnp-wiki&amp;in=CVQ%206%20spaghetti"`) ||
		!strings.HasSuffix(out, "</template></div>\n</main>\n") {
		t.Errorf("render: exit %d, %s\n%s", code, errs, out)
	}
	// -policy answers the examples that name none; a file instead of stdin.
	file := filepath.Join(t.TempDir(), "page.html")
	os.WriteFile(file, []byte("<pre data-cvq>CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS</pre>"), 0o644)
	if code, out, _ := run(t, "", "render", "-policy", "msn-2002-10", file); code != 0 || !strings.Contains(out, "policy msn-2002-10") {
		t.Errorf("render -policy msn-2002-10 FILE: exit %d\n%s", code, out)
	}
	if code, _, errs := run(t, page, "render", "-policy", "msn-1999"); code != 2 || !strings.Contains(errs, "msn-1999") {
		t.Errorf("render with an unknown preset: exit %d, %q", code, errs)
	}
	if code, _, _ := run(t, "", "render", filepath.Join(t.TempDir(), "missing.html")); code != 1 {
		t.Errorf("render of a missing file: exit %d, want 1", code)
	}
}
