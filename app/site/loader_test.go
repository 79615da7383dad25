package site

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The served app.js hands the fetched app.wasm to the compiler as it is
// and starts Go in a task of its own; the rest is go-app's.
func TestLoaderStreamsWasm(t *testing.T) {
	base := startServer(t)
	resp, js := get(t, base+"/app.js")
	checkLoader(t, "served", js)
	if n := resp.Header.Get("Content-Length"); n != "" && n != strconv.Itoa(len(js)) {
		t.Errorf("Content-Length %s for %d bytes", n, len(js))
	}
	// A HEAD has no body to change, and is answered.
	req, _ := http.NewRequest("HEAD", base+"/app.js", nil)
	head, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	head.Body.Close()
	if head.StatusCode != http.StatusOK {
		t.Errorf("HEAD /app.js: %s", head.Status)
	}
}

func TestLoaderStatic(t *testing.T) {
	out := exportStatic(t, nil)
	js, err := os.ReadFile(filepath.Join(out, "app.js"))
	if err != nil {
		t.Fatal(err)
	}
	checkLoader(t, "static", string(js))
	if !strings.Contains(string(js), `fetch("/cvq/web/app.wasm")`) {
		t.Error("the static app.js does not fetch app.wasm under its prefix")
	}
}

func checkLoader(t *testing.T, where, js string) {
	t.Helper()
	if !strings.Contains(js, "instantiateStreaming(\n      fetch(\"") {
		t.Errorf("%s app.js does not hand the fetched app.wasm to instantiateStreaming", where)
	}
	if strings.Contains(js, "fetchWithProgress(\"") {
		t.Errorf("%s app.js still reads app.wasm through the progress reader", where)
	}
	for _, want := range []string{"goappInitServiceWorker();", "go.run(wasm.instance);", "async function fetchWithProgress("} {
		if !strings.Contains(js, want) {
			t.Errorf("%s app.js lacks go-app's %q", where, want)
		}
	}
	yield := strings.Index(js, `scheduler.postTask(resume, { priority: "user-blocking" }) : setTimeout(resume, 0)));`)
	instantiate, run := strings.Index(js, "instantiateStreaming(\n"), strings.Index(js, "go.run(wasm.instance);")
	if yield < 0 || !(instantiate < yield && yield < run) || strings.Count(js, "go.run(") != 1 {
		t.Errorf("%s app.js does not yield once between instantiating app.wasm (at %d) and running Go (at %d): yield at %d", where, instantiate, run, yield)
	}
}

func TestStreamWasmRefusesAnotherLoader(t *testing.T) {
	for name, js := range map[string]string{
		"no progress read": "instantiateStreaming(fetch(\"/web/app.wasm\"), go.importObject);\n    go.run(wasm.instance);",
		"no start of Go":   "instantiateStreaming(fetchWithProgress(\"/web/app.wasm\", showProgress), go.importObject);\n    go.start(wasm.instance);",
		"two starts of Go": "instantiateStreaming(fetchWithProgress(\"/web/app.wasm\", showProgress), go.importObject);\n    go.run(wasm.instance);\n    go.run(wasm.instance);",
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: streamWasm patched an app.js it does not know", name)
				}
			}()
			streamWasm([]byte(js))
		}()
	}
}
