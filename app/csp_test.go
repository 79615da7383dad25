//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/base64"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

var styleElement = regexp.MustCompile(`(?s)<style>(.*?)</style>`)

// checkStyleAllowed checks that a page's style-src allows its own sheets
// and, inline, only its one <style>, by that element's hash.
func checkStyleAllowed(t *testing.T, page, styleSrc, body string) {
	t.Helper()
	m := styleElement.FindStringSubmatch(body)
	if m == nil {
		t.Errorf("%s: no <style> element", page)
		return
	}
	sum := sha256.Sum256([]byte(m[1]))
	if want := "'self' 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; styleSrc != want {
		t.Errorf("%s: style-src %q, want %q", page, styleSrc, want)
	}
}

// directive returns the sources of one directive of a policy.
func directive(policy, name string) string {
	for _, d := range strings.Split(policy, ";") {
		if f := strings.Fields(d); len(f) > 0 && f[0] == name {
			return strings.Join(f[1:], " ")
		}
	}
	return ""
}

// The pages allow no inline script and one inline style, their own style
// sheets taken in, by its hash; they compile WebAssembly, and say the same
// in their header and in their meta tag (one policy).
func TestStrictPolicy(t *testing.T) {
	base := startServer(t)
	for _, path := range []string{"/", "/embed", "/embed.html"} {
		resp, body := get(t, base+path)
		header := resp.Header.Get("Content-Security-Policy")
		if got := directive(header, "script-src"); got != "'self' 'wasm-unsafe-eval'" {
			t.Errorf("%s: script-src %q", path, got)
		}
		checkStyleAllowed(t, path, directive(header, "style-src"), body)
		m := cspMeta.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("%s: no policy meta tag", path)
		}
		if !strings.HasPrefix(header, m[1]+"; frame-ancestors ") {
			t.Errorf("%s: header %q does not extend the meta tag's %q", path, header, m[1])
		}
		if strings.Contains(body, ` style="`) || strings.Count(body, "<style") != 1 || regexp.MustCompile(`<script>|<script [^>]*>[^<]`).MatchString(body) {
			t.Errorf("%s: the page has an inline script, a style attribute or more than its one <style>, which its policy refuses", path)
		}
		if strings.Contains(body, `rel="stylesheet"`) {
			t.Errorf("%s: the page still links a style sheet", path)
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
		if m == nil {
			t.Fatalf("%s: no policy meta tag", page)
		}
		// The same policy but for the hash of the page's own style.
		checkStyleAllowed(t, page, directive(string(m[1]), "style-src"), string(data))
		hashless := regexp.MustCompile(` 'sha256-[^']*'`)
		if got, want := hashless.ReplaceAllString(string(m[1]), ""), hashless.ReplaceAllString(header, ""); !strings.HasPrefix(want, got+"; frame-ancestors ") {
			t.Errorf("%s: policy meta %q, want the server's %q without frame-ancestors", page, got, want)
		}
		if !strings.Contains(string(data), "body{}") {
			t.Errorf("%s: the site's style sheet is not in the page", page)
		}
	}
}
