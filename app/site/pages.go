package site

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// servePages serves the prerendered pages as the site sends them:
// compacted, with their link previews and their style sheets inline.
// Every answer about a page is made from the whole page, a HEAD or a 304
// too: its policy names the hash of the page's style, and a browser merges
// a 304's headers into the page it kept (a 304 without the hash left the
// kept page's style refused).
func (c Config) servePages(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && !c.isEmbed(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		full := r.Clone(r.Context())
		full.Method = http.MethodGet
		full.Header.Del("If-None-Match")
		full.Header.Del("If-Modified-Since")
		rec := &pageRecorder{header: w.Header(), status: http.StatusOK}
		next.ServeHTTP(rec, full)
		body := rec.body.Bytes()
		if strings.HasPrefix(w.Header().Get("Content-Type"), "text/html") {
			body = c.shareMeta(compactHTML(body), r.URL.Path)
			// A sheet that cannot be read (a Dir without web/app.css) leaves
			// the page linking its sheets, as go-app wrote it.
			if page, hash, err := inlineStyles(body, func(href string) ([]byte, error) { return servedSheet(next, href) }); err == nil {
				body = page
				if policy := w.Header().Get("Content-Security-Policy"); policy != "" {
					w.Header().Set("Content-Security-Policy", allowStyle(policy, hash))
				}
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		switch {
		case rec.status == http.StatusOK && unchanged(r, w.Header().Get("Etag")):
			w.Header().Del("Content-Length")
			w.WriteHeader(http.StatusNotModified)
		case r.Method == http.MethodHead:
			w.WriteHeader(rec.status)
		default:
			w.WriteHeader(rec.status)
			w.Write(body)
		}
	})
}

// unchanged reports whether a conditional request names the page's ETag
// (go-app's: the site's version).
func unchanged(r *http.Request, etag string) bool {
	inm := r.Header.Get("If-None-Match")
	if inm == "" || etag == "" {
		return false
	}
	for _, tag := range strings.Split(inm, ",") {
		if tag = strings.TrimSpace(tag); tag == "*" || strings.TrimPrefix(tag, "W/") == strings.TrimPrefix(etag, "W/") {
			return true
		}
	}
	return false
}

// pageRecorder holds a response until the page is made from it.
type pageRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (p *pageRecorder) Header() http.Header         { return p.header }
func (p *pageRecorder) Write(b []byte) (int, error) { return p.body.Write(b) }
func (p *pageRecorder) WriteHeader(status int)      { p.status = status }

// finishStatic makes the pages of a static export served under prefix what
// servePages makes of them (the sheets must be in out already).
func (c Config) finishStatic(out, prefix string) error {
	return filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".html" {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(out, path)
		if err != nil {
			return err
		}
		if rel = filepath.ToSlash(rel); rel == "index.html" {
			rel = ""
		}
		if strings.HasPrefix(rel, "web/") {
			return nil // an asset (the embed's demo page), not one of go-app's pages
		}
		page, _, err := inlineStyles(c.shareMeta(compactHTML(data), rel),
			func(href string) ([]byte, error) { return exportedSheet(out, prefix, href) })
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		return os.WriteFile(path, page, 0o644)
	})
}
