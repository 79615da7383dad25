package site

import (
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// webFiles serves dir/web/… at /web/… and resolves resource paths to
// themselves (go-app's LocalDir would prefix them with the directory,
// which only works when the server runs inside it).
type webFiles struct {
	dir    string
	prefix string // the path the site is served under, "" for the root
	files  http.Handler
}

func newWebFiles(dir string) webFiles {
	return webFiles{dir: dir, files: http.FileServer(http.Dir(dir))}
}

// Resolve puts the site's prefix before absolute paths; relative ones
// and fragments ("#editor") stay as they are. (go-app's PrefixedLocation
// prefixes fragments too, which turns a skip link into a navigation.)
func (w webFiles) Resolve(location string) string {
	switch {
	case location == "" || location == "/":
		return w.prefix + "/"
	case strings.HasPrefix(location, "/"):
		return w.prefix + location
	}
	return location
}

// ServeHTTP serves /web/ files, precompressed when the client accepts it
// and build.sh left a .br or .gz beside the file (compressText, around
// it, says Vary: Accept-Encoding).
func (w webFiles) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if !strings.HasPrefix(p, "/web/") || strings.HasSuffix(p, "/") || strings.Contains(p, "..") {
		http.NotFound(rw, r)
		return
	}
	// The names do not change between versions: always revalidate (a 304
	// when unchanged), so that a new app.wasm never meets an old page.
	// The service worker serves them without asking once installed.
	rw.Header().Set("Cache-Control", "no-cache")
	accept := r.Header.Get("Accept-Encoding")
	for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
		if !acceptsEncoding(accept, enc.name) {
			continue
		}
		f, err := os.Open(filepath.Join(w.dir, filepath.FromSlash(p)+enc.ext))
		if err != nil {
			continue
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil || st.IsDir() {
			continue
		}
		if ct := mime.TypeByExtension(path.Ext(p)); ct != "" {
			rw.Header().Set("Content-Type", ct)
		}
		rw.Header().Set("Content-Encoding", enc.name)
		http.ServeContent(rw, r, p, st.ModTime(), f)
		return
	}
	w.files.ServeHTTP(rw, r)
}

// acceptsEncoding reports whether an Accept-Encoding header allows enc.
func acceptsEncoding(header, enc string) bool {
	for _, part := range strings.Split(header, ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(name), enc) {
			return strings.TrimSpace(q) != "q=0"
		}
	}
	return false
}

// wasmSize is the uncompressed size of dir/web/app.wasm, for go-app's
// loading progress when the file is sent compressed; "" if unknown.
func wasmSize(dir string) string {
	st, err := os.Stat(filepath.Join(dir, "web", "app.wasm"))
	if err != nil {
		return ""
	}
	return strconv.FormatInt(st.Size(), 10)
}
