//go:build browser && bench

package main

// What a documentation page with live examples costs the reader's browser:
// pages of 0, 1 and 20 examples, each loaded in a fresh Chromium, scrolled
// through until every example answered; the whole browser's memory (PSS,
// summed over its processes) and CPU beyond the empty page, and the time
// to the first answer. The loader of the previous release (one go-app
// frame per example, from git) is measured in the same run, interleaved,
// when git can give it. Measurements, not assertions.

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
	memMB, cpuS, firstMS float64
	answered             int
}

func TestDocsBench(t *testing.T) {
	old, err := exec.Command("git", "show", oldEmbedCommit+":static/embed.js").Output()
	if err != nil {
		t.Logf("no old loader to compare with (%v)", err)
		old = nil
	}
	srv := httptest.NewServer(docsHandler(siteHandler(siteDir), old))
	defer srv.Close()
	variants := []string{"new"}
	if old != nil {
		variants = []string{"old", "new"}
	}
	if v := os.Getenv("CVQ_DOCS_VARIANTS"); v != "" {
		variants = strings.Split(v, ",")
	}
	runs := 3
	if v, err := strconv.Atoi(os.Getenv("CVQ_DOCS_RUNS")); err == nil && v > 0 {
		runs = v
	}
	sizes := []int{0, 1, 20}
	res := map[string][]docsRun{} // "variant/n" → runs
	for r := 0; r < runs; r++ {
		for _, v := range variants {
			for _, n := range sizes {
				m := measureDocs(t, fmt.Sprintf("%s/docs/%d?embed=%s&probe", srv.URL, n, v), n)
				t.Logf("run %d %s %d: %+v", r, v, n, m)
				key := v + "/" + strconv.Itoa(n)
				res[key] = append(res[key], m)
			}
		}
	}
	span := func(xs []float64) string {
		sort.Float64s(xs)
		return fmt.Sprintf("%.0f–%.0f", xs[0], xs[len(xs)-1])
	}
	spanF := func(xs []float64) string {
		sort.Float64s(xs)
		return fmt.Sprintf("%.2f–%.2f", xs[0], xs[len(xs)-1])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "| loader | examples | extra memory (MB) | extra CPU (s) | first answer (ms) | answered |\n|---|---|---|---|---|---|\n")
	for _, v := range variants {
		base := res[v+"/0"]
		for _, n := range sizes[1:] {
			var mem, cpu, first []float64
			ans := ""
			for i, m := range res[v+"/"+strconv.Itoa(n)] {
				mem = append(mem, m.memMB-base[i].memMB)
				cpu = append(cpu, m.cpuS-base[i].cpuS)
				first = append(first, m.firstMS)
				ans = fmt.Sprintf("%d/%d", m.answered, n)
			}
			fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %s |\n", v, n, span(mem), spanF(cpu), span(first), ans)
		}
		// The ratio 20 : 1, run by run.
		var rm, rc []float64
		for i := range base {
			one, twenty := res[v+"/1"][i], res[v+"/20"][i]
			rm = append(rm, (twenty.memMB-base[i].memMB)/(one.memMB-base[i].memMB))
			rc = append(rc, (twenty.cpuS-base[i].cpuS)/(one.cpuS-base[i].cpuS))
		}
		fmt.Fprintf(&b, "| %s | 20 ÷ 1 | ×%s | ×%s | | |\n", v, spanF(rm), spanF(rc))
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
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	pid := chromedp.FromContext(ctx).Browser.Process().Pid
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
	mem, cpu := treeUsage(pid)
	return docsRun{memMB: mem, cpuS: cpu, firstMS: p.First, answered: p.Answered}
}

// treeUsage sums the proportional set size (MB) and the user and system
// CPU time (s, with that of reaped children) of pid and its descendants.
func treeUsage(pid int) (memMB, cpuS float64) {
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
			if strings.HasPrefix(l, "Pss:") {
				kb, _ := strconv.ParseFloat(strings.Fields(l)[1], 64)
				memMB += kb / 1024
			}
		}
	}
	return memMB, cpuS
}
