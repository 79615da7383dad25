//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// directive returns the sources of one directive of a policy.
func directive(policy, name string) string {
	for _, d := range strings.Split(policy, ";") {
		if f := strings.Fields(d); len(f) > 0 && f[0] == name {
			return strings.Join(f[1:], " ")
		}
	}
	return ""
}

// The pages allow no inline script or style, compile WebAssembly, and say
// the same in their header and in their meta tag (one policy).
func TestStrictPolicy(t *testing.T) {
	base := startServer(t)
	for _, path := range []string{"/", "/embed", "/embed.html"} {
		resp, body := get(t, base+path)
		header := resp.Header.Get("Content-Security-Policy")
		if got := directive(header, "script-src"); got != "'self' 'wasm-unsafe-eval'" {
			t.Errorf("%s: script-src %q", path, got)
		}
		if got := directive(header, "style-src"); got != "'self'" {
			t.Errorf("%s: style-src %q", path, got)
		}
		m := cspMeta.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("%s: no policy meta tag", path)
		}
		if !strings.HasPrefix(header, m[1]+"; frame-ancestors ") {
			t.Errorf("%s: header %q does not extend the meta tag's %q", path, header, m[1])
		}
		if strings.Contains(body, ` style="`) || strings.Contains(body, "<style") || regexp.MustCompile(`<script>|<script [^>]*>[^<]`).MatchString(body) {
			t.Errorf("%s: the page has an inline style or script, which its policy refuses", path)
		}
	}
	// The demo page, which stands for another site's documentation, keeps
	// its own <style>; its scripts are held as strictly.
	resp, _ := get(t, base+"/web/embed-demo.html")
	if h := resp.Header.Get("Content-Security-Policy"); directive(h, "script-src") != "'self' 'wasm-unsafe-eval'" || directive(h, "style-src") != "'self' 'unsafe-inline'" {
		t.Errorf("demo page policy %q", h)
	}
}

// The static export carries the same policy in its pages' meta tag.
func TestStaticExportPolicy(t *testing.T) {
	web := t.TempDir()
	os.MkdirAll(filepath.Join(web, "web"), 0o755)
	os.WriteFile(filepath.Join(web, "web", "app.css"), []byte("body{}"), 0o644)
	routes()
	out := t.TempDir()
	cfg := siteConfig()
	cfg.Dir = web
	if err := cfg.WriteStatic(out, "/cvq/"); err != nil {
		t.Fatal(err)
	}
	resp, _ := get(t, startServer(t)+"/")
	header := resp.Header.Get("Content-Security-Policy")
	for _, page := range []string{"index.html", "embed.html"} {
		data, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		m := cspMeta.FindSubmatch(data)
		if m == nil || !strings.HasPrefix(header, string(m[1])+"; frame-ancestors ") {
			t.Errorf("%s: policy meta %q, want the server's %q without frame-ancestors", page, m, header)
		}
	}
}
