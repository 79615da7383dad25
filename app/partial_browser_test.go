//go:build browser

package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pausedPage serves the site with its page sent in two parts, the first
// ending with the start tag of the element whose id is id, or with the
// skip-th tag after it (start or end), the second pause later: the browser draws the page it has
// parsed so far, as it may when the parser pauses there.
func pausedPage(t *testing.T, id string, skip int, pause time.Duration) *httptest.Server {
	t.Helper()
	site := siteHandler(siteDir)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			site.ServeHTTP(w, r)
			return
		}
		plain := r.Clone(r.Context())
		plain.Header.Del("Accept-Encoding")
		rec := httptest.NewRecorder()
		site.ServeHTTP(rec, plain)
		body := rec.Body.Bytes()
		for k, v := range rec.Header() {
			if k != "Content-Length" {
				w.Header()[k] = v
			}
		}
		w.WriteHeader(rec.Code)
		// The service worker's copy, or a revalidation, comes whole.
		at := bytes.Index(body, []byte(`id="`+id+`"`))
		for n := 0; at >= 0 && n <= skip; n++ {
			end := bytes.IndexByte(body[at:], '>')
			if end < 0 {
				at = -1
				break
			}
			at += end + 1
		}
		if at < 0 {
			w.Write(body)
			return
		}
		w.Write(body[:at])
		w.(http.Flusher).Flush()
		select {
		case <-time.After(pause):
		case <-r.Context().Done():
			return
		}
		w.Write(body[at:])
	}))
	t.Cleanup(srv.Close)
	return srv
}

// partialProbe records the layout shifts, and whether the header, the
// panes and the loader's badge are shown once the page is parsed.
const partialProbe = `(() => {
  const R = window.__partial = {shifts: [], shown: null};
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) R.shifts.push(e.value.toFixed(5) + " " + e.sources.map((s) => s.node ? (s.node.id || s.node.className || s.node.nodeName) : "(gone)").join(", "));
  }).observe({type: "layout-shift", buffered: true});
  document.addEventListener("DOMContentLoaded", () => {
    R.shown = [...document.querySelectorAll("header.top, .pane, .pane-head, #app-wasm-loader")].map((e) => (e.id || e.className) + ":" + getComputedStyle(e).visibility);
  });
})()`

// A page drawn before it is all parsed grows as the rest comes, but
// nothing drawn moves: no layout shift when the parser pauses in the
// header's buttons, in a pane's title row, in the loader's badge (each
// moved by 0.0001–0.009 on a phone's screen before they were held back)
// or in the explanation's table beside the first screen of a wide window
// (0.001–0.007). Once parsed, all of them are shown, and still are once
// the WebAssembly has put its panes in their place.
func TestPartialPageShiftsNothing(t *testing.T) {
	for _, c := range []struct {
		name, id string
		skip     int // tags after the element's start tag
		w, h     int64
	}{
		{"header", "help-button", 0, 412, 823},
		{"pane title", "copy-transcript", 0, 412, 823},
		{"badge", "app-wasm-loader-label", 0, 412, 823},
		{"table", "request-fields", 30, 1400, 1000},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := pausedPage(t, c.id, c.skip, 600*time.Millisecond)
			ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
			defer cancel()
			ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
			defer cancelT()
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: partialProbe}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(c.w, c.h, func(p *emulation.SetDeviceMetricsOverrideParams, _ *emulation.SetTouchEmulationEnabledParams) {
				p.Mobile = c.w < 600
			}), chromedp.Navigate(srv.URL+"/"), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
				t.Fatal(err)
			}
			// The test means something only if a frame was drawn while the
			// page was half sent.
			if !eval[bool](t, ctx, `performance.getEntriesByName("first-paint")[0].startTime < performance.getEntriesByType("navigation")[0].responseEnd`) {
				t.Fatal("no frame was drawn while the page was half sent")
			}
			for _, s := range eval[[]string](t, ctx, `window.__partial.shown`) {
				if !strings.HasSuffix(s, ":visible") {
					t.Errorf("once parsed, %s", s)
				}
			}
			time.Sleep(time.Second) // the first render, and the frames after it
			if shifts := eval[[]string](t, ctx, `window.__partial.shifts`); len(shifts) > 0 {
				t.Errorf("layout shifts: %q", shifts)
			}
			if err := chromedp.Do(ctx, waitDrawn()); err != nil {
				t.Fatal(err)
			}
			if hidden := eval[[]string](t, ctx, `[...document.querySelectorAll("header.top, .pane, .pane-head")].filter((e) => getComputedStyle(e).visibility !== "visible").map((e) => e.id || e.className)`); len(hidden) > 0 {
				t.Errorf("drawn by the WebAssembly, not shown: %q", hidden)
			}
		})
	}
}
