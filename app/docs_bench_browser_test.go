//go:build browser && bench

package main

// What a documentation page with live examples costs the reader's browser:
// pages of 0, 1 and 20 examples, each loaded in a fresh Chromium, scrolled
// through until every example answered; the whole browser's memory (PSS,
// summed over its processes) and CPU beyond the empty page, and the time
// to the first answer. The loader of the previous release (one go-app
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
}

func TestDocsBench(t *testing.T) {
	old, err := exec.Command("git", "show", oldEmbedCommit+":static/embed.js").Output()
	if err != nil {
		t.Logf("no old loader to compare with (%v)", err)
		old = nil
	}
	srv := httptest.NewServer(docsHandler(siteHandler(siteDir), old))
	defer srv.Close()
	variants := []string{"none", "new"}
	if old != nil {
		variants = []string{"none", "old", "new"}
	}
	if v := os.Getenv("CVQ_DOCS_VARIANTS"); v != "" {
		variants = strings.Split(v, ",")
	}
	runs := 3
	if v, err := strconv.Atoi(os.Getenv("CVQ_DOCS_RUNS")); err == nil && v > 0 {
		runs = v
	}
	sizes := []int{0, 1, 20}
	res := map[string][]docsRun{} // "variant/n" → runs; "none/0" is the empty page
	for r := 0; r < runs; r++ {
		for _, v := range variants {
			for _, n := range sizes {
				if n == 0 && v != "none" {
					continue
				}
				want := n
				if v == "none" {
					want = 0
				}
				m := measureDocs(t, fmt.Sprintf("%s/docs/%d?embed=%s&probe", srv.URL, n, v), want)
				t.Logf("run %d %s %d: %+v", r, v, n, m)
				key := v + "/" + strconv.Itoa(n)
				res[key] = append(res[key], m)
			}
		}
	}
	span := func(xs []float64, f string) string {
		sort.Float64s(xs)
		return fmt.Sprintf(f+"–"+f, xs[0], xs[len(xs)-1])
	}
	empty := res["none/0"]
	// extra is a measure of variant v with n examples beyond base (a
	// measure of the same run).
	extra := func(v string, n int, base func(i int) docsRun, of func(docsRun) float64) []float64 {
		var out []float64
		for i, m := range res[v+"/"+strconv.Itoa(n)] {
			out = append(out, of(m)-of(base(i)))
		}
		return out
	}
	priv := func(m docsRun) float64 { return m.privMB }
	rss := func(m docsRun) float64 { return m.rssMB }
	cpu := func(m docsRun) float64 { return m.cpuS }
	ratio := func(a, b []float64) []float64 {
		out := make([]float64, len(a))
		for i := range a {
			out[i] = a[i] / b[i]
		}
		return out
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| loader | examples | beyond | private memory (MB) | private + shared (MB) | CPU (s) | first answer (ms) | answered |\n|---|---|---|---|---|---|---|---|\n")
	for _, v := range variants {
		for _, baseName := range []string{"empty page", "same page, no loader"} {
			if v == "none" && baseName != "empty page" {
				continue
			}
			cols := map[int][3][]float64{}
			for _, n := range sizes[1:] {
				base := func(i int) docsRun { return empty[i] }
				if baseName != "empty page" {
					base = func(i int) docsRun { return res["none/"+strconv.Itoa(n)][i] }
				}
				p, r, c := extra(v, n, base, priv), extra(v, n, base, rss), extra(v, n, base, cpu)
				cols[n] = [3][]float64{p, r, c}
				var first []float64
				ans := ""
				for _, m := range res[v+"/"+strconv.Itoa(n)] {
					first = append(first, m.firstMS)
					ans = fmt.Sprintf("%d/%d", m.answered, n)
				}
				if v == "none" {
					fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | | |\n", v, n, baseName, span(p, "%.0f"), span(r, "%.0f"), span(c, "%.2f"))
				} else {
					fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s | %s | %s |\n", v, n, baseName, span(p, "%.0f"), span(r, "%.0f"), span(c, "%.2f"), span(first, "%.0f"), ans)
				}
			}
			fmt.Fprintf(&b, "| %s | 20 ÷ 1 | %s | ×%s | ×%s | ×%s | | |\n", v, baseName,
				span(ratio(cols[20][0], cols[1][0]), "%.2f"), span(ratio(cols[20][1], cols[1][1]), "%.2f"), span(ratio(cols[20][2], cols[1][2]), "%.2f"))
		}
	}
	fmt.Print(b.String())
}

// measureDocs loads url in a fresh browser, scrolls to the end, waits
// until the n examples answered (or nothing changes for 8 s), and returns
// the browser's memory and CPU and the first answer's time.
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
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	type probe struct {
		First    float64 `json:"first"`
		Answered int     `json:"answered"`
	}
	var p probe
	last, since := -1, time.Now()
	for time.Since(since) < 8*time.Second {
		var err error
		p, err = chromedp.Run(ctx, chromedp.Evaluate[probe](`window.scrollBy(0, innerHeight * 0.8); window.cvqProbe || {first: 0, answered: 0}`))
		if err != nil {
			t.Fatal(err)
		}
		if p.Answered == n && (n == 0 || p.First > 0) {
			break
		}
		if p.Answered != last {
			last, since = p.Answered, time.Now()
		}
		time.Sleep(150 * time.Millisecond)
	}
	time.Sleep(time.Second) // let the last answers settle
	priv, rss, cpu := treeUsage(pid)
	return docsRun{privMB: priv, rssMB: rss, cpuS: cpu - cpu0, firstMS: p.First, answered: p.Answered}
}

// treeUsage sums the private and the resident (private and shared) memory
// (MB) and the user and system CPU time (s, with that of reaped children)
// of pid and its descendants.
func treeUsage(pid int) (privMB, rssMB, cpuS float64) {
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
