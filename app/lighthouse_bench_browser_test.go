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
}

func runLighthouse(t *testing.T, cli, url string) lighthouseResult {
	t.Helper()
	out := filepath.Join(t.TempDir(), "report.json")
	cmd := exec.Command("node", cli, url, "--only-categories=performance", "--output=json", "--output-path="+out, "--quiet",
		"--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync")
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
	// The element is a few levels down in the details: the first node's
	// selector there.
	var details any
	json.Unmarshal(rep.Audits["largest-contentful-paint-element"].Details, &details)
	r.LCPNode = findSelector(details)
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

// lighthouseAll runs Lighthouse n times on each site, in turn.
func lighthouseAll(t *testing.T, sites []benchSite, n int) map[string][]lighthouseResult {
	cli := os.Getenv("CVQ_LIGHTHOUSE")
	if cli == "" {
		t.Fatal("CVQ_LIGHTHOUSE is not set: run ./build.sh bench, which installs Lighthouse")
	}
	res := map[string][]lighthouseResult{}
	for i := 0; i < n; i++ {
		for _, s := range sites {
			r := runLighthouse(t, cli, s.url)
			t.Logf("lighthouse %s: %+v", s.name, r)
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
