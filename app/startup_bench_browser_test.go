//go:build browser && bench

package main

// The page's start against a bare go-app page of the same go-app version
// (testdata/bare), measured the same way in the same run: both sites
// statically exported, precompressed, served by one small file server,
// and loaded in turn.

import (
	"context"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// benchSite is one of the two pages compared: where it is served, and the
// JavaScript condition that holds once it is usable.
type benchSite struct {
	name  string
	url   string
	ready string
}

// Usable, for the playground: the WebAssembly has drawn the page, the
// editor is writable and the transcript shows the computed answers. For
// the bare page: the WebAssembly has drawn its component, its input is
// writable and the answer computed from it is shown.
const (
	playgroundReady = `(() => { const e = document.querySelector("#editor"); return !!(document.querySelector("#wasm-ready") && e && !e.readOnly && document.querySelector("#transcript .server > div")) })()`
	bareReady       = `(() => { const e = document.querySelector("#bare-input"); return !!(document.querySelector("#wasm-ready") && e && !e.readOnly && document.querySelector("#bare-answer").textContent) })()`
)

// startProbeJS runs before the page's own scripts. It records when the ready
// condition first holds (at the DOM change that makes it true), the
// largest contentful paints, layout shifts and long tasks. blockWorker
// makes service worker registration fail, as a first visit without one.
const startProbeJS = `(() => {
  if (%t && navigator.serviceWorker) {
    navigator.serviceWorker.register = () => Promise.reject(new Error("service workers are blocked for this measurement"));
  }
  const R = window.__bench = {ready: 0, lcp: [], shifts: [], cls: 0, long: []};
  const describe = (el) => el ? el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : "") : "";
  new PerformanceObserver((l) => { for (const e of l.getEntries()) R.lcp.push({t: e.startTime, size: e.size, el: describe(e.element)}); }).observe({type: "largest-contentful-paint", buffered: true});
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) { R.cls += e.value; R.shifts.push({t: e.startTime, v: e.value, src: (e.sources || []).map(s => describe(s.node))}); } }).observe({type: "layout-shift", buffered: true});
  new PerformanceObserver((l) => { for (const e of l.getEntries()) R.long.push([e.startTime, e.duration]); }).observe({type: "longtask"});
  const ready = () => %s;
  const check = () => { if (!R.ready && ready()) { R.ready = performance.now(); mo.disconnect(); } };
  const mo = new MutationObserver(check);
  mo.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
})()`

// loadResult is one load's figures, in ms from navigation start.
type loadResult struct {
	Ready   float64   `json:"ready"`
	FCP     float64   `json:"fcp"`
	LCP     float64   `json:"lcp"`
	LCPSize float64   `json:"lcpSize"`
	LCPEl   string    `json:"lcpElement"`
	CLS     float64   `json:"cls"`
	TBT     float64   `json:"tbt"`
	Longest float64   `json:"longest"`
	LCPs    []string  `json:"lcps"` // every candidate: time, size, element ("" for an element gone or in a UA shadow tree)
	Shifts  []string  `json:"shifts,omitempty"`
	Long    []string  `json:"long,omitempty"`  // the long tasks after first paint: start, duration
	Marks   []float64 `json:"marks,omitempty"` // cvq-main, cvq-mount, cvq-mounted, cvq-rendered; wasm response end; cvq-painted (the prerendered paint recorded)
}

// measureLoad navigates ctx's tab to s and waits until it is usable, then
// one more second for the long tasks that follow. TBT and the longest
// task count the tasks after first paint, up to that second.
func measureLoad(t *testing.T, ctx context.Context, s benchSite, blockWorker bool) loadResult {
	t.Helper()
	script, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: fmt.Sprintf(startProbeJS, blockWorker, s.ready)})
	if err != nil {
		t.Fatal(err)
	}
	defer chromedp.Call(ctx, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: script.Identifier})
	if err := chromedp.Do(ctx, chromedp.Navigate(s.url)); err != nil {
		t.Fatal(err)
	}
	// A poll that starts while the browser swaps the page's JavaScript
	// context for the new document's loses that context: poll again.
	for try := 1; ; try++ {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.__bench && window.__bench.ready)`,
			chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(20*time.Millisecond)))
		if err == nil {
			break
		}
		if try == 3 || !strings.Contains(err.Error(), "Cannot find context with specified id") {
			t.Fatalf("%s did not become usable: %v", s.name, err)
		}
	}
	time.Sleep(time.Second)
	js := eval[string](t, ctx, `JSON.stringify((() => {
  const R = window.__bench;
  const fcp = (performance.getEntriesByName("first-contentful-paint")[0] || {startTime: 0}).startTime;
  const after = R.long.filter(([s]) => s >= fcp);
  const last = R.lcp[R.lcp.length - 1] || {t: 0, size: 0, el: ""};
  const mark = (n) => (performance.getEntriesByName(n)[0] || {startTime: 0}).startTime;
  const wasm = performance.getEntriesByType("resource").find(r => r.name.endsWith("/app.wasm"));
  return {lcps: R.lcp.map(e => e.t.toFixed(0) + " ms " + e.size + " px² " + e.el), shifts: R.shifts.map(e => e.t.toFixed(0) + " ms " + e.v.toFixed(4) + " " + e.src.join(",")),
    long: after.map(([s, d]) => s.toFixed(0) + "+" + d.toFixed(0)), ready: R.ready, fcp, lcp: last.t, lcpSize: last.size, lcpElement: last.el, cls: R.cls,
    tbt: after.reduce((s, [, d]) => s + Math.max(0, d - 50), 0), longest: Math.max(0, ...after.map(([, d]) => d)),
    marks: [mark("cvq-main"), mark("cvq-mount"), mark("cvq-mounted"), mark("cvq-rendered"), wasm ? wasm.responseEnd : 0, mark("cvq-painted")]};
})())`)
	var r loadResult
	if err := json.Unmarshal([]byte(js), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// desktopLink is a reader's link rather than this machine's loopback:
// Lighthouse's desktop throttling, 10 Mbit/s each way and 40 ms from a
// request to its response's headers. The browser throttles the bytes as
// sent, so the compressed copies count.
var desktopLink = &network.Conditions{Latency: 40, DownloadThroughput: 10 * 1024 * 1024 / 8, UploadThroughput: 10 * 1024 * 1024 / 8}

// coldLoad loads s in a new browser context with the HTTP cache off and
// service workers blocked, as a first visit; over link, if not nil.
func coldLoad(t *testing.T, s benchSite, link *network.Conditions) loadResult {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	if link != nil {
		if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{link}}); err != nil {
			t.Fatal(err)
		}
	}
	return measureLoad(t, ctx, s, true)
}

// warmTab opens s in a new browser context and waits until its service
// worker has cached the site; later loads in the tab are warm visits.
func warmTab(t *testing.T, s benchSite) (context.Context, context.CancelFunc) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	measureLoad(t, ctx, s, false)
	waitPrecached(t, ctx)
	return ctx, cancel
}

// startupSites builds both static exports and serves them with one file
// server each, alike; the servers close with the test.
func startupSites(t *testing.T) (bare, project benchSite) {
	t.Helper()
	projectDir := filepath.Join(t.TempDir(), "project")
	if out, err := exec.Command("../build.sh", "static", projectDir).CombinedOutput(); err != nil {
		t.Fatalf("exporting the playground: %v\n%s", err, out)
	}
	projectSrv := httptest.NewServer(precompressedFiles(projectDir))
	t.Cleanup(projectSrv.Close)
	return bareSite(t), benchSite{"playground", projectSrv.URL + "/", playgroundReady}
}

// bareSite builds the bare go-app page's static export, precompressed as
// the playground's, and serves it; the server closes with the test.
func bareSite(t *testing.T) benchSite {
	t.Helper()
	bareDir := filepath.Join(t.TempDir(), "bare")
	if out, err := exec.Command("go", "run", "./testdata/bare", "static", bareDir).CombinedOutput(); err != nil {
		t.Fatalf("exporting the bare page: %v\n%s", err, out)
	}
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(bareDir, "web", "app.wasm"), "./testdata/bare")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the bare page: %v\n%s", err, out)
	}
	for _, icon := range []string{"icon-192.png", "icon-512.png", "icon.svg"} {
		data, err := os.ReadFile(filepath.Join("..", "static", icon))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(bareDir, "web", icon), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := precompress(bareDir); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(precompressedFiles(bareDir))
	t.Cleanup(srv.Close)
	return benchSite{"bare go-app page", srv.URL + "/", bareReady}
}

// precompress writes .br and .gz copies of the site's files, as
// ./build.sh static does for the playground.
func precompress(dir string) error {
	return filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".png") {
			return err
		}
		if out, err := exec.Command("brotli", "-q", "11", "-k", "-f", p).CombinedOutput(); err != nil {
			return fmt.Errorf("brotli %s: %v\n%s", p, err, out)
		}
		return exec.Command("gzip", "-9", "-k", "-f", p).Run()
	})
}

// precompressedFiles is a small static file server: index.html for
// folders, .html for names without extension, and the .br or .gz copy
// when the client accepts it.
func precompressedFiles(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			p = path.Join(p, "index.html")
		}
		file := filepath.Join(dir, filepath.FromSlash(p))
		if st, err := os.Stat(file); err != nil || st.IsDir() {
			if path.Ext(p) != "" {
				http.NotFound(w, r)
				return
			}
			file += ".html"
			p += ".html"
		}
		ct := mime.TypeByExtension(path.Ext(p))
		switch path.Ext(p) {
		case ".webmanifest":
			ct = "application/manifest+json"
		case ".wasm":
			ct = "application/wasm"
		}
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Vary", "Accept-Encoding")
		w.Header().Set("Cache-Control", "no-cache")
		for _, enc := range []struct{ name, ext string }{{"br", ".br"}, {"gzip", ".gz"}} {
			if strings.Contains(r.Header.Get("Accept-Encoding"), enc.name) { // Chromium sends "gzip, deflate, br, zstd"
				if f, err := os.Open(file + enc.ext); err == nil {
					defer f.Close()
					st, _ := f.Stat()
					w.Header().Set("Content-Encoding", enc.name)
					http.ServeContent(w, r, p, st.ModTime(), f)
					return
				}
			}
		}
		f, err := os.Open(file)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		st, _ := f.Stat()
		http.ServeContent(w, r, p, st.ModTime(), f)
	})
}

// startupFigures are the medians of the A/B loads.
type startupFigures struct {
	Cold, Linked, Warm map[string][]loadResult
}

// measureStartup loads both sites n times each, alternating: cold, cold
// over desktopLink, then warm.
func measureStartup(t *testing.T, bare, project benchSite, n int) startupFigures {
	f := startupFigures{Cold: map[string][]loadResult{}, Linked: map[string][]loadResult{}, Warm: map[string][]loadResult{}}
	sites := []benchSite{bare, project}
	for _, series := range []struct {
		name  string
		link  *network.Conditions
		loads map[string][]loadResult
	}{{"cold", nil, f.Cold}, {"cold over a link", desktopLink, f.Linked}} {
		for i := 0; i < n; i++ {
			for k := range sites {
				s := sites[(i+k)%2] // alternate which one goes first
				r := coldLoad(t, s, series.link)
				t.Logf("%s %s: %+v", series.name, s.name, r)
				series.loads[s.name] = append(series.loads[s.name], r)
			}
		}
	}
	tabs := map[string]context.Context{}
	for _, s := range sites {
		ctx, cancel := warmTab(t, s)
		defer cancel()
		tabs[s.name] = ctx
	}
	for i := 0; i < n; i++ {
		for k := range sites {
			s := sites[(i+k)%2]
			ctx := tabs[s.name]
			if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
				t.Fatal(err)
			}
			r := measureLoad(t, ctx, s, false)
			t.Logf("warm %s: %+v", s.name, r)
			f.Warm[s.name] = append(f.Warm[s.name], r)
		}
	}
	return f
}

// median of one figure over loads.
func medianOf(rs []loadResult, get func(loadResult) float64) float64 {
	xs := make([]float64, len(rs))
	for i, r := range rs {
		xs[i] = get(r)
	}
	m, _, _ := stats(xs)
	return m
}
