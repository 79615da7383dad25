//go:build browser && bench

package main

// What finding the examples as the wikis write them costs: a page of 500
// pre blocks, 20 of them transcripts, loaded with embed.js and
// data-cvq-detect; the main thread's time from embed.js's start until
// every transcript is found (its view's element inserted), against the
// same page with the 20 marked and no detection, with today's loader and
// with the loader of the last release before detection. And the first
// example's answer, on the marked page of 20 examples with both loaders
// and on the wiki page: not later than before. Each load in a fresh
// Chromium, the configurations interleaved run by run, in turns forward
// and backward.

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// beforeDetection is the last commit whose embed.js found marked
// examples only: the loader the first answer is compared with.
const beforeDetection = "b906b39"

// loaderAt is embed.js as commit c shipped it: static/embed.js, or since
// it is built, its sources static/embed/*.js in the order of their names.
func loaderAt(c string) ([]byte, error) {
	if src, err := exec.Command("git", "show", c+":static/embed.js").Output(); err == nil {
		return src, nil
	}
	names, err := exec.Command("git", "ls-tree", "--name-only", c, "static/embed/").Output()
	if err != nil {
		return nil, err
	}
	var out []byte
	for _, name := range strings.Fields(string(names)) {
		if path.Ext(name) != ".js" {
			continue
		}
		src, err := exec.Command("git", "show", c+":"+name).Output()
		if err != nil {
			return nil, err
		}
		out = append(out, src...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no embed.js at %s", c)
	}
	return out, nil
}

// detectProbeJS, loaded first, records when the first example shows an
// answer; t0.js and t1.js, deferred around embed.js, when embed.js starts
// and when it is done finding (it finds in the task that runs it).
const detectProbeJS = `window.cvqBench = {first: 0};
new MutationObserver(() => {
  if (!cvqBench.first && document.querySelector('[data-cvq-state="answered"]')) cvqBench.first = performance.now();
}).observe(document.documentElement, {subtree: true, attributes: true, attributeFilter: ["data-cvq-state"]});`

type detectRun struct {
	FindMS  float64 `json:"find"`
	Found   int     `json:"found"`
	FirstMS float64 `json:"first"`
}

func TestDocsDetectBench(t *testing.T) {
	before, err := loaderAt(beforeDetection)
	if err != nil {
		t.Fatalf("the loader before detection: %v", err)
	}
	site := siteHandler(siteDir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		js := map[string]string{
			"/bench/probe.js":        detectProbeJS,
			"/bench/t0.js":           `window.cvqBench.t0 = performance.now();`,
			"/bench/t1.js":           `window.cvqBench.t1 = performance.now(); window.cvqBench.found = document.querySelectorAll(".cvq-example").length;`,
			"/bench/before-embed.js": string(before),
		}
		if s, ok := js[p]; ok {
			w.Header().Set("Content-Type", "text/javascript")
			fmt.Fprint(w, s)
			return
		}
		if !strings.HasPrefix(p, "/bench/") {
			site.ServeHTTP(w, r)
			return
		}
		src := "/web/embed.js"
		if q.Get("loader") == "before" {
			src = "/bench/before-embed.js"
		}
		tag := `<script src="/bench/t0.js" defer></script><script src="` + src + `" data-cvq-base="/" defer` + map[bool]string{true: " data-cvq-detect", false: ""}[q.Has("detect")] + `></script><script src="/bench/t1.js" defer></script>`
		var page string
		switch p {
		case "/bench/marked20":
			page = docsPage(20, "", "", false)
			page = strings.Replace(page, "</body>", tag+"</body>", 1)
		case "/bench/wiki500":
			page = wikiPage(500, 20, tag)
			if q.Has("marked") {
				page = strings.ReplaceAll(page, "<pre><code>C: VER", "<pre data-cvq><code>C: VER")
				page = strings.ReplaceAll(page, "<pre>&gt;&gt;&gt; CVQ", "<pre data-cvq>&gt;&gt;&gt; CVQ")
			}
		default:
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, strings.Replace(page, "<head>", `<head><script src="/bench/probe.js"></script>`, 1))
	}))
	defer srv.Close()
	runs := 5
	if v, err := strconv.Atoi(os.Getenv("CVQ_DOCS_RUNS")); err == nil && v > 0 {
		runs = v
	}
	configs := []struct{ key, path string }{
		{"before/marked20", "/bench/marked20?loader=before"},
		{"now/marked20", "/bench/marked20"},
		{"now/wiki500", "/bench/wiki500?detect"},
		{"now/wiki500-marked", "/bench/wiki500?marked"},
		{"before/wiki500-marked", "/bench/wiki500?marked&loader=before"},
	}
	res := map[string][]detectRun{}
	for r := 0; r < runs; r++ {
		// Every other run in the reverse order, so that no configuration
		// always follows the same one (a browser's exit still costs the
		// machine something when the next starts).
		order := append([]int(nil), 0, 1, 2, 3, 4)
		if r%2 == 1 {
			order = []int{4, 3, 2, 1, 0}
		}
		for _, i := range order {
			c := configs[i]
			m := measureFirst(t, srv.URL+c.path)
			t.Logf("run %d %s: %+v", r, c.key, m)
			res[c.key] = append(res[c.key], m)
		}
	}
	col := func(key string, of func(detectRun) float64) []float64 {
		var xs []float64
		for _, m := range res[key] {
			xs = append(xs, of(m))
		}
		return xs
	}
	find := func(m detectRun) float64 { return m.FindMS }
	first := func(m detectRun) float64 { return m.FirstMS }
	for key, ms := range res {
		want := 20
		for _, m := range ms {
			if m.Found != want || m.FirstMS == 0 {
				t.Errorf("%s: %d examples found (want %d), first answer at %.0f ms", key, m.Found, want, m.FirstMS)
			}
		}
	}
	ratio := func(a, b string) []float64 {
		var xs []float64
		for i := range res[a] {
			xs = append(xs, res[a][i].FirstMS/res[b][i].FirstMS)
		}
		return xs
	}
	var rows benchRows
	rows.add("wiki page of 500 blocks, 20 transcripts, detection: main thread until all 20 found", col("now/wiki500", find), "%.1f ms", "")
	rows.add("the same page, the 20 marked, no detection", col("now/wiki500-marked", find), "%.1f ms", "")
	rows.add("the same page, the 20 marked, the loader before detection", col("before/wiki500-marked", find), "%.1f ms", "")
	rows.add("first answer: marked page of 20 examples, the loader before detection", col("before/marked20", first), "%.0f ms", "")
	rows.add("first answer: the same page, today's loader", col("now/marked20", first), "%.0f ms", "≤ before")
	rows.add("first answer: the wiki page of 500 blocks, the 20 marked, the loader before detection", col("before/wiki500-marked", first), "%.0f ms", "")
	rows.add("first answer: the same wiki page, unmarked, detection", col("now/wiki500", first), "%.0f ms", "≤ before")
	rows.add("first answer, the wiki page with detection ÷ marked with the loader before, run by run", ratio("now/wiki500", "before/wiki500-marked"), "%.2f×", "≤ 1×")
	rows.add("first answer, the wiki page with detection ÷ the marked page of 20 before, run by run", ratio("now/wiki500", "before/marked20"), "%.2f×", "≤ 1×")
	rows.appendTo(t, "docs")
}

// measureFirst loads url in a fresh browser and waits for the first answer.
func measureFirst(t *testing.T, url string) detectRun {
	t.Helper()
	ctx, stop := freshBrowser(t, "docs-detect")
	defer stop()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		m, err := chromedp.Run(ctx, chromedp.Evaluate[detectRun](`(b => ({find: (b.t1 || 0) - (b.t0 || 0), found: b.found || 0, first: b.first}))(window.cvqBench || {})`))
		if err != nil {
			t.Fatal(err)
		}
		if m.FirstMS > 0 || time.Now().After(deadline) {
			return m
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// appendTo adds the rows to ../build/bench/<part>.rows, after those
// another test of the part wrote in the same run.
func (r *benchRows) appendTo(t *testing.T, part string) {
	t.Helper()
	file := filepath.Join("..", "build", "bench", part+".rows")
	old, _ := os.ReadFile(file)
	var all benchRows
	all.b.Write(old)
	all.b.WriteString(r.b.String())
	all.write(t, part)
}
