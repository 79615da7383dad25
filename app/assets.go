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
	dir   string
	files http.Handler
}

func newWebFiles(dir string) webFiles {
	return webFiles{dir: dir, files: http.FileServer(http.Dir(dir))}
}

// Resolve returns a /web/ location unchanged; other locations too.
func (w webFiles) Resolve(location string) string {
	if location == "" {
		return "/"
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
