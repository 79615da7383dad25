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
	// The compile's end, the instantiation and Go's start: a turn of the
	// browser between each.
	const turn = `await new Promise((resume) => (self.scheduler && scheduler.postTask ? scheduler.postTask(resume, { priority: "user-blocking" }) : setTimeout(resume, 0)));`
	compile := strings.Index(js, "const module = await WebAssembly.compileStreaming(resp);")
	instantiate := strings.Index(js, "instance: await WebAssembly.instantiate(module, importObject)")
	called, run := strings.Index(js, "instantiateStreaming(\n"), strings.Index(js, "go.run(wasm.instance);")
	first := strings.Index(js, turn)
	second := strings.Index(js[first+1:], turn) + first + 1
	if strings.Count(js, turn) != 2 || !(compile < first && first < instantiate && instantiate < called && called < second && second < run) {
		t.Errorf("%s app.js does not take turns between the compile (at %d), the instantiation (at %d) and Go's start (at %d): turns at %d and %d",
			where, compile, instantiate, run, first, second)
	}
	if !strings.Contains(js, `loaderLabel.innerText = "Could not start the engine (" + err + "). Reload to try again.";`) {
		t.Errorf("%s app.js reports a failed start with the error alone", where)
	}
	if strings.Count(js, "go.run(") != 1 || !strings.Contains(js, "if (!instantiateStreaming) {") {
		t.Errorf("%s app.js: Go started %d times, or go-app's fallback for browsers without streaming lost", where, strings.Count(js, "go.run("))
	}
}

func TestStreamWasmRefusesAnotherLoader(t *testing.T) {
	// Each loader lacks one thing streamWasm changes, or has it twice.
	const (
		take   = "let instantiateStreaming = WebAssembly.instantiateStreaming;\n"
		read   = "instantiateStreaming(fetchWithProgress(\"/web/app.wasm\", showProgress), go.importObject);"
		run    = "\n    go.run(wasm.instance);"
		failed = "\n    loaderLabel.innerText = err;"
	)
	// The whole of them is taken.
	if got := string(streamWasm([]byte(take + read + run + failed))); !strings.Contains(got, "compileStreaming(resp)") || !strings.Contains(got, "Could not start the engine") {
		t.Errorf("streamWasm left a loader with all it changes as it was:\n%s", got)
	}
	for name, js := range map[string]string{
		"no progress read":               take + "instantiateStreaming(fetch(\"/web/app.wasm\"), go.importObject);" + run + failed,
		"no start of Go":                 take + read + "\n    go.start(wasm.instance);" + failed,
		"two starts of Go":               take + read + run + run + failed,
		"instantiateStreaming not taken": read + run + failed,
		"no report of a failed start":    take + read + run,
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
