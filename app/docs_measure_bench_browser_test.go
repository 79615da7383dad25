//go:build browser && bench

package main

// How the documentation bench measures one page: a fresh browser, the
// probe's figures (probeJS) once the page scrolled and answered, and the
// browser's memory and CPU over a fixed interval.

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// measureDocs loads url in a fresh browser, lets the probe scroll it to
// the end, waits until the n examples answered (or nothing changes for
// 8 s), and returns the browser's memory and CPU docsInterval after the
// navigation started, the first answer's time and the scroll's figures.
func measureDocs(t *testing.T, url string, n int) docsRun {
	t.Helper()
	// The browser's own start is not the page's: CPU counts from a blank
	// page, a second after the browser started.
	ctx, stop := freshBrowser(t, "docs-bench")
	defer stop()
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

// freshBrowser starts a Chromium of its own, with a new profile (named
// after name), on about:blank: a page's measure then counts no other
// page's. stop ends the browser and removes the profile.
func freshBrowser(t *testing.T, name string) (ctx context.Context, stop func()) {
	t.Helper()
	chromium := os.Getenv("CVQ_CHROMIUM")
	if chromium == "" {
		chromium = "chromium"
	}
	profile, _ := os.MkdirTemp("", "cvq-"+name+"-")
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromiumOptions(chromium, profile, 1280, 900)...)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelT := context.WithTimeout(ctx, 120*time.Second)
	stop = func() {
		cancelT()
		cancel()
		cancelAlloc()
		os.RemoveAll(profile)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		stop()
		t.Fatal(err)
	}
	return ctx, stop
}
