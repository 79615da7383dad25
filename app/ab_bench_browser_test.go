//go:build browser && bench

package main

// TestStartupAB compares static exports of the playground with each other
// and with the bare go-app page, for a change of the start: one build
// without a mechanism against the build with it. Method: every site is
// loaded once per round, in an order that rotates from round to round, so
// that the machine's load falls on all alike; each figure is given as the
// median and the spread over the rounds, and as the ratio to the first
// site's load of the same round (so a busy moment moves both). Series:
//
//   - cold: a new browser context, HTTP cache off, no service worker;
//   - link: the same over desktopLink (10 Mbit/s, 40 ms round trips);
//   - cpu4: cold on the loopback, the CPU slowed fourfold (Chromium's
//     Emulation.setCPUThrottlingRate, as Lighthouse's mobile preset);
//   - first: a first visit over desktopLink with the service worker
//     allowed to register and cache the site.
//
// Run it on exports written by ./build.sh static (the first is the base):
//
//	CVQ_AB='with=/tmp/a,without=/tmp/b' CVQ_AB_SERIES=cold,link,cpu4 CVQ_AB_LOADS=9 \
//	CVQ_CHROMIUM=/usr/bin/chromium go test -count=1 -timeout 60m -tags 'browser bench' -run '^TestStartupAB$' ./app -v
//
// CVQ_AB_LIGHTHOUSE=N (with CVQ_LIGHTHOUSE, as ./build.sh bench sets it)
// also runs Lighthouse N times on each, RenderDocument on; with
// CVQ_AB_SERIES=none, only Lighthouse.

import (
	"fmt"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

func TestStartupAB(t *testing.T) {
	spec := os.Getenv("CVQ_AB")
	if spec == "" {
		t.Fatal("CVQ_AB names the static exports to compare: name=dir,name=dir")
	}
	var sites []benchSite
	for _, kv := range strings.Split(spec, ",") {
		name, dir, ok := strings.Cut(kv, "=")
		if !ok {
			t.Fatalf("CVQ_AB: %q is not name=dir", kv)
		}
		srv := httptest.NewServer(precompressedFiles(dir))
		t.Cleanup(srv.Close)
		sites = append(sites, benchSite{name, srv.URL + "/", playgroundReady})
	}
	bare := bareSite(t)
	all := append([]benchSite{bare}, sites...)
	loads := envInt("CVQ_AB_LOADS", 7)
	series := strings.Split(os.Getenv("CVQ_AB_SERIES"), ",")
	if series[0] == "" {
		series = []string{"cold", "link", "cpu4"}
	}
	for _, s := range series {
		if s == "none" { // Lighthouse only
			continue
		}
		rounds := make([]map[string]loadResult, loads)
		for i := range rounds {
			rounds[i] = map[string]loadResult{}
			for k := range all {
				site := all[(i+k)%len(all)]
				r := abLoad(t, site, s)
				t.Logf("%s %s: %+v", s, site.name, r)
				rounds[i][site.name] = r
			}
		}
		abReport(s, all, rounds)
	}
	if n := envInt("CVQ_AB_LIGHTHOUSE", 0); n > 0 && os.Getenv("CVQ_AB_LIGHTHOUSE") != "" {
		lh := lighthouseAll(t, all, n, renderDocumentOn(t, os.Getenv("CVQ_LIGHTHOUSE")))
		fmt.Printf("\n| Lighthouse mobile, RenderDocument on | score | LCP | CLS | TBT | first paint shown |\n|---|---|---|---|---|---|\n")
		for _, site := range all {
			var score, lcp, cls, tbt, shown []string
			for _, r := range lh[site.name] {
				score = append(score, fmt.Sprintf("%.0f", r.Score))
				lcp = append(lcp, fmt.Sprintf("%.2f", r.LCP/1000))
				cls = append(cls, fmt.Sprintf("%.4g", r.CLS))
				tbt = append(tbt, fmt.Sprintf("%.0f", r.TBT))
				shown = append(shown, fmt.Sprintf("%.0f", r.ShownFCP))
			}
			fmt.Printf("| %s | %s | %s s | %s | %s ms | %s ms |\n", site.name, strings.Join(score, ", "), strings.Join(lcp, ", "),
				strings.Join(cls, ", "), strings.Join(tbt, ", "), strings.Join(shown, ", "))
		}
	}
}

// abLoad is one load of site in series s (see TestStartupAB).
func abLoad(t *testing.T, site benchSite, s string) loadResult {
	t.Helper()
	switch s {
	case "cold":
		return coldLoad(t, site, nil)
	case "link":
		return coldLoad(t, site, desktopLink)
	case "cpu4", "first":
		ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		defer cancel()
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			t.Fatal(err)
		}
		if s == "cpu4" {
			if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
				t.Fatal(err)
			}
			return measureLoad(t, ctx, site, true)
		}
		if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{desktopLink}}); err != nil {
			t.Fatal(err)
		}
		return measureLoad(t, ctx, site, false)
	}
	t.Fatalf("CVQ_AB_SERIES: no series %q (cold, link, cpu4, first)", s)
	return loadResult{}
}

// spread is a median and the range of xs, in unit.
func spread(xs []float64, format string) string {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return fmt.Sprintf(format+" ("+format+"–"+format+")", s[len(s)/2], s[0], s[len(s)-1])
}

// abReport prints one series: per site, usable and its ratio to the bare
// page's and to the base's (the first site after the bare page) in the
// same round, first and largest paint, the loads whose largest paint came
// after go-app put its own page in place (not the prerendered page; the
// bare page has no such mark), and the largest layout shift.
func abReport(series string, all []benchSite, rounds []map[string]loadResult) {
	fmt.Printf("\n| %s, %d rounds | usable, ms | ÷ bare page | ÷ %s | first paint, ms | largest paint, ms | largest paint after the first render | layout shift, max |\n|---|---|---|---|---|---|---|---|\n",
		series, len(rounds), all[1].name)
	for _, site := range all {
		var ready, toBare, toBase, fcp, lcp []float64
		late, cls := 0, 0.0
		for _, round := range rounds {
			r := round[site.name]
			ready = append(ready, r.Ready)
			toBare = append(toBare, r.Ready/round[all[0].name].Ready)
			toBase = append(toBase, r.Ready/round[all[1].name].Ready)
			fcp = append(fcp, r.FCP)
			lcp = append(lcp, r.LCP)
			if r.Marks[1] > 0 && r.LCP > r.Marks[1] {
				late++
			}
			cls = max(cls, r.CLS)
		}
		fmt.Printf("| %s | %s | %s | %s | %s | %s | %d of %d | %.4g |\n", site.name, spread(ready, "%.0f"), spread(toBare, "%.2f"),
			spread(toBase, "%.2f"), spread(fcp, "%.0f"), spread(lcp, "%.0f"), late, len(rounds), cls)
	}
}
