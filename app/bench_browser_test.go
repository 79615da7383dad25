//go:build browser && bench

package main

// The page's speed, measured in headless Chromium: ./build.sh bench runs
// this with -tags "browser bench"; TestBench writes its rows of the bench's
// table (build/bench/page.rows, lighthouse.rows) and every load's figures
// as JSON to build/bench.json. These are measurements, not assertions.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func stats(xs []float64) (median, p90, worst float64) {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	at := func(q float64) float64 { return s[min(len(s)-1, int(q*float64(len(s))))] }
	return at(0.5), at(0.9), s[len(s)-1]
}

// keystrokeJS types n characters at the end of the editor, one at a time,
// as a user's keystrokes do (execCommand("insertText") edits the text in
// place and fires the input event), and resolves with the time from each
// keystroke to the DOM update that shows the new answer (go-app writes an
// update in one pass, so the mutation observer's callback runs once it is
// whole).
const keystrokeJS = `(async (n) => {
  const ed = document.querySelector("#editor");
  ed.focus();
  const end = ed.value.replace(/\n+$/, "").length; // the end of the last line
  ed.setSelectionRange(end, end);
  const out = [];
  for (let i = 0; i < n; i++) {
    const changed = new Promise(res => {
      const mo = new MutationObserver(() => { mo.disconnect(); res(performance.now()); });
      mo.observe(document.querySelector(".layout"), {subtree: true, childList: true, characterData: true, attributes: true});
    });
    const t0 = performance.now();
    document.execCommand("insertText", false, i %% 2 ? "x" : " ");
    out.push(await changed - t0);
    await new Promise(r => setTimeout(r, 30));
  }
  return out;
})(%d)`

func setEditor(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	js, _ := json.Marshal(text)
	eval[bool](t, ctx, fmt.Sprintf(`(e => { e.value = %s; e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#editor"))`, js))
	time.Sleep(500 * time.Millisecond)
}

// envInt reads a count from the environment, for shorter runs by hand.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// TestBench measures the playground against a bare go-app page of the
// same go-app version (testdata/bare: one prerendered component, an input
// and an answer computed from it), both statically exported, precompressed
// (brotli, gzip) and served alike by one small file server (see
// startupSites), loaded in turn in headless Chromium, 7 times each
// (CVQ_BENCH_LOADS):
//
//   - cold: a new browser context per load, HTTP cache off, service
//     worker registration refused; on the loopback, and over desktopLink
//     (10 Mbit/s, 40 ms round trips), as a reader with a real connection;
//   - warm: a new navigation in a tab whose service worker has cached the
//     site.
//
// Usable is the DOM change after which the WebAssembly has drawn the page,
// the editor is writable and the transcript shows computed answers (see
// playgroundReady, bareReady). The ratios are taken load by load, the
// playground's to the bare page's load next to it, so that a busy moment
// of the machine moves both; a row gives their median and range. The
// largest paint is the prerendered page when its last candidate was
// painted before go-app put its own page in place (the cvq-mount mark). Then Lighthouse (lighthouseAll, 3 runs,
// CVQ_LIGHTHOUSE_RUNS), and 30 keystrokes typed at the end of the last
// line of the default example, of 200 and of 5,000 lines, each timed to
// the DOM update that shows the new answer (keystrokeJS).
func TestBench(t *testing.T) {
	var page, lhRows benchRows
	js := map[string]any{"date": time.Now().UTC().Format(time.RFC3339)}

	wasm := filepath.Join(siteDir, "web", "app.wasm")
	if br, err := exec.Command("brotli", "-q", "11", "-c", wasm).Output(); err == nil {
		page.one("app.wasm, brotli -q 11 (what a reader downloads)", fmt.Sprintf("%.2f MB", float64(len(br))/1e6), "≤ 1.6 MB")
		js["appWasmBrotli"] = len(br)
	} else {
		t.Errorf("brotli: %v", err)
	}

	bare, project := startupSites(t)
	loads := envInt("CVQ_BENCH_LOADS", 7)
	start := measureStartup(t, bare, project, loads)
	js["loads"] = start
	ratios := func(rs map[string][]loadResult, get func(loadResult) float64) []float64 {
		var out []float64
		for i, r := range rs[project.name] {
			if b := get(rs[bare.name][i]); b > 0 {
				out = append(out, get(r)/b)
			}
		}
		return out
	}
	values := func(rs []loadResult, get func(loadResult) float64) []float64 {
		var out []float64
		for _, r := range rs {
			out = append(out, get(r))
		}
		return out
	}
	ready := func(r loadResult) float64 { return r.Ready }
	page.add("start over a 10 Mbit/s link, 40 ms round trips: usable, playground ÷ bare go-app page", ratios(start.Linked, ready), "%.2f×", "≤ 1.15×")
	page.add("the same: usable, playground", values(start.Linked[project.name], ready), "%.0f ms", "")
	page.add("the same: usable, bare go-app page", values(start.Linked[bare.name], ready), "%.0f ms", "")
	page.add("the same: app.wasm received, playground ÷ bare page", ratios(start.Linked, func(r loadResult) float64 { return r.Marks[4] }), "%.2f×", "")
	prerendered := 0
	for _, r := range append(append([]loadResult(nil), start.Cold[project.name]...), start.Linked[project.name]...) {
		if r.LCP > 0 && r.LCP < r.Marks[1] {
			prerendered++
		}
	}
	page.one("cold loads whose largest paint is the prerendered page (loopback and link)", fmt.Sprintf("%d of %d", prerendered, 2*loads), "all")
	cls := func(r loadResult) float64 { return r.CLS }
	page.add("cold: layout shift, playground (loopback and link)", append(values(start.Cold[project.name], cls), values(start.Linked[project.name], cls)...), "%.4g", "0")
	page.add("cold on the loopback: usable, playground ÷ bare page", ratios(start.Cold, ready), "%.2f×", "(information)")
	page.add("the same: usable, playground", values(start.Cold[project.name], ready), "%.0f ms", "")
	page.add("warm (service worker): usable, playground ÷ bare page", ratios(start.Warm, ready), "%.2f×", "(information)")
	page.add("cold: longest task after first paint, playground", values(start.Cold[project.name], func(r loadResult) float64 { return r.Longest }), "%.0f ms", "(information)")

	served := benchSite{"playground, ./build.sh serve", baseURL + "/", playgroundReady}
	lhRuns := envInt("CVQ_LIGHTHOUSE_RUNS", 3)
	lh := lighthouseAll(t, []benchSite{bare, project, served}, lhRuns, "")
	js["lighthouse"] = lh
	lhValues := func(rs []lighthouseResult, get func(lighthouseResult) float64) []float64 {
		var out []float64
		for _, r := range rs {
			out = append(out, get(r))
		}
		return out
	}
	score := func(r lighthouseResult) float64 { return r.Score }
	lhRows.add("Lighthouse mobile: performance score, playground (static export)", lhValues(lh[project.name], score), "%.0f", "≥ the bare page's − 3")
	lhRows.add("the same, playground as ./build.sh serve serves it", lhValues(lh[served.name], score), "%.0f", "≥ the bare page's − 3")
	lhRows.add("the same, bare go-app page", lhValues(lh[bare.name], score), "%.0f", "")
	lhRows.add("Lighthouse: largest contentful paint, playground", lhValues(lh[project.name], func(r lighthouseResult) float64 { return r.LCP / 1000 }), "%.2f s", "the prerendered page")
	lhRows.add("Lighthouse: largest contentful paint, bare page", lhValues(lh[bare.name], func(r lighthouseResult) float64 { return r.LCP / 1000 }), "%.2f s", "")
	lhRows.add("Lighthouse: layout shift, playground", lhValues(lh[project.name], func(r lighthouseResult) float64 { return r.CLS }), "%.4g", "0")
	lhRows.add("Lighthouse: total blocking time, playground ÷ bare page (medians)", []float64{medianLH(lh[project.name], func(r lighthouseResult) float64 { return r.TBT }) /
		medianLH(lh[bare.name], func(r lighthouseResult) float64 { return r.TBT })}, "%.2f×", "(information)")

	ctx := newTab(t, "/")
	for _, c := range []struct {
		name, text, aim string
	}{{"default example", "", "≤ 16 ms"}, {"200 lines", benchTranscript(200), "≤ 16 ms"}, {"5,000 lines", benchTranscript(5000), "≤ 50 ms"}} {
		if c.text != "" {
			setEditor(t, ctx, c.text)
		}
		lat, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(keystrokeJS, 30), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		page.add("keystroke → updated answer, "+c.name+" (30 keystrokes)", lat, "%.1f ms", c.aim)
		js["keystrokes, "+c.name] = lat
	}

	page.write(t, "page")
	lhRows.write(t, "lighthouse")
	out, _ := json.MarshalIndent(js, "", "  ")
	if err := os.WriteFile(filepath.Join("..", "build", "bench.json"), out, 0o644); err != nil {
		t.Fatal(err)
	}
}
