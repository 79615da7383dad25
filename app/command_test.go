//go:build !wasm

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// startServer serves the program's site (its pages, without app.wasm)
// on a loopback port.
func startServer(t *testing.T) string {
	t.Helper()
	routes()
	c := siteConfig()
	c.Dir = t.TempDir()
	// The site's style sheet, which the pages take in.
	css, err := os.ReadFile(filepath.Join("..", "static", "app.css"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(c.Dir, "web"), 0o755)
	os.WriteFile(filepath.Join(c.Dir, "web", "app.css"), css, 0o644)
	srv := httptest.NewServer(c.Handler())
	t.Cleanup(srv.Close)
	return srv.URL
}

// get fetches url with the header pairs given; the transport leaves a
// response alone when the request names its own Accept-Encoding.
func get(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestServerDefaults(t *testing.T) {
	if a := defaultAddr(); a != "127.0.0.1:8000" && a != os.Getenv("CVQ_ADDR") {
		t.Errorf("default address %s, want loopback", a)
	}
}

// The prerendered page shows the default example's answers, compacted.
func TestCompactPage(t *testing.T) {
	base := startServer(t)
	_, body := get(t, base+"/")
	if !strings.Contains(body, "CVQ 2 7.0.0813 7.0.0813 6.2.0205") {
		t.Error("the prerendered page lacks the default example's answers")
	}
	for _, want := range []string{
		// (go-app writes an element's attributes in no fixed order.)
		`<span class="lineno">1</span><span class="sr-only">: </span><span `,
		`>C:</span> <span class="cline"><span class="tok f-command">CVQ</span><span class="gap"> </span>`,
		`<textarea`, "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nCVQ 2 0x0409",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the prerendered page lacks %q", want)
		}
	}
	if strings.Count(body, " selected") != 1 {
		t.Errorf("%d options are marked selected in the prerendered policy list, want 1", strings.Count(body, " selected"))
	}
}

func TestEmbedRoutes(t *testing.T) {
	base := startServer(t)
	for _, path := range []string{"/embed", "/embed/", "/embed.html"} {
		resp, body := get(t, base+path)
		if resp.StatusCode != 200 || !strings.Contains(body, `class="root embed"`) {
			t.Errorf("%s: status %d, embed page %v", path, resp.StatusCode, strings.Contains(body, `class="root embed"`))
		}
	}
	for _, path := range []string{"/embedx", "/embed.htm", "/embed/x"} {
		if resp, _ := get(t, base+path); resp.StatusCode != 404 {
			t.Errorf("%s: status %d, want 404", path, resp.StatusCode)
		}
	}
}

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb strings.Builder
	code = runCommand(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsage(t *testing.T) {
	if code, _, errs := run(t, "frobnicate"); code != 2 || !strings.Contains(errs, "Usage") {
		t.Errorf("unknown command: exit %d", code)
	}
	if code, out, _ := run(t, "help"); code != 0 || !strings.Contains(out, "respond") {
		t.Errorf("help: exit %d", code)
	}
	// The engine's commands reach package cli, the site's the server.
	if code, out, _ := run(t, "presets"); code != 0 || !strings.Contains(out, "msnp-wiki (default)") {
		t.Errorf("presets: exit %d\n%s", code, out)
	}
	if code, _, errs := run(t, "static"); code != 2 || !strings.Contains(errs, "output directory") {
		t.Errorf("static without OUT: exit %d, %q", code, errs)
	}
}
