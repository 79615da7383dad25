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

// go-app writes prerendered pages indented, one child per line. In most
// places that whitespace is harmless, but the transcript keeps the line's
// own spaces (white-space: pre-wrap), where the indentation showed as
// blank lines and wide gaps until the WebAssembly redrew the page.
// compactHTML takes the indentation out again, so that the prerendered
// page holds the same text as the one the WebAssembly draws.
//
// It relies on the encoder's layout: an element with several children
// writes "\n", then each child indented by two spaces per open element and
// followed by "\n", then the closing tag indented; a lone text child
// stays inline. Text kept apart from that layout is copied as it is.
func compactHTML(in []byte) []byte {
	out := make([]byte, 0, len(in))
	depth := 0
	for i := 0; i < len(in); {
		if in[i] != '<' {
			j := bytes.IndexByte(in[i:], '<')
			if j < 0 {
				j = len(in) - i
			}
			closing := i+j+1 < len(in) && in[i+j+1] == '/'
			out = appendText(out, in[i:i+j], depth, closing)
			i += j
			continue
		}
		end := tagEnd(in, i)
		tag := in[i:end]
		out = append(out, tag...)
		i = end
		name, closing := tagName(tag)
		switch {
		case closing:
			depth--
		case voidElements[name] || strings.HasPrefix(name, "!") || bytes.HasSuffix(tag, []byte("/>")):
		case rawTextElements[name]:
			// Script, style, title and textarea content is copied as it is.
			close := bytes.Index(in[i:], []byte("</"+name))
			if close < 0 {
				close = len(in) - i
			}
			out = append(out, in[i:i+close]...)
			i += close
			depth++
		default:
			depth++
		}
	}
	return out
}

// appendText appends the text between two tags without the encoder's
// line breaks and indentation. depth is the number of open elements;
// beforeClose tells whether a closing tag follows.
func appendText(out, text []byte, depth int, beforeClose bool) []byte {
	if bytes.IndexByte(text, '\n') < 0 {
		return append(out, text...)
	}
	pieces := bytes.Split(text, []byte{'\n'})
	out = append(out, pieces[0]...)
	childIndent := strings.Repeat(" ", 2*depth)
	for k, p := range pieces[1:] {
		last := k == len(pieces)-2
		switch {
		case last && beforeClose && string(p) == strings.Repeat(" ", max(0, 2*depth-2)):
		case last && !beforeClose && string(p) == childIndent:
		case !last && bytes.HasPrefix(p, []byte(childIndent)):
			out = append(out, p[len(childIndent):]...)
		default:
			out = append(out, '\n')
			out = append(out, p...)
		}
	}
	return out
}

// tagEnd returns the index just after the tag that starts at i, skipping
// quoted attribute values (go-app quotes them with strconv.Quote).
func tagEnd(in []byte, i int) int {
	for j := i + 1; j < len(in); j++ {
		switch in[j] {
		case '"':
			for j++; j < len(in) && in[j] != '"'; j++ {
				if in[j] == '\\' {
					j++
				}
			}
		case '>':
			return j + 1
		}
	}
	return len(in)
}

// tagName returns the lower-case name of a tag and whether it closes.
func tagName(tag []byte) (string, bool) {
	s := strings.TrimPrefix(string(tag), "<")
	closing := strings.HasPrefix(s, "/")
	s = strings.TrimPrefix(s, "/")
	end := strings.IndexAny(s, " \t\n/>")
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(s[:end]), closing
}

var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true}

var rawTextElements = map[string]bool{"script": true, "style": true, "title": true, "textarea": true}

// compactPages serves the prerendered pages compacted, their style sheets
// inline. Every answer about a page is made from the whole page, a HEAD or
// a 304 too: its policy names the hash of the page's style, and a browser
// merges a 304's headers into the page it kept (a 304 without the hash
// left the kept page's style refused).
func (c Config) compactPages(next http.Handler) http.Handler {
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

// pageRecorder holds a page's response until it is compacted.
type pageRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (p *pageRecorder) Header() http.Header         { return p.header }
func (p *pageRecorder) Write(b []byte) (int, error) { return p.body.Write(b) }
func (p *pageRecorder) WriteHeader(status int)      { p.status = status }

// compactStatic compacts the pages of a static export served under
// prefix and writes their style sheets into them (the sheets must be in
// out already).
func (c Config) compactStatic(out, prefix string) error {
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
