//go:build browser && bench

package main

// What a documentation page with live examples costs the reader's browser:
// a page of 20 sections with 0, 1 or 20 live examples (and the empty page),
// each loaded in a fresh Chromium, scrolled through the same way until
// every example answered; the whole browser's memory (summed over its
// processes) and CPU over the same interval, beyond the empty page and
// beyond the same page without a loader, the time to the first answer, and
// how smoothly the page scrolled. The same page without a loader is
// measured in the same run, interleaved (its text alone costs something to
// lay out and scroll); so are loaders taken from git when asked for:
// CVQ_DOCS_VARIANTS=old,new compares the first loader (one go-app frame per
// example), and with CVQ_DOCS_PREV=COMMIT, CVQ_DOCS_VARIANTS=prev,new
// compares embed.js at COMMIT on today's engine. Each load is in a fresh
// headless Chromium; a script in the page scrolls it from top to end in
// 4 s whatever its height, in every animation frame, and the memory and
// CPU of all the browser's processes (/proc/PID/smaps_rollup, stat) are
// read 9 s after the navigation started (CPU from a blank page after the
// browser's own start), so that every page is counted over the same
// interval. Memory is counted twice:
// private pages (what the browser's processes alone hold) and resident
// pages, private and shared (the usual measure of a browser's footprint; shared library pages are
// counted once per process). Measurements, not assertions.

import (
	"fmt"
	"net/http/httptest"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// oldEmbedCommit is the last release whose embed.js made one frame per
// example.
const oldEmbedCommit = "a46d8ea"

type docsRun struct {
	privMB, rssMB, cpuS, firstMS float64
	answered                     int
	probe                        docsProbe
}

func TestDocsBench(t *testing.T) {
	// Loaders taken from git: "old", and "prev" (CVQ_DOCS_PREV names a
	// commit) to compare a change of embed.js with, on the same engine.
	loaders := map[string][]byte{}
	variants := []string{"new"}
	commits := [][2]string{{"old", oldEmbedCommit}}
	if c := os.Getenv("CVQ_DOCS_PREV"); c != "" {
		commits = append(commits, [2]string{"prev", c})
	}
	for _, c := range commits {
		src, err := loaderAt(c[1])
		if err != nil {
			t.Logf("no %s loader to compare with (%v)", c[0], err)
			continue
		}
		loaders[c[0]] = src
		variants = append([]string{c[0]}, variants...)
	}
	srv := httptest.NewServer(docsHandler(siteHandler(siteDir), loaders))
	defer srv.Close()
	// The loaders from git are compared only when asked for: the bench's
	// rows are today's.
	variants = []string{"new"}
	if v := os.Getenv("CVQ_DOCS_VARIANTS"); v != "" {
		variants = strings.Split(v, ",")
	}
	runs := 3
	if v, err := strconv.Atoi(os.Getenv("CVQ_DOCS_RUNS")); err == nil && v > 0 {
		runs = v
	}
	// Every page but the empty one has the same 20 sections; "none" has no
	// loader, the others 1 or 20 live examples among them.
	type page struct {
		key, path string
		n         int
	}
	pages := []page{{"empty", "/docs/0?embed=none", 0}, {"none", "/docs/20?embed=none", 0}}
	for _, v := range variants {
		pages = append(pages, page{v + "/1", "/docs/20?live=1&embed=" + v, 1}, page{v + "/20", "/docs/20?embed=" + v, 20})
	}
	res := map[string][]docsRun{}
	for r := 0; r < runs; r++ {
		for _, pg := range pages {
			m := measureDocs(t, srv.URL+pg.path+"&probe", pg.n)
			t.Logf("run %d %s: %+v", r, pg.key, m)
			res[pg.key] = append(res[pg.key], m)
		}
	}
	span := func(xs []float64, f string) string {
		xs = append([]float64(nil), xs...)
		sort.Float64s(xs)
		return fmt.Sprintf(f+"–"+f, xs[0], xs[len(xs)-1])
	}
	// extra is a measure of the page key beyond the page base, run by run.
	extra := func(key, base string, of func(docsRun) float64) []float64 {
		var out []float64
		for i, m := range res[key] {
			out = append(out, of(m)-of(res[base][i]))
		}
		return out
	}
	of := []func(docsRun) float64{
		func(m docsRun) float64 { return m.privMB },
		func(m docsRun) float64 { return m.rssMB },
		func(m docsRun) float64 { return m.cpuS },
	}
	formats := []string{"%.0f", "%.0f", "%.2f"}
	var b strings.Builder
	fmt.Fprintf(&b, "| loader | live examples | beyond | private memory (MB) | private + shared (MB) | CPU (s) | first answer (ms) | answered |\n|---|---|---|---|---|---|---|---|\n")
	row := func(label, n, base string, cols [3][]float64, first, ans string) {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", label, n, base, span(cols[0], formats[0]), span(cols[1], formats[1]), span(cols[2], formats[2]), first, ans)
	}
	var none [3][]float64
	for i := range of {
		none[i] = extra("none", "empty", of[i])
	}
	row("none", "0 (20 sections)", "empty page", none, "", "")
	for _, v := range variants {
		for _, base := range []string{"empty", "none"} {
			var cols [2][3][]float64
			for j, n := range []string{"1", "20"} {
				key := v + "/" + n
				for i := range of {
					cols[j][i] = extra(key, base, of[i])
				}
				var first []float64
				ans := ""
				for _, m := range res[key] {
					first = append(first, m.firstMS)
					ans = fmt.Sprintf("%d/%s", m.answered, n)
				}
				row(v, n, map[string]string{"empty": "empty page", "none": "same page, no loader"}[base], cols[j], span(first, "%.0f"), ans)
			}
			var ratio [3][]float64
			for i := range of {
				for k := range cols[1][i] {
					ratio[i] = append(ratio[i], cols[1][i][k]/cols[0][i][k])
				}
			}
			fmt.Fprintf(&b, "| %s | 20 ÷ 1 | %s | ×%s | ×%s | ×%s | | |\n", v, map[string]string{"empty": "empty page", "none": "same page, no loader"}[base],
				span(ratio[0], "%.2f"), span(ratio[1], "%.2f"), span(ratio[2], "%.2f"))
		}
	}
	// The scroll: frames drawn, frames that came late (> 25 ms), the
	// longest frame, and the long tasks (> 50 ms) while it ran.
	fmt.Fprintf(&b, "\n| page | scroll (ms) | frames | late frames | longest frame (ms) | long tasks (total ms) |\n|---|---|---|---|---|---|\n")
	keys := []string{"none"}
	for _, v := range variants {
		keys = append(keys, v+"/1", v+"/20")
	}
	for _, key := range keys {
		var ms, fr, dr, worst, lt, ltms []float64
		for _, m := range res[key] {
			p := m.probe
			ms, fr, dr, worst = append(ms, p.ScrollMS), append(fr, float64(p.Frames)), append(dr, float64(p.Dropped)), append(worst, p.WorstFrame)
			lt, ltms = append(lt, float64(p.LongTasks)), append(ltms, p.LongTaskMS)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s (%s) |\n", key, span(ms, "%.0f"), span(fr, "%.0f"), span(dr, "%.0f"), span(worst, "%.0f"), span(lt, "%.0f"), span(ltms, "%.0f"))
	}
	fmt.Print(b.String())

	// The bench's rows: today's loader, 20 live examples against 1, beyond
	// the empty page, run by run.
	var rows benchRows
	var first []float64
	answered := 0
	for _, m := range res["new/20"] {
		first = append(first, m.firstMS)
		answered += m.answered
	}
	rows.add("documentation page of 20 sections, 20 live examples: first answer", first, "%.0f ms", "")
	rows.one("the same: examples answered", fmt.Sprintf("%d of %d", answered, 20*runs), "all")
	for i, what := range []string{"private + shared memory", "CPU", "private memory"} {
		get := of[[]int{1, 2, 0}[i]]
		one, twenty := extra("new/1", "empty", get), extra("new/20", "empty", get)
		var ratio []float64
		for k := range one {
			ratio = append(ratio, twenty[k]/one[k])
		}
		aim := ""
		if i == 0 {
			aim = "≤ 1.5×"
		}
		rows.add("the same: "+what+", 20 live examples ÷ 1 (beyond the empty page)", ratio, "%.2f×", aim)
	}
	rows.write(t, "docs")
}
