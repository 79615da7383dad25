package site

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The served app.js says a failed start in words; the rest is go-app's.
func TestLoaderExplainsFailure(t *testing.T) {
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
	if !strings.Contains(string(js), `"/cvq/web/app.wasm"`) {
		t.Error("the static app.js does not fetch app.wasm under its prefix")
	}
}

func checkLoader(t *testing.T, where, js string) {
	t.Helper()
	if !strings.Contains(js, `loaderLabel.innerText = "Could not start the engine (" + err + "). Reload to try again.";`) {
		t.Errorf("%s app.js reports a failed start with the error alone", where)
	}
	for _, want := range []string{"goappInitServiceWorker();", "go.run(wasm.instance);", "async function fetchWithProgress("} {
		if !strings.Contains(js, want) {
			t.Errorf("%s app.js lacks go-app's %q", where, want)
		}
	}
	if strings.Count(js, "go.run(") != 1 {
		t.Errorf("%s app.js starts Go %d times", where, strings.Count(js, "go.run("))
	}
}

func TestExplainLoaderRefusesAnotherLoader(t *testing.T) {
	const failed = "\n    loaderLabel.innerText = err;"
	if got := string(explainLoader([]byte("go.run(wasm.instance);" + failed))); !strings.Contains(got, "Could not start the engine") {
		t.Errorf("explainLoader left the report of a failed start as it was:\n%s", got)
	}
	for name, js := range map[string]string{
		"no report of a failed start":   "go.run(wasm.instance);",
		"two reports of a failed start": failed + failed,
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: explainLoader patched an app.js it does not know", name)
				}
			}()
			explainLoader([]byte(js))
		}()
	}
}
