//go:build !wasm

package main

import (
	"net/http"
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

func (w webFiles) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, "/web/") || strings.HasSuffix(r.URL.Path, "/") {
		http.NotFound(rw, r)
		return
	}
	w.files.ServeHTTP(rw, r)
}
