package site

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
)

// loadFailed is go-app's app.js showing why app.wasm did not start: the
// error alone, such as "TypeError: Failed to fetch".
var loadFailed = regexp.MustCompile(`\n([ \t]*)loaderLabel\.innerText = err;`)

// explainFailure says it in words a reader can act on; the prerendered
// page stays readable under it.
const explainFailure = "\n${1}loaderLabel.innerText = \"Could not start the engine (\" + err + \"). Reload to try again.\";"

// explainLoader is go-app's app.js with a failed start said in words
// (explainFailure); the rest is go-app's.
func explainLoader(appJS []byte) []byte {
	if n := len(loadFailed.FindAllIndex(appJS, -1)); n != 1 {
		panic("go-app's app.js changed (" + strconv.Itoa(n) + " reports of a failed start): review explainLoader")
	}
	return loadFailed.ReplaceAll(appJS, []byte(explainFailure))
}

// loaderPatched serves go-app's app.js as explainLoader changes it.
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
			body = explainLoader(body)
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		w.WriteHeader(rec.status)
		w.Write(body)
	})
}

// loaderStatic changes the app.js of a static export as explainLoader does.
func loaderStatic(out string) error {
	file := filepath.Join(out, "app.js")
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	return os.WriteFile(file, explainLoader(data), 0o644)
}
