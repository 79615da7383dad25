//go:build !wasm

package main

import (
	"bytes"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"cvq-playground/app/site"
)

var ogTag = regexp.MustCompile(`<meta [^>]*property="og:(url|image)"[^>]*>`)

// ogOf returns the og:url and og:image tags of a page.
func ogOf(page string) []string { return ogTag.FindAllString(page, -1) }

// serverAt serves the site published at base (the -base-url flag).
func serverAt(t *testing.T, base string) string {
	t.Helper()
	routes()
	c := siteConfig()
	c.Dir = t.TempDir()
	var err error
	if c.BaseURL, err = site.ParseBaseURL(base); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(c.Handler())
	t.Cleanup(srv.Close)
	return srv.URL
}

// exportAt writes the static site published at base, from the assets in web.
func exportAt(t *testing.T, base, web string) string {
	t.Helper()
	routes()
	c := siteConfig()
	c.Dir = web
	var err error
	if c.BaseURL, err = site.ParseBaseURL(base); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := c.WriteStatic(out, "/cvq/"); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestShareMetaServer(t *testing.T) {
	base := serverAt(t, "")
	for _, path := range []string{"/", "/embed.html"} {
		if _, body := get(t, base+path); len(ogOf(body)) != 0 || strings.Contains(body, `"https://"`) {
			t.Errorf("%s without a public address: %q, want no og:url or og:image", path, ogOf(body))
		}
	}
	base = serverAt(t, "https://docs.example.org/cvq")
	for path, want := range map[string][]string{
		"/":           {`<meta property="og:url" content="https://docs.example.org/cvq/">`, `<meta property="og:image" content="https://docs.example.org/cvq/web/icon-512.png">`},
		"/embed.html": {`<meta property="og:url" content="https://docs.example.org/cvq/embed.html">`, `<meta property="og:image" content="https://docs.example.org/cvq/web/icon-512.png">`},
	} {
		if _, body := get(t, base+path); strings.Join(ogOf(body), "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: %q, want %q", path, ogOf(body), want)
		}
	}
}

func TestShareMetaStatic(t *testing.T) {
	web := t.TempDir()
	os.MkdirAll(filepath.Join(web, "web"), 0o755)
	os.WriteFile(filepath.Join(web, "web", "app.css"), []byte("body{}"), 0o644)
	read := func(out, page string) string {
		data, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	out := exportAt(t, "", web)
	if og := ogOf(read(out, "index.html")); len(og) != 0 {
		t.Errorf("static export without a public address: %q", og)
	}
	out = exportAt(t, "https://user.github.io/cvq/", web)
	if og := ogOf(read(out, "embed.html")); len(og) != 2 || og[0] != `<meta property="og:url" content="https://user.github.io/cvq/embed.html">` ||
		og[1] != `<meta property="og:image" content="https://user.github.io/cvq/web/icon-512.png">` {
		t.Errorf("static embed.html: %q", og)
	}
	if og := ogOf(read(out, "index.html")); len(og) != 2 || og[0] != `<meta property="og:url" content="https://user.github.io/cvq/">` {
		t.Errorf("static index.html: %q", og)
	}
}

func TestPublicURLFlag(t *testing.T) {
	for _, bad := range []string{"example.org", "ftp://example.org/", "https://example.org/?q=1", "https://"} {
		var stderr bytes.Buffer
		if code := runCommand([]string{"static", "-base-url", bad, t.TempDir()}, nil, &bytes.Buffer{}, &stderr); code != 2 || !strings.Contains(stderr.String(), "-base-url") {
			t.Errorf("-base-url %q: exit %d, %q", bad, code, stderr.String())
		}
	}
	// A markup character in the address is escaped, not written as markup.
	base := serverAt(t, `https://example.org/a"b<c/`)
	_, body := get(t, base+"/")
	for _, tag := range ogOf(body) {
		if v := strings.TrimSuffix(tag[strings.Index(tag, `content="`)+len(`content="`):], `">`); strings.ContainsAny(v, `"<`) {
			t.Errorf("og tag written as %s", tag)
		}
	}
}
