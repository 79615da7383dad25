//go:build browser && bench

package main

// Lighthouse's performance figures (its mobile preset: a simulated slow
// 4G link and a 4× slower CPU) for the bare page and the playground.
// ./build.sh bench installs the pinned Lighthouse of testdata/lighthouse
// and passes its command in CVQ_LIGHTHOUSE.

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// lighthouseResult is one Lighthouse run's figures.
type lighthouseResult struct {
	Score   float64 `json:"score"` // 0–100
	FCP     float64 `json:"fcp"`   // ms
	LCP     float64 `json:"lcp"`   // ms
	TBT     float64 `json:"tbt"`   // ms
	CLS     float64 `json:"cls"`
	LCPNode string  `json:"lcpNode"` // the largest paint's element, as Lighthouse names it
	// As the browser ran the load (Lighthouse's "observed" figures, before
	// its simulation): when the first contentful paint was shown, and the
	// load event. A first paint shown long after the load event is a frame
	// Chromium held back (see renderDocumentOn).
	ShownFCP float64 `json:"shownFcp"`
	Load     float64 `json:"load"`
}

// renderDocumentOn is a Chromium flag for Lighthouse's runs (TestStartupAB
// uses it): chrome-launcher's own --disable-features without RenderDocument, so that
// Chromium makes a new frame for each document as it does by default
// (passed later on the command line, it replaces the launcher's: Chromium
// keeps a repeated switch's last value). chrome-launcher 1.2.1 turns
// RenderDocument off for Lighthouse's sake; so started, Chromium keeps
// showing Lighthouse's blank start page over the playground's first frame,
// drawn at about 0.25 s, until about 1.2 s (or 2.2 s) in most runs, so
// that app.wasm ends before the "first" paint and Lighthouse's simulation
// makes the largest paint wait for it. No run of the bare page measured
// was held so, and no run of either with RenderDocument on.
func renderDocumentOn(t *testing.T, cli string) string {
	t.Helper()
	// cli is …/node_modules/lighthouse/cli/index.js.
	launcher := filepath.Join(filepath.Dir(filepath.Dir(filepath.Dir(cli))), "chrome-launcher", "dist", "index.js")
	out, err := exec.Command("node", "--input-type=module", "-e",
		`import {Launcher} from "`+filepath.ToSlash(launcher)+`"; console.log(JSON.stringify(Launcher.defaultFlags()))`).Output()
	if err != nil {
		t.Fatalf("reading chrome-launcher's default flags: %v", err)
	}
	var flags []string
	if err := json.Unmarshal(out, &flags); err != nil {
		t.Fatalf("chrome-launcher's default flags: %v (%s)", err, out)
	}
	for _, f := range flags {
		list, ok := strings.CutPrefix(f, "--disable-features=")
		if !ok {
			continue
		}
		features := strings.Split(list, ",")
		kept := slices.DeleteFunc(slices.Clone(features), func(f string) bool { return f == "RenderDocument" })
		if len(kept) < len(features) {
			return "--disable-features=" + strings.Join(kept, ",")
		}
	}
	t.Fatalf("chrome-launcher no longer turns RenderDocument off (%s): review renderDocumentOn", out)
	return ""
}

// runLighthouse runs Lighthouse once on url, Chromium started with the
// usual headless flags and extraFlags.
func runLighthouse(t *testing.T, cli, url, extraFlags string) lighthouseResult {
	t.Helper()
	out := filepath.Join(t.TempDir(), "report.json")
	cmd := exec.Command("node", cli, url, "--only-categories=performance", "--output=json", "--output-path="+out, "--quiet",
		"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync "+extraFlags)
	cmd.Env = append(os.Environ(), "CHROME_PATH="+os.Getenv("CVQ_CHROMIUM"))
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("lighthouse %s: %v\n%s", url, err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Categories struct {
			Performance struct{ Score float64 }
		}
		Audits map[string]struct {
			NumericValue float64         `json:"numericValue"`
			Details      json.RawMessage `json:"details"`
			ErrorMessage string          `json:"errorMessage"`
		}
	}
	if err := json.Unmarshal(data, &rep); err != nil {
		t.Fatal(err)
	}
	r := lighthouseResult{
		Score: rep.Categories.Performance.Score * 100,
		FCP:   rep.Audits["first-contentful-paint"].NumericValue,
		LCP:   rep.Audits["largest-contentful-paint"].NumericValue,
		TBT:   rep.Audits["total-blocking-time"].NumericValue,
		CLS:   rep.Audits["cumulative-layout-shift"].NumericValue,
	}
	var metrics struct {
		Items []struct {
			ObservedFirstContentfulPaint float64 `json:"observedFirstContentfulPaint"`
			ObservedLoad                 float64 `json:"observedLoad"`
		} `json:"items"`
	}
	if err := json.Unmarshal(rep.Audits["metrics"].Details, &metrics); err != nil || len(metrics.Items) == 0 {
		t.Fatalf("lighthouse %s: no observed metrics (%v)", url, err)
	}
	r.ShownFCP, r.Load = metrics.Items[0].ObservedFirstContentfulPaint, metrics.Items[0].ObservedLoad
	// The element is a few levels down in the details: the first node's
	// selector there.
	var details any
	json.Unmarshal(rep.Audits["largest-contentful-paint-element"].Details, &details)
	r.LCPNode = findSelector(details)
	// Lighthouse 12.2.3 cannot read the element from Chromium 156's trace
	// (its TraceElements gatherer fails): say so rather than leave it empty.
	if msg := rep.Audits["largest-contentful-paint-element"].ErrorMessage; r.LCPNode == "" && msg != "" {
		r.LCPNode = "(not given: " + msg + ")"
	}
	return r
}

// findSelector returns the first "selector" string in a decoded JSON value.
func findSelector(v any) string {
	switch v := v.(type) {
	case map[string]any:
		if s, ok := v["selector"].(string); ok {
			return s
		}
		for _, k := range []string{"items", "node"} {
			if s := findSelector(v[k]); s != "" {
				return s
			}
		}
	case []any:
		for _, x := range v {
			if s := findSelector(x); s != "" {
				return s
			}
		}
	}
	return ""
}

// lighthouseAll runs Lighthouse n times on each site, in turn, Chromium
// started with extraFlags.
func lighthouseAll(t *testing.T, sites []benchSite, n int, extraFlags string) map[string][]lighthouseResult {
	cli := os.Getenv("CVQ_LIGHTHOUSE")
	if cli == "" {
		t.Fatal("CVQ_LIGHTHOUSE is not set: run ./build.sh bench, which installs Lighthouse")
	}
	res := map[string][]lighthouseResult{}
	for i := 0; i < n; i++ {
		for _, s := range sites {
			r := runLighthouse(t, cli, s.url, extraFlags)
			t.Logf("lighthouse %s %s: %+v", s.name, extraFlags, r)
			res[s.name] = append(res[s.name], r)
		}
	}
	return res
}

func medianLH(rs []lighthouseResult, get func(lighthouseResult) float64) float64 {
	xs := make([]float64, len(rs))
	for i, r := range rs {
		xs[i] = get(r)
	}
	m, _, _ := stats(xs)
	return m
}
