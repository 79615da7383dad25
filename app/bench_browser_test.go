//go:build browser && bench

package main

// The page's speed, measured in headless Chromium: ./build.sh bench runs
// this with -tags "browser bench", prints one table and writes it as JSON
// to build/bench.json. These are measurements, not assertions.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

type figure struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
}

func stats(xs []float64) (median, p90, worst float64) {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	at := func(q float64) float64 { return s[min(len(s)-1, int(q*float64(len(s))))] }
	return at(0.5), at(0.9), s[len(s)-1]
}

// renderedAt waits for the page's first wasm-rendered frame and returns
// its time since navigation start, in ms.
func renderedAt(t *testing.T, ctx context.Context) float64 {
	t.Helper()
	ms, err := chromedp.Run(ctx, chromedp.Poll[float64](`(() => { const m = performance.getEntriesByName("cvq-rendered"); return m.length ? m[0].startTime : 0 })()`,
		chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(5*time.Millisecond)))
	if err != nil {
		t.Fatal(err)
	}
	return ms
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

func TestBench(t *testing.T) {
	var figs []figure
	add := func(name string, v float64, unit string) { figs = append(figs, figure{name, v, unit}) }

	wasm, err := os.ReadFile(filepath.Join(siteDir, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, 9)
	zw.Write(wasm)
	zw.Close()
	add("app.wasm raw", float64(len(wasm)), "bytes")
	add("app.wasm gzip -9", float64(gz.Len()), "bytes")
	if br, err := exec.Command("brotli", "-q", "11", "-c", filepath.Join(siteDir, "web", "app.wasm")).Output(); err == nil {
		add("app.wasm brotli -q 11", float64(len(br)), "bytes")
	} else {
		t.Errorf("brotli: %v", err)
	}

	// Cold loads: a new browser context each time (no HTTP cache, no
	// service worker), then warm reloads in the last one, once its service
	// worker has cached the site (as on a later visit).
	var cold, warm []float64
	var last context.Context
	var closeLast context.CancelFunc
	for i := 0; i < 5; i++ {
		if last != nil {
			closeLast() // an open page keeps running: close it before the next load
		}
		ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		defer cancel()
		if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/")); err != nil {
			t.Fatal(err)
		}
		cold = append(cold, renderedAt(t, ctx))
		t.Logf("cold load %d: %s", i, eval[string](t, ctx, `JSON.stringify({main: performance.getEntriesByName("cvq-main")[0]?.startTime, mount: performance.getEntriesByName("cvq-mount")[0]?.startTime, mounted: performance.getEntriesByName("cvq-mounted")[0]?.startTime, rendered: performance.getEntriesByName("cvq-rendered")[0]?.startTime, wasm: performance.getEntriesByType("resource").filter(r => r.name.includes("app.wasm")).map(r => [r.startTime, r.responseEnd, r.transferSize, r.decodedBodySize]), dcl: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd})`))
		last, closeLast = ctx, cancel
	}
	waitPrecached(t, last)
	for i := 0; i < 5; i++ {
		if err := chromedp.Do(last, chromedp.Reload()); err != nil {
			t.Fatal(err)
		}
		warm = append(warm, renderedAt(t, last))
	}
	closeLast()
	m, _, w := stats(cold)
	add("cold load to first wasm render, median", m, "ms")
	add("cold load to first wasm render, worst", w, "ms")
	m, _, w = stats(warm)
	add("warm reload to first wasm render, median", m, "ms")
	add("warm reload to first wasm render, worst", w, "ms")

	ctx := newTab(t, "/")
	for _, c := range []struct {
		name string
		text string
	}{{"default example", ""}, {"200 lines", benchTranscript(200)}, {"5,000 lines", benchTranscript(5000)}} {
		if c.text != "" {
			setEditor(t, ctx, c.text)
		}
		lat, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(keystrokeJS, 30), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		med, p90, _ := stats(lat)
		add("keystroke to updated answer, "+c.name+", median", med, "ms")
		add("keystroke to updated answer, "+c.name+", p90", p90, "ms")
	}

	// The engine, natively, from the benchmark output build.sh saved.
	if path := os.Getenv("CVQ_ENGINE_BENCH"); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile(`^(Benchmark\w+)-\d+\s+\d+\s+([\d.]+) ns/op.*?(\d+) allocs/op`)
		lines := regexp.MustCompile(`([\d.]+) lines/s`)
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			l := sc.Text()
			if mm := re.FindStringSubmatch(l); mm != nil && mm[1] == "BenchmarkParseAndAnswer" {
				ns, _ := strconv.ParseFloat(mm[2], 64)
				al, _ := strconv.ParseFloat(mm[3], 64)
				add("engine: parse + answer one line", ns, "ns")
				add("engine: allocations per line", al, "allocs")
			}
			if mm := lines.FindStringSubmatch(l); mm != nil && strings.HasPrefix(l, "BenchmarkRespond-") {
				v, _ := strconv.ParseFloat(mm[1], 64)
				add("engine: respond in-process, 200,000-line sample", v, "lines/s")
			}
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "| measure | value |\n|---|---|\n")
	for _, f := range figs {
		switch f.Unit {
		case "bytes":
			fmt.Fprintf(&b, "| %s | %.2f MB (%d bytes) |\n", f.Name, f.Value/1e6, int(f.Value))
		case "ms":
			fmt.Fprintf(&b, "| %s | %.1f ms |\n", f.Name, f.Value)
		default:
			fmt.Fprintf(&b, "| %s | %.0f %s |\n", f.Name, f.Value, f.Unit)
		}
	}
	fmt.Print(b.String())
	js, _ := json.MarshalIndent(map[string]any{"date": time.Now().UTC().Format(time.RFC3339), "figures": figs}, "", "  ")
	if err := os.WriteFile(filepath.Join("..", "build", "bench.json"), js, 0o644); err != nil {
		t.Fatal(err)
	}
}
