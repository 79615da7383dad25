//go:build browser && bench

package main

// Where a documentation page's CPU goes: a Chromium trace of the bench's
// pages (1 and 20 live examples) loaded and scrolled as TestDocsBench does,
// summed per thread (CPU time of the top-level tasks) and, on every
// thread, per kind of work (script, style, layout, paint, raster, garbage
// collection). Run alone:
//
//	CVQ_CHROMIUM=/usr/bin/chromium go test -count=1 -tags 'browser bench' -run '^TestDocsTrace$' ./app -v

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

type docsTraceEvent struct {
	Name string         `json:"name"`
	Ph   string         `json:"ph"`
	Ts   float64        `json:"ts"`
	Dur  float64        `json:"dur"`
	Tdur float64        `json:"tdur"`
	Pid  int            `json:"pid"`
	Tid  int            `json:"tid"`
	Args map[string]any `json:"args"`
}

// traceKinds groups trace event names into the kinds of work reported.
var traceKinds = map[string]string{
	"EvaluateScript": "script", "FunctionCall": "script", "v8.compile": "script", "v8.compileModule": "script",
	"TimerFire": "script", "EventDispatch": "script", "FireAnimationFrame": "script", "v8.callFunction": "script",
	"V8.ScriptCompiler": "script", "v8.run": "script",
	"ParseHTML":        "parse HTML",
	"UpdateLayoutTree": "style", "ParseAuthorStyleSheet": "style sheet parse",
	"Layout": "layout", "IntersectionObserverController::computeIntersections": "intersection",
	"PrePaint": "paint", "Paint": "paint", "Layerize": "paint", "PaintArtifactCompositor::Update": "paint",
	"RasterTask": "raster", "ProxyImpl::BeginMainFrame": "", "Commit": "commit",
	"MinorGC": "gc", "MajorGC": "gc", "V8.GCScavenger": "gc", "V8.GCFinalizeMC": "gc", "BlinkGC.AtomicPhase": "gc",
	"HitTest": "hit test", "ScheduleStyleRecalculation": "",
	"WebAssembly.Compile": "wasm compile", "v8.wasm.compiledModule": "wasm compile", "wasm.CompileLazy": "wasm compile",
}

func TestDocsTrace(t *testing.T) {
	srv := httptest.NewServer(docsHandler(siteHandler(siteDir), nil))
	defer srv.Close()
	for _, n := range []int{1, 20} {
		traceDocs(t, fmt.Sprintf("%s/docs/20?live=%d&embed=new", srv.URL, n), n)
	}
}

func traceDocs(t *testing.T, url string, n int) {
	ctx, stop := freshBrowser(t, "docs-trace")
	defer stop()
	var mu sync.Mutex
	var events []docsTraceEvent
	done := make(chan struct{})
	go func() {
		for ev, err := range chromedp.BrowserEvents(ctx, tracing.DataCollected) {
			if err != nil {
				return
			}
			mu.Lock()
			for _, v := range ev.Value {
				var e docsTraceEvent
				if json.Unmarshal(v, &e) == nil {
					events = append(events, e)
				}
			}
			mu.Unlock()
		}
	}()
	go func() {
		for _, err := range chromedp.BrowserEvents(ctx, tracing.TracingComplete) {
			if err == nil {
				close(done)
			}
			return
		}
	}()
	time.Sleep(300 * time.Millisecond)
	cats := []string{"toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute", "blink", "cc", "benchmark", "__metadata"}
	if _, err := chromedp.CallBrowser(ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig:  &tracing.TraceConfig{RecordMode: tracing.TraceConfigRecordModeRecordAsMuchAsPossible, IncludedCategories: cats},
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	waitDocs(t, ctx, n)
	if _, err := chromedp.CallBrowser(ctx, tracing.End, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the trace did not complete")
	}
	time.Sleep(200 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if dir := os.Getenv("CVQ_DOCS_TRACE_DIR"); dir != "" { // the raw events, for a closer look
		if data, err := json.Marshal(events); err == nil {
			os.WriteFile(fmt.Sprintf("%s/docs-trace-%d.json", dir, n), data, 0o644)
		}
	}
	fmt.Printf("== %d live examples: %s\n", n, url)
	summarizeDocsTrace(events)
}

// summarizeDocsTrace prints, per thread, the CPU time of its top-level tasks,
// and per kind of work the wall time of its outermost events.
func summarizeDocsTrace(events []docsTraceEvent) {
	type key struct{ pid, tid int }
	threads := map[key]string{}
	procs := map[int]string{}
	byThread := map[key][]docsTraceEvent{}
	page := map[int]bool{} // the documentation page's renderer
	for _, e := range events {
		k := key{e.Pid, e.Tid}
		if e.Name == "ParseHTML" {
			if a, _ := json.Marshal(e.Args); strings.Contains(string(a), "/docs/") {
				page[e.Pid] = true
			}
		}
		switch {
		case e.Ph == "M" && e.Name == "thread_name":
			threads[k], _ = e.Args["name"].(string)
		case e.Ph == "M" && e.Name == "process_name":
			procs[e.Pid], _ = e.Args["name"].(string)
		case e.Ph == "X":
			byThread[k] = append(byThread[k], e)
		}
	}
	type line struct {
		name  string
		cpu   float64
		kinds map[string]float64
	}
	var lines []line
	for k, evs := range byThread {
		sort.Slice(evs, func(i, j int) bool {
			if evs[i].Ts != evs[j].Ts {
				return evs[i].Ts < evs[j].Ts
			}
			return evs[i].Dur > evs[j].Dur
		})
		l := line{name: procs[k.pid] + "/" + threads[k], kinds: map[string]float64{}}
		if page[k.pid] {
			l.name = "page " + l.name
		}
		end := -1.0
		open := map[string]float64{} // kind → end of its outermost event
		for _, e := range evs {
			if e.Ts >= end { // top-level
				l.cpu += e.Tdur
				end = e.Ts + e.Dur
			}
			kind := traceKinds[e.Name]
			if kind == "" {
				continue
			}
			if e.Ts >= open[kind] {
				l.kinds[kind] += e.Dur
				open[kind] = e.Ts + e.Dur
			}
		}
		if l.cpu > 5000 {
			lines = append(lines, l)
		}
	}
	sort.Slice(lines, func(i, j int) bool { return lines[i].cpu > lines[j].cpu })
	total, pageTotal := 0.0, 0.0
	kinds := map[string]float64{}
	for _, l := range lines {
		total += l.cpu
		if strings.HasPrefix(l.name, "page ") {
			pageTotal += l.cpu
		}
		for k, v := range l.kinds {
			kinds[k] += v
		}
		var ks []string
		for k, v := range l.kinds {
			if v >= 1000 {
				ks = append(ks, fmt.Sprintf("%s %.0f", k, v/1000))
			}
		}
		sort.Strings(ks)
		fmt.Printf("  %-40s cpu %6.0f ms   %s\n", l.name, l.cpu/1000, strings.Join(ks, ", "))
	}
	var ks []string
	for k, v := range kinds {
		ks = append(ks, fmt.Sprintf("%s %.0f", k, v/1000))
	}
	sort.Strings(ks)
	fmt.Printf("  top-level task CPU: the page's renderer (with the engine frame and its worker) %.0f ms, the browser's processes %.0f ms; all threads: %s\n", pageTotal/1000, total/1000, strings.Join(ks, ", "))
}
