package site

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const linkedPage = `<!DOCTYPE html><html><head>` +
	`<link href="/cvq/app.css" type="text/css" rel="stylesheet">` +
	`<link type="text/css" rel="stylesheet" href="/cvq/web/app.css">` +
	`<meta http-equiv="Content-Security-Policy" content="` + cspBase + `">` +
	`</head><body><p>x</p></body></html>`

func sheets(m map[string]string) func(string) ([]byte, error) {
	return func(href string) ([]byte, error) {
		css, ok := m[href]
		if !ok {
			return nil, errors.New("no such sheet")
		}
		return []byte(css), nil
	}
}

func TestInlineStyles(t *testing.T) {
	page, hash, err := inlineStyles([]byte(linkedPage), sheets(map[string]string{
		"/cvq/app.css":     ".goapp{color:red}",
		"/cvq/web/app.css": "body{margin:0}\n",
	}))
	if err != nil {
		t.Fatal(err)
	}
	// Both sheets, in their order, in one element where the first link was.
	css := ".goapp{color:red}\nbody{margin:0}\n"
	want := `<head><style>` + css + `</style><meta http-equiv`
	if !strings.Contains(string(page), want) || strings.Contains(string(page), "<link") {
		t.Errorf("page:\n%s\nwant it to hold %q and no link", page, want)
	}
	sum := sha256.Sum256([]byte(css))
	if wantHash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; hash != wantHash {
		t.Errorf("hash %s, want %s", hash, wantHash)
	}
	// The meta tag's policy allows that element and nothing else.
	if !strings.Contains(string(page), "style-src 'self' "+hash+"; img-src") {
		t.Errorf("the meta policy does not allow the style: %s", page)
	}
	if got := allowStyle(cspPage, hash); !strings.Contains(got, "style-src 'self' "+hash+";") || !strings.HasSuffix(got, "frame-ancestors 'none'") {
		t.Errorf("allowStyle(cspPage) = %q", got)
	}
}

func TestInlineStylesWithoutSheets(t *testing.T) {
	page := []byte(`<html><head><meta http-equiv="Content-Security-Policy" content="` + cspBase + `"></head></html>`)
	got, hash, err := inlineStyles(page, sheets(nil))
	if err != nil || hash != "" || string(got) != string(page) {
		t.Errorf("a page without sheets: %q, %q, %v", got, hash, err)
	}
	if allowStyle(cspPage, "") != cspPage {
		t.Error("allowStyle changed a policy without a hash")
	}
}

// A page is not changed into one its policy would refuse or that would
// end its style early.
func TestInlineStylesRefuses(t *testing.T) {
	for name, tc := range map[string]struct {
		page   string
		sheets map[string]string
	}{
		"a missing sheet": {linkedPage, map[string]string{"/cvq/app.css": "a{}"}},
		"a sheet that ends the element": {linkedPage, map[string]string{
			"/cvq/app.css": "a{}", "/cvq/web/app.css": "a::after{content:'</STYLE>'}"}},
		"no policy meta tag": {strings.Replace(linkedPage, "Content-Security-Policy", "X", 1),
			map[string]string{"/cvq/app.css": "a{}", "/cvq/web/app.css": "b{}"}},
		"a link without href": {`<link rel="stylesheet">`, nil},
	} {
		if _, _, err := inlineStyles([]byte(tc.page), sheets(tc.sheets)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestExportedSheet(t *testing.T) {
	out := t.TempDir()
	for _, tc := range []struct{ prefix, href string }{{"/cvq", "/web/x.css"}, {"/cvq", "/cvq/../x.css"}, {"", "x.css"}} {
		if _, err := exportedSheet(out, tc.prefix, tc.href); err == nil {
			t.Errorf("exportedSheet(%q, %q) read a file outside the site", tc.prefix, tc.href)
		}
	}
}

// The static export takes the sheets into go-app's pages, under the
// export's prefix, and leaves the assets' pages as they are.
func TestWriteStaticInlinesPagesOnly(t *testing.T) {
	demo := `<!DOCTYPE html><html><head><link rel="stylesheet" href="demo.css"></head><body></body></html>`
	out := exportStatic(t, map[string]string{"demo.html": demo})
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "goapp-spin-frames") || !strings.Contains(string(page), "body{}\n</style>") || strings.Contains(string(page), `rel="stylesheet"`) {
		t.Errorf("index.html does not hold its sheets:\n%s", page)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "web", "demo.html")); string(got) != demo {
		t.Errorf("web/demo.html changed:\n%s", got)
	}
}

// A 304 and a HEAD about a page carry the policy with its style's hash:
// a browser merges a 304's headers into the page it kept.
func TestPagePolicyOnRevalidation(t *testing.T) {
	base := startServer(t)
	resp, _ := get(t, base+"/")
	policy, etag := resp.Header.Get("Content-Security-Policy"), resp.Header.Get("Etag")
	if !strings.Contains(policy, "style-src 'self' 'sha256-") || etag == "" {
		t.Fatalf("page policy %q, ETag %q", policy, etag)
	}
	resp, body := get(t, base+"/", "If-None-Match", etag)
	if resp.StatusCode != 304 || body != "" || resp.Header.Get("Content-Security-Policy") != policy {
		t.Errorf("revalidated: %s, %d bytes, policy %q; want 304, none, %q", resp.Status, len(body), resp.Header.Get("Content-Security-Policy"), policy)
	}
	resp, body = get(t, base+"/", "If-None-Match", `"another"`)
	if resp.StatusCode != 200 || !strings.Contains(body, "<style>") {
		t.Errorf("another version: %s", resp.Status)
	}
	req, _ := http.NewRequest("HEAD", base+"/", nil)
	head, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	head.Body.Close()
	if head.StatusCode != 200 || head.Header.Get("Content-Security-Policy") != policy {
		t.Errorf("HEAD: %s, policy %q", head.Status, head.Header.Get("Content-Security-Policy"))
	}
}
