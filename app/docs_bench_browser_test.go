//go:build browser && bench

package main

// What a documentation page with live examples costs the reader's browser:
// a page of 20 sections with 0, 1 or 20 live examples (and the empty page),
// each loaded in a fresh Chromium, scrolled through the same way until
// every example answered; the whole browser's memory (summed over its
// processes) and CPU over the same interval, beyond the empty page and
// beyond the same page without a loader, the time to the first answer, and
// how smoothly the page scrolled. The loader of the previous release (one go-app
// frame per example, from git) is measured in the same run, interleaved,
// when git can give it, and so is the same page without a loader (its text
// alone costs something to lay out and scroll). Memory is counted twice:
// private pages (what the browser's processes alone hold) and resident
// pages, private and shared (the measure; shared library pages are
// counted once per process). Measurements, not assertions.

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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
		src, err := exec.Command("git", "show", c[1]+":static/embed.js").Output()
		if err != nil {
			t.Logf("no %s loader to compare with (%v)", c[0], err)
			continue
		}
		loaders[c[0]] = src
		variants = append([]string{c[0]}, variants...)
	}
	srv := httptest.NewServer(docsHandler(siteHandler(siteDir), loaders))
	defer srv.Close()
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
}

// measureDocs loads url in a fresh browser, lets the probe scroll it to
// the end, waits until the n examples answered (or nothing changes for
// 8 s), and returns the browser's memory and CPU docsInterval after the
// navigation started, the first answer's time and the scroll's figures.
func measureDocs(t *testing.T, url string, n int) docsRun {
	t.Helper()
	chromium := os.Getenv("CVQ_CHROMIUM")
	if chromium == "" {
		chromium = "chromium"
	}
	profile, _ := os.MkdirTemp("", "cvq-docs-bench-")
	defer os.RemoveAll(profile)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(profile),
			chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
			chromedp.WindowSize(1280, 900))...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 120*time.Second)
	defer cancelT()
	// The browser's own start is not the page's: CPU counts from a blank
	// page, a second after the browser started.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	pid := chromedp.FromContext(ctx).Browser.Process().Pid
	time.Sleep(time.Second)
	_, _, cpu0 := treeUsage(pid)
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	p := waitDocs(t, ctx, n)
	// Every page is measured over the same interval from navigation on, so
	// that what a browser spends idle counts the same for all.
	if wait := docsInterval - time.Since(start); wait > 0 {
		time.Sleep(wait)
	} else {
		t.Logf("%s took %v, over the measured interval", url, time.Since(start))
	}
	priv, rss, cpu := treeUsage(pid)
	if os.Getenv("CVQ_DOCS_PROCS") != "" {
		t.Logf("%s: %s", url, procUsage(pid))
	}
	return docsRun{privMB: priv, rssMB: rss, cpuS: cpu - cpu0, firstMS: p.First, answered: p.Answered, probe: p}
}

// docsInterval is how long after navigation a page's cost is read: the
// scroll (4 s) and the last answers fit well in it.
const docsInterval = 9 * time.Second

// docsProbe is window.cvqProbe (probeJS).
type docsProbe struct {
	First      float64 `json:"first"`
	Answered   int     `json:"answered"`
	Scrolled   bool    `json:"scrolled"`
	ScrollMS   float64 `json:"scrollMs"`
	Frames     int     `json:"frames"`
	Dropped    int     `json:"dropped"`
	WorstFrame float64 `json:"worstFrame"`
	LongTasks  int     `json:"longTasks"`
	LongTaskMS float64 `json:"longTaskMs"`
}

// waitDocs waits until the page's scroll is over and its n examples
// answered (or nothing changed for 8 s), and returns the probe's figures.
func waitDocs(t *testing.T, ctx context.Context, n int) docsProbe {
	t.Helper()
	var p docsProbe
	last, since := -1, time.Now()
	for time.Since(since) < 8*time.Second {
		var err error
		p, err = chromedp.Run(ctx, chromedp.Evaluate[docsProbe](`window.cvqProbe || {}`))
		if err != nil {
			t.Fatal(err)
		}
		if p.Scrolled && p.Answered == n && (n == 0 || p.First > 0) {
			break
		}
		if p.Answered != last {
			last, since = p.Answered, time.Now()
		}
		time.Sleep(100 * time.Millisecond)
	}
	return p
}

// treeUsage sums the private and the resident (private and shared) memory
// (MB) and the user and system CPU time (s, with that of reaped children)
// of pid and its descendants.
func treeUsage(pid int) (privMB, rssMB, cpuS float64) {
	return procTreeUsage(pid, true)
}

// treeUsageOne is treeUsage of pid alone.
func treeUsageOne(pid int) (privMB, rssMB, cpuS float64) {
	return procTreeUsage(pid, false)
}

func procTreeUsage(pid int, tree bool) (privMB, rssMB, cpuS float64) {
	parent := map[int]int{}
	stats := map[int][]string{}
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		p, _ := strconv.Atoi(filepath.Base(d))
		data, err := os.ReadFile(d + "/stat")
		if err != nil {
			continue
		}
		s := string(data)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:]) // fields from 3 (state) on
		if len(f) < 15 {
			continue
		}
		pp, _ := strconv.Atoi(f[1])
		parent[p], stats[p] = pp, f
	}
	in := func(p int) bool {
		if !tree {
			return p == pid
		}
		for ; p > 1; p = parent[p] {
			if p == pid {
				return true
			}
		}
		return false
	}
	for p, f := range stats {
		if !in(p) {
			continue
		}
		for _, i := range []int{11, 12, 13, 14} { // utime stime cutime cstime
			v, _ := strconv.ParseFloat(f[i], 64)
			cpuS += v / 100
		}
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/smaps_rollup", p))
		if err != nil {
			continue
		}
		for _, l := range strings.Split(string(data), "\n") {
			f := strings.Fields(l)
			if len(f) < 2 {
				continue
			}
			kb, _ := strconv.ParseFloat(f[1], 64)
			switch f[0] {
			case "Private_Clean:", "Private_Dirty:":
				privMB += kb / 1024
			case "Rss:":
				rssMB += kb / 1024
			}
		}
	}
	return privMB, rssMB, cpuS
}

// procUsage says, for each process of the browser, its kind and its
// private memory (MB) and CPU time (s): where a page's cost goes.
func procUsage(pid int) string {
	var out []string
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		p, _ := strconv.Atoi(filepath.Base(d))
		if p != pid && !descends(p, pid) {
			continue
		}
		cmd, _ := os.ReadFile(d + "/cmdline")
		kind := "browser"
		for _, a := range strings.FieldsFunc(string(cmd), func(r rune) bool { return r == 0 || r == ' ' }) {
			if strings.HasPrefix(a, "--type=") {
				kind = strings.TrimPrefix(a, "--type=")
			}
			if strings.HasPrefix(a, "--utility-sub-type=") {
				kind = strings.TrimPrefix(a, "--utility-sub-type=")
			}
		}
		priv, _, cpu := treeUsageOne(p)
		out = append(out, fmt.Sprintf("%s %.0f MB %.2f s", kind, priv, cpu))
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

func descends(p, of int) bool {
	for i := 0; p > 1 && i < 64; i++ {
		data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", p))
		if err != nil {
			return false
		}
		s := string(data)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
		p, _ = strconv.Atoi(f[1])
		if p == of {
			return true
		}
	}
	return false
}
