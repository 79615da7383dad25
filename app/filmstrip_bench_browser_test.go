//go:build browser && bench

package main

// What a user sees during a cold start: the frames Chromium presents,
// from a trace with screenshots, compared one to the next. Once the
// prerendered page is shown, nothing should change when the WebAssembly
// takes over: the frames after first paint should all look the same,
// but for the "Starting the engine…" badge going. The window is as tall
// as the page: the panes under the first screen are in the frames too.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

func TestFilmstrip(t *testing.T) {
	srv := httptest.NewServer(siteHandler(siteDir))
	defer srv.Close()
	project := benchSite{"playground", srv.URL + "/", playgroundReady}
	out := filepath.Join("..", "build", "filmstrip")
	os.RemoveAll(out)
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for run := 0; run < envInt("CVQ_FILMSTRIP_RUNS", 3); run++ {
		ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
			t.Fatal(err)
		}
		// A window as tall as the page, so that the panes under the
		// first screen are in the frames too.
		if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 2600, DeviceScaleFactor: 1}); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
			TransferMode: tracing.StartTransferModeReturnAsStream,
			TraceConfig:  &tracing.TraceConfig{IncludedCategories: []string{"disabled-by-default-devtools.screenshot", "blink.user_timing"}},
		}); err != nil {
			t.Fatal(err)
		}
		r := measureLoad(t, ctx, project, true)
		data := endTrace(t, ctx)
		cancel()
		var trace struct {
			TraceEvents []traceEvent `json:"traceEvents"`
		}
		if err := json.Unmarshal(data, &trace); err != nil {
			t.Fatal(err)
		}
		var origin float64
		for _, e := range trace.TraceEvents {
			if e.Name == "cvq-main" {
				origin = e.Ts - r.Marks[0]*1000
			}
		}
		var prev image.Image
		changes := 0
		for _, e := range trace.TraceEvents {
			if e.Name != "Screenshot" {
				continue
			}
			var args struct {
				Snapshot string `json:"snapshot"`
			}
			json.Unmarshal(e.Args, &args)
			raw, err := base64.StdEncoding.DecodeString(args.Snapshot)
			if err != nil {
				continue
			}
			img, err := jpeg.Decode(bytes.NewReader(raw))
			if err != nil {
				continue
			}
			at := (e.Ts - origin) / 1000
			diff := 0.0
			if prev != nil {
				diff = differs(prev, img)
			}
			name := fmt.Sprintf("run%d-%05.0fms.png", run, at)
			var frame bytes.Buffer
			png.Encode(&frame, img)
			os.WriteFile(filepath.Join(out, name), frame.Bytes(), 0o644)
			if prev != nil && diff > 0.00002 {
				changes++
				fmt.Printf("filmstrip run %d: frame at %.0f ms differs from the one before in %.3f%% of its pixels (%s)\n", run, at, diff*100, name)
			}
			prev = img
		}
		fmt.Printf("filmstrip run %d: usable at %.0f ms, CLS %.4f, %d changed frames after the first\n", run, r.Ready, r.CLS, changes)
	}
}

// differs is the share of pixels that differ visibly between a and b.
func differs(a, b image.Image) float64 {
	ra, rb := a.Bounds(), b.Bounds()
	if ra != rb {
		return 1
	}
	n, d := 0, 0
	for y := ra.Min.Y; y < ra.Max.Y; y += 2 {
		for x := ra.Min.X; x < ra.Max.X; x += 2 {
			r1, g1, b1, _ := a.At(x, y).RGBA()
			r2, g2, b2, _ := b.At(x, y).RGBA()
			if absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2) > 3*24*256 {
				d++
			}
			n++
		}
	}
	return float64(d) / float64(n)
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
