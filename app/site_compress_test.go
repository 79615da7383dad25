//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Every text the server sends is compressed for a browser that accepts
// it: precompressed copies where build.sh wrote them (brotli first),
// gzip on the fly otherwise; without Accept-Encoding, as it is.
func TestCompressedText(t *testing.T) {
	dir := t.TempDir()
	web := filepath.Join(dir, "web")
	os.MkdirAll(web, 0o755)
	files := map[string]string{
		"app.css":         "body{color:red}",
		"embed.js":        "console.log('embed')",
		"icon.svg":        `<svg xmlns="http://www.w3.org/2000/svg"></svg>`,
		"embed-demo.html": "<!doctype html><p>demo</p>",
	}
	for name, text := range files {
		os.WriteFile(filepath.Join(web, name), []byte(text), 0o644)
	}
	// Precompressed copies of two of them (not real brotli: the server
	// only picks the file).
	os.WriteFile(filepath.Join(web, "app.css.br"), []byte("br of app.css"), 0o644)
	os.WriteFile(filepath.Join(web, "embed.js.br"), []byte("br of embed.js"), 0o644)
	routes()
	cfg := siteConfig()
	cfg.Dir = dir
	srv := cfg.Server("127.0.0.1:0")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	base := "http://" + ln.Addr().String()

	paths := []string{"/", "/embed", "/embed.html", "/app.js", "/wasm_exec.js", "/app-worker.js", "/manifest.webmanifest", "/app.css",
		"/web/app.css", "/web/embed.js", "/web/icon.svg", "/web/embed-demo.html"}
	for _, p := range paths {
		plain, want := get(t, base+p)
		if plain.StatusCode != 200 || plain.Header.Get("Content-Encoding") != "" || want == "" {
			t.Errorf("%s without Accept-Encoding: status %d, encoding %q, %d bytes", p, plain.StatusCode, plain.Header.Get("Content-Encoding"), len(want))
			continue
		}
		if !strings.Contains(plain.Header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: Vary %q", p, plain.Header.Get("Vary"))
		}
		precompressed := strings.HasSuffix(p, "/app.css") && strings.HasPrefix(p, "/web/") || p == "/web/embed.js"
		for _, accept := range []string{"gzip, deflate, br, zstd", "gzip"} {
			resp, body := get(t, base+p, "Accept-Encoding", accept)
			enc := resp.Header.Get("Content-Encoding")
			switch {
			case precompressed && accept != "gzip":
				if enc != "br" || !strings.HasPrefix(body, "br of ") {
					t.Errorf("%s (%s): encoding %q, body %q, want the .br copy", p, accept, enc, body)
				}
			default:
				if enc != "gzip" {
					t.Errorf("%s (%s): encoding %q, want gzip", p, accept, enc)
					continue
				}
				zr, err := gzip.NewReader(strings.NewReader(body))
				if err != nil {
					t.Errorf("%s (%s): %v", p, accept, err)
					continue
				}
				got, err := io.ReadAll(zr)
				if err != nil || !sameBytes(got, []byte(want)) {
					t.Errorf("%s (%s): gunzipped %d bytes (%v), want the %d bytes sent uncompressed", p, accept, len(got), err, len(want))
				}
				if cl := resp.Header.Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(body)) {
					t.Errorf("%s (%s): Content-Length %s for %d bytes", p, accept, cl, len(body))
				}
			}
		}
	}
	// Images go as they are.
	os.WriteFile(filepath.Join(web, "icon-192.png"), []byte("\x89PNG\r\n\x1a\n"), 0o644)
	if resp, _ := get(t, base+"/web/icon-192.png", "Accept-Encoding", "gzip, br"); resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("a PNG sent with encoding %q", resp.Header.Get("Content-Encoding"))
	}
}

// sameBytes compares two responses as multisets of bytes: go-app writes a
// page's attributes in map order, which differs between requests.
func sameBytes(a, b []byte) bool {
	sa, sb := slices.Clone(a), slices.Clone(b)
	slices.Sort(sa)
	slices.Sort(sb)
	return bytes.Equal(sa, sb)
}
