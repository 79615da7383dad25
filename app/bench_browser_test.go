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

// comparison is one figure of both pages, and the playground's ratio to
// the bare page's.
type comparison struct {
	Name       string  `json:"name"`
	Unit       string  `json:"unit"`
	Bare       float64 `json:"bare"`
	Playground float64 `json:"playground"`
	Ratio      float64 `json:"ratio"`
}

// envInt reads a count from the environment, for shorter runs by hand.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
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

	// The start, against a bare go-app page: cold (new browser context,
	// no cache, no service worker) and warm (the service worker serves),
	// then Lighthouse on both static exports and on the playground's own
	// server.
	bare, project := startupSites(t)
	loads := envInt("CVQ_BENCH_LOADS", 7)
	start := measureStartup(t, bare, project, loads)
	served := benchSite{"playground, ./build.sh serve", baseURL + "/", playgroundReady}
	lhRuns := envInt("CVQ_LIGHTHOUSE_RUNS", 3)
	lh := lighthouseAll(t, []benchSite{bare, project, served}, lhRuns, "")
	// The same pages again, Chromium making a new frame for each document
	// as it does by default: how they compare where no frame is held (see
	// renderDocumentOn).
	lhShown := lighthouseAll(t, []benchSite{bare, project}, lhRuns, renderDocumentOn(t, os.Getenv("CVQ_LIGHTHOUSE")))
	var cmp []comparison
	pair := func(name, unit string, rs map[string][]loadResult, get func(loadResult) float64) {
		cmp = append(cmp, comparison{name, unit, medianOf(rs[bare.name], get), medianOf(rs[project.name], get), 0})
	}
	pair(fmt.Sprintf("cold: navigation → usable, median of %d", loads), "ms", start.Cold, func(r loadResult) float64 { return r.Ready })
	pair(fmt.Sprintf("warm: navigation → usable, median of %d", loads), "ms", start.Warm, func(r loadResult) float64 { return r.Ready })
	pair("cold, over a 10 Mbit/s link with 40 ms round trips: navigation → usable", "ms", start.Linked, func(r loadResult) float64 { return r.Ready })
	pair("cold, over that link: navigation → app.wasm received", "ms", start.Linked, func(r loadResult) float64 { return r.Marks[4] })
	pair("cold: first contentful paint", "ms", start.Cold, func(r loadResult) float64 { return r.FCP })
	pair("cold: largest contentful paint", "ms", start.Cold, func(r loadResult) float64 { return r.LCP })
	pair("cold: cumulative layout shift", "", start.Cold, func(r loadResult) float64 { return r.CLS })
	pair("cold: total blocking time after first paint", "ms", start.Cold, func(r loadResult) float64 { return r.TBT })
	pair("cold: longest main-thread task after first paint", "ms", start.Cold, func(r loadResult) float64 { return r.Longest })
	// Where the start goes: from app.wasm received to Go's main (the rest
	// compiled, instantiated, the runtime and packages initialised), and
	// from main to usable (go-app's start and first render); for the
	// playground, the wait for its prerendered paint to be recorded, then
	// go-app's first render and mount (the bare page has no such marks).
	playgroundOnly := func(get func(loadResult) float64) func(loadResult) float64 {
		return func(r loadResult) float64 {
			if r.Marks[5] == 0 {
				return 0
			}
			return get(r)
		}
	}
	for _, kind := range []struct {
		name  string
		loads map[string][]loadResult
	}{{"cold", start.Cold}, {"warm", start.Warm}} {
		pair(kind.name+": navigation → app.wasm received", "ms", kind.loads, func(r loadResult) float64 { return r.Marks[4] })
		pair(kind.name+": app.wasm received → Go main", "ms", kind.loads, func(r loadResult) float64 { return r.Marks[0] - r.Marks[4] })
		pair(kind.name+": Go main → usable", "ms", kind.loads, func(r loadResult) float64 { return r.Ready - r.Marks[0] })
		pair(kind.name+": Go main → prerendered paint recorded (playground)", "ms", kind.loads, playgroundOnly(func(r loadResult) float64 { return r.Marks[5] - r.Marks[0] }))
		pair(kind.name+": paint recorded → first render mounted (playground)", "ms", kind.loads, playgroundOnly(func(r loadResult) float64 { return r.Marks[1] - r.Marks[5] }))
	}
	redraws := func(name string) float64 {
		n := 0
		for _, r := range start.Cold[name] {
			if r.LCP > r.Marks[4] {
				n++
			}
		}
		return float64(n)
	}
	cmp = append(cmp, comparison{fmt.Sprintf("cold: loads (of %d) whose largest paint came after app.wasm arrived", loads), "", redraws(bare.name), redraws(project.name), 0})
	for _, s := range []benchSite{project, served} {
		lpair := func(name, unit string, get func(lighthouseResult) float64) {
			cmp = append(cmp, comparison{"Lighthouse mobile, " + s.name + ": " + name, unit, medianLH(lh[bare.name], get), medianLH(lh[s.name], get), 0})
		}
		lpair("performance score", "", func(r lighthouseResult) float64 { return r.Score })
		lpair("LCP", "ms", func(r lighthouseResult) float64 { return r.LCP })
		lpair("TBT", "ms", func(r lighthouseResult) float64 { return r.TBT })
		lpair("CLS", "", func(r lighthouseResult) float64 { return r.CLS })
		lpair("first paint shown (as run, before the simulation)", "ms", func(r lighthouseResult) float64 { return r.ShownFCP })
	}
	for _, row := range []struct {
		name, unit string
		get        func(lighthouseResult) float64
	}{
		{"performance score", "", func(r lighthouseResult) float64 { return r.Score }},
		{"LCP", "ms", func(r lighthouseResult) float64 { return r.LCP }},
		{"first paint shown (as run)", "ms", func(r lighthouseResult) float64 { return r.ShownFCP }},
	} {
		cmp = append(cmp, comparison{"Lighthouse mobile, Chromium's default RenderDocument, " + project.name + ": " + row.name, row.unit,
			medianLH(lhShown[bare.name], row.get), medianLH(lhShown[project.name], row.get), 0})
	}
	for i := range cmp {
		if cmp[i].Bare != 0 {
			cmp[i].Ratio = cmp[i].Playground / cmp[i].Bare
		}
	}

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
	fmt.Fprintf(&b, "\n| against a bare go-app page | bare | playground | ratio |\n|---|---|---|---|\n")
	for _, c := range cmp {
		switch c.Unit {
		case "ms":
			fmt.Fprintf(&b, "| %s | %.0f ms | %.0f ms | %.2f× |\n", c.Name, c.Bare, c.Playground, c.Ratio)
		default:
			fmt.Fprintf(&b, "| %s | %.3g | %.3g | %.2f× |\n", c.Name, c.Bare, c.Playground, c.Ratio)
		}
	}
	fmt.Print(b.String())
	js, _ := json.MarshalIndent(map[string]any{"date": time.Now().UTC().Format(time.RFC3339), "figures": figs,
		"againstBare": cmp, "loads": start, "lighthouse": lh, "lighthouseRenderDocument": lhShown}, "", "  ")
	if err := os.WriteFile(filepath.Join("..", "build", "bench.json"), js, 0o644); err != nil {
		t.Fatal(err)
	}
}
