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

// instantiateStreaming is go-app's app.js taking the browser's
// instantiateStreaming, which compiles and instantiates in one go.
var instantiateStreaming = regexp.MustCompile(`let instantiateStreaming = WebAssembly\.instantiateStreaming;`)

// goRun is go-app's app.js starting Go on the instance it just made.
var goRun = regexp.MustCompile(`\n([ \t]*)go\.run\(wasm\.instance\);`)

// turn gives the browser a turn; postTask's "user-blocking" puts what
// follows before the browser's other queued work where it exists;
// elsewhere a timer does the same turn.
const turn = `await new Promise((resume) => (self.scheduler && scheduler.postTask ? scheduler.postTask(resume, { priority: "user-blocking" }) : setTimeout(resume, 0)))`

// compileThenInstantiate takes app.wasm in two tasks: the end of its
// compile, then its instantiation. Together (Go's start already a task
// of its own, yieldThenRun) they were the longest task after the first
// paint; apart, the longest fell from 145–161 to 139–145 ms in three
// series of 15, 15 and 11 cold loads, usable no later. Browsers without
// compileStreaming keep go-app's fallback.
const compileThenInstantiate = `let instantiateStreaming = WebAssembly.compileStreaming && (async (resp, importObject) => {
    const module = await WebAssembly.compileStreaming(resp);
    ` + turn + `;
    return { module, instance: await WebAssembly.instantiate(module, importObject) };
  });`

// loadFailed is go-app's app.js showing why app.wasm did not start: the
// error alone, such as "TypeError: Failed to fetch".
var loadFailed = regexp.MustCompile(`\n([ \t]*)loaderLabel\.innerText = err;`)

// explainFailure says it in words a reader can act on; the prerendered
// page stays readable under it.
const explainFailure = "\n${1}loaderLabel.innerText = \"Could not start the engine (\" + err + \"). Reload to try again.\";"

// yieldThenRun gives the browser a turn between instantiating app.wasm
// and running Go. Otherwise the end of the compile, the instantiation
// and Go's runtime start (V8 compiling each runtime function on its
// first call) are one task; apart, the longest task after the first
// paint fell from 274–282 ms to 145–158 ms in three series of 15, 15 and
// 21 cold loads, usable no later (−32 to +22 ms).
const yieldThenRun = "\n${1}" + turn + ";\n${1}go.run(wasm.instance);"

// streamWasm is go-app's app.js with these changes. app.wasm goes to
// the compiler as fetched, not through go-app's progress reader: read by
// that JavaScript stream, every chunk went through the page's main
// thread, busy drawing the page, before the compiler got it; given the
// response itself, the browser compiles the bytes as they arrive, and
// Go's main starts 10–40 ms sooner on a cold load (medians of 16 loads,
// three series). The page shows a "Starting the engine…" badge, not a
// percentage: no progress is lost. The end of the compile, the
// instantiation and Go's start are tasks of their own
// (compileThenInstantiate, yieldThenRun). And a failed start is said in
// words (explainFailure).
func streamWasm(appJS []byte) []byte {
	if n := len(progressRead.FindAllIndex(appJS, -1)); n != 1 {
		panic("go-app's app.js changed (" + strconv.Itoa(n) + " progress reads of app.wasm): review streamWasm")
	}
	if n := len(instantiateStreaming.FindAllIndex(appJS, -1)); n != 1 {
		panic("go-app's app.js changed (" + strconv.Itoa(n) + " takes of instantiateStreaming): review streamWasm")
	}
	if n := len(goRun.FindAllIndex(appJS, -1)); n != 1 {
		panic("go-app's app.js changed (" + strconv.Itoa(n) + " starts of Go): review streamWasm")
	}
	if n := len(loadFailed.FindAllIndex(appJS, -1)); n != 1 {
		panic("go-app's app.js changed (" + strconv.Itoa(n) + " reports of a failed start): review streamWasm")
	}
	appJS = progressRead.ReplaceAll(appJS, []byte(`fetch($1)`))
	appJS = instantiateStreaming.ReplaceAllLiteral(appJS, []byte(compileThenInstantiate))
	appJS = loadFailed.ReplaceAll(appJS, []byte(explainFailure))
	return goRun.ReplaceAll(appJS, []byte(yieldThenRun))
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
