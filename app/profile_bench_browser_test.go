//go:build browser && bench

package main

// Where the main thread goes during a cold start: a Chrome trace of one
// load, with V8's sampling profiler, of a build of the page that keeps
// its function names. ./build.sh bench prints the summary and keeps the
// trace in build/trace-cold.json (it opens in Chrome's Performance panel
// or ui.perfetto.dev).

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/io"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

type traceEvent struct {
	Name string          `json:"name"`
	Cat  string          `json:"cat"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`
	Dur  float64         `json:"dur"`
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	ID   json.RawMessage `json:"id"` // a number or a string
	Args json.RawMessage `json:"args"`
}

func TestProfileStart(t *testing.T) {
	// The page, with a wasm that keeps its function names (no -s).
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(siteDir)); err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-w",
		"-gcflags=github.com/maxence-charriere/go-app/v10/...=-l", "-gcflags=cvq-playground/...=-l",
		"-o", filepath.Join(dir, "web", "app.wasm"), ".")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, ext := range []string{".br", ".gz"} {
		os.Remove(filepath.Join(dir, "web", "app.wasm"+ext))
	}
	project := benchSite{"playground", "", playgroundReady}
	srv := httptest.NewServer(siteHandler(dir))
	defer srv.Close()
	project.url = srv.URL + "/"

	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReturnAsStream,
		TraceConfig: &tracing.TraceConfig{EnableSampling: true, IncludedCategories: []string{
			"toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing", "loading",
			"v8.execute", "disabled-by-default-v8.cpu_profiler", "v8.wasm", "disabled-by-default-v8.gc", "v8"}},
	}); err != nil {
		t.Fatal(err)
	}
	r := measureLoad(t, ctx, project, true)
	data := endTrace(t, ctx)
	os.WriteFile(filepath.Join("..", "build", "trace-cold.json"), data, 0o644)
	var trace struct {
		TraceEvents []traceEvent `json:"traceEvents"`
	}
	if err := json.Unmarshal(data, &trace); err != nil {
		t.Fatal(err)
	}
	fmt.Print(summarizeTrace(t, trace.TraceEvents, r))
}

// summarizeTrace finds the page's main thread (the one that recorded the
// cvq-main mark) and reports, from the wasm's arrival to the first frame
// the WebAssembly drew: the phases between the page's marks, the main
// thread's time by trace event (self time), the Go functions V8's sampler
// saw most (self time), and the long tasks.
func summarizeTrace(t *testing.T, evs []traceEvent, r loadResult) string {
	var main traceEvent
	for _, e := range evs {
		if e.Name == "cvq-main" && strings.Contains(e.Cat, "user_timing") {
			main = e
		}
	}
	if main.Pid == 0 {
		t.Fatal("the trace has no cvq-main mark")
	}
	// Times in ms from navigation start, as the page's marks.
	origin := main.Ts - r.Marks[0]*1000
	ms := func(ts float64) float64 { return (ts - origin) / 1000 }
	from, to := r.Marks[4], r.Marks[3] // app.wasm's response end → first wasm frame
	var b strings.Builder
	fmt.Fprintf(&b, "| cold load, phase | from | to | ms |\n|---|---|---|---|\n")
	phase := func(name string, a, z float64) { fmt.Fprintf(&b, "| %s | %.0f | %.0f | %.0f |\n", name, a, z, z-a) }
	phase("navigation → first contentful paint", 0, r.FCP)
	phase("navigation → app.wasm received", 0, r.Marks[4])
	phase("app.wasm received → Go main starts (compile, instantiate)", r.Marks[4], r.Marks[0])
	phase("Go main → playground's OnMount (init, first render, DOM built)", r.Marks[0], r.Marks[1])
	phase("OnMount (restore state, link, editors)", r.Marks[1], r.Marks[2])
	phase("OnMount done → first wasm frame painted", r.Marks[2], r.Marks[3])
	phase("navigation → usable (probe)", 0, r.Ready)

	// Self time per event name on the main thread, in the window.
	var mine []traceEvent
	for _, e := range evs {
		if e.Pid == main.Pid && e.Tid == main.Tid && e.Ph == "X" && e.Dur > 0 && ms(e.Ts+e.Dur) > from && ms(e.Ts) < to {
			mine = append(mine, e)
		}
	}
	sort.Slice(mine, func(i, j int) bool {
		if mine[i].Ts != mine[j].Ts {
			return mine[i].Ts < mine[j].Ts
		}
		return mine[i].Dur > mine[j].Dur
	})
	self := map[string]float64{}
	var stack []traceEvent
	var long [][2]float64
	for _, e := range mine {
		for len(stack) > 0 && stack[len(stack)-1].Ts+stack[len(stack)-1].Dur <= e.Ts {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			self[stack[len(stack)-1].Name] -= e.Dur / 1000
		} else if e.Dur/1000 >= 50 {
			long = append(long, [2]float64{ms(e.Ts), e.Dur / 1000})
		}
		self[e.Name] += e.Dur / 1000
		stack = append(stack, e)
	}
	fmt.Fprintf(&b, "\n| main thread, %.0f → %.0f ms: trace event | self ms |\n|---|---|\n", from, to)
	for _, kv := range topN(self, 12) {
		fmt.Fprintf(&b, "| %s | %.1f |\n", kv.k, kv.v)
	}
	fmt.Fprintf(&b, "\n| main thread: long tasks (≥ 50 ms) in the window, start ms | ms |\n|---|---|\n")
	for _, l := range long {
		fmt.Fprintf(&b, "| %.0f | %.0f |\n", l[0], l[1])
	}
	funcs, pkgs := sampledFunctions(evs, main.Pid, func(ts float64) bool { return ms(ts) >= from && ms(ts) <= to })
	fmt.Fprintf(&b, "\n| sampled, %.0f → %.0f ms: package or area | self ms |\n|---|---|\n", from, to)
	for _, kv := range topN(pkgs, 15) {
		fmt.Fprintf(&b, "| %s | %.1f |\n", kv.k, kv.v)
	}
	fmt.Fprintf(&b, "\n| sampled: function | self ms |\n|---|---|\n")
	for _, kv := range topN(funcs, 25) {
		fmt.Fprintf(&b, "| %s | %.1f |\n", kv.k, kv.v)
	}
	return b.String()
}

type kv struct {
	k string
	v float64
}

func topN(m map[string]float64, n int) []kv {
	var out []kv
	for k, v := range m {
		out = append(out, kv{k, v})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].v > out[j].v })
	return out[:min(n, len(out))]
}

// sampledFunctions adds up V8's CPU samples of process pid by function
// and by Go package (or "(js) URL", "(idle)", "(gc)", …) where in(ts).
func sampledFunctions(evs []traceEvent, pid int, in func(ts float64) bool) (funcs, pkgs map[string]float64) {
	funcs, pkgs = map[string]float64{}, map[string]float64{}
	type node struct {
		ID        int `json:"id"`
		CallFrame struct {
			FunctionName string `json:"functionName"`
			URL          string `json:"url"`
		} `json:"callFrame"`
	}
	names := map[string]map[int]string{} // profile id → node id → name
	starts := map[string]float64{}
	last := map[string]float64{}
	var chunks []traceEvent
	for _, e := range evs {
		if e.Pid != pid {
			continue
		}
		if e.Name == "Profile" {
			var a struct {
				Data struct {
					StartTime float64 `json:"startTime"`
				} `json:"data"`
			}
			json.Unmarshal(e.Args, &a)
			starts[string(e.ID)], last[string(e.ID)] = a.Data.StartTime, a.Data.StartTime
		}
		if e.Name == "ProfileChunk" {
			chunks = append(chunks, e)
		}
	}
	sort.SliceStable(chunks, func(i, j int) bool { return chunks[i].Ts < chunks[j].Ts })
	for _, e := range chunks {
		var a struct {
			Data struct {
				CPUProfile struct {
					Nodes   []node `json:"nodes"`
					Samples []int  `json:"samples"`
				} `json:"cpuProfile"`
				TimeDeltas []float64 `json:"timeDeltas"`
			} `json:"data"`
		}
		if json.Unmarshal(e.Args, &a) != nil {
			continue
		}
		id := string(e.ID)
		if names[id] == nil {
			names[id] = map[int]string{}
		}
		for _, n := range a.Data.CPUProfile.Nodes {
			name := n.CallFrame.FunctionName
			if name == "" || (n.CallFrame.URL != "" && !strings.HasSuffix(n.CallFrame.URL, ".wasm") && !strings.Contains(name, ".")) {
				name = "(js) " + name + " " + n.CallFrame.URL
			}
			names[id][n.ID] = name
		}
		for i, s := range a.Data.CPUProfile.Samples {
			if i >= len(a.Data.TimeDeltas) {
				break
			}
			prev := last[id]
			last[id] += a.Data.TimeDeltas[i]
			if !in(last[id]) {
				continue
			}
			d := (last[id] - prev) / 1000
			name := names[id][s]
			funcs[name] += d
			pkgs[goPackage(name)] += d
		}
	}
	return funcs, pkgs
}

// goPackage is the package of a Go function as the wasm's name section
// spells it ("github.com_x_y.(*T).M" → "github.com_x_y"), or the name.
func goPackage(fn string) string {
	if strings.HasPrefix(fn, "(") {
		if strings.Contains(fn, "wasm_exec.js") {
			return "(js) wasm_exec.js: Go ↔ JavaScript calls"
		}
		return fn
	}
	rest, domain := fn, ""
	for _, d := range []string{"github.com_", "golang.org_"} {
		if strings.HasPrefix(fn, d) {
			rest, domain = fn[len(d):], d
		}
	}
	if dot := strings.IndexByte(rest, '.'); dot >= 0 {
		return domain + rest[:dot]
	}
	return fn
}

// endTrace stops the tracing started on ctx and returns the trace, read
// from the stream Chromium hands back.
func endTrace(t *testing.T, ctx context.Context) []byte {
	t.Helper()
	done := chromedp.Events(ctx, tracing.TracingComplete)
	if _, err := chromedp.Call(ctx, tracing.End, struct{}{}); err != nil {
		t.Fatal(err)
	}
	var data bytes.Buffer
	for ev, err := range done {
		if err != nil {
			t.Fatal(err)
		}
		for {
			chunk, err := chromedp.Call(ctx, io.Read, io.ReadParams{Handle: ev.Stream, Size: 1 << 20})
			if err != nil {
				t.Fatal(err)
			}
			data.Write(chunk.Data)
			if chunk.EOF {
				break
			}
		}
		break
	}
	return data.Bytes()
}
