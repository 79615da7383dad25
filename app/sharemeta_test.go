//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var ogTag = regexp.MustCompile(`<meta [^>]*property="og:(url|image)"[^>]*>`)

// ogOf returns the og:url and og:image tags of a page.
func ogOf(page string) []string { return ogTag.FindAllString(page, -1) }

func withPublicURL(t *testing.T, u string) {
	t.Helper()
	old := publicURL
	if err := setPublicURL(u); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { publicURL = old })
}

func TestShareMetaServer(t *testing.T) {
	withPublicURL(t, "")
	base := startServer(t)
	for _, path := range []string{"/", "/embed.html"} {
		if _, body := get(t, base+path); len(ogOf(body)) != 0 || strings.Contains(body, `"https://"`) {
			t.Errorf("%s without a public address: %q, want no og:url or og:image", path, ogOf(body))
		}
	}
	withPublicURL(t, "https://docs.example.org/cvq")
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
	routes()
	read := func(out, page string) string {
		data, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	withPublicURL(t, "")
	out := t.TempDir()
	if err := writeStatic(out, "/cvq/", web); err != nil {
		t.Fatal(err)
	}
	if og := ogOf(read(out, "index.html")); len(og) != 0 {
		t.Errorf("static export without a public address: %q", og)
	}
	withPublicURL(t, "https://user.github.io/cvq/")
	out = t.TempDir()
	if err := writeStatic(out, "/cvq/", web); err != nil {
		t.Fatal(err)
	}
	if og := ogOf(read(out, "embed.html")); len(og) != 2 || og[0] != `<meta property="og:url" content="https://user.github.io/cvq/embed.html">` ||
		og[1] != `<meta property="og:image" content="https://user.github.io/cvq/web/icon-512.png">` {
		t.Errorf("static embed.html: %q", og)
	}
	if og := ogOf(read(out, "index.html")); len(og) != 2 || og[0] != `<meta property="og:url" content="https://user.github.io/cvq/">` {
		t.Errorf("static index.html: %q", og)
	}
}

func TestPublicURLFlag(t *testing.T) {
	defer setPublicURL("")
	for _, bad := range []string{"example.org", "ftp://example.org/", "https://example.org/?q=1", "https://"} {
		var stderr bytes.Buffer
		if code := runCommand([]string{"static", "-base-url", bad, t.TempDir()}, nil, &bytes.Buffer{}, &stderr); code != 2 || !strings.Contains(stderr.String(), "-base-url") {
			t.Errorf("-base-url %q: exit %d, %q", bad, code, stderr.String())
		}
	}
	// A markup character in the address is escaped, not written as markup.
	withPublicURL(t, `https://example.org/a"b<c/`)
	if got := string(shareMeta([]byte(`<meta property="og:url" content="https://">`), "")); strings.ContainsAny(strings.TrimSuffix(strings.TrimPrefix(got, `<meta property="og:url" content="`), `">`), `"<`) {
		t.Errorf("shareMeta wrote %s", got)
	}
}
