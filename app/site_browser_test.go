//go:build browser

package main

// The site: the static export and the service worker.

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

func TestStaticExportUnderPrefix(t *testing.T) {
	out := t.TempDir()
	site := siteConfig()
	site.Dir = siteDir
	if err := site.WriteStatic(out, "/cvq/"); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/cvq/", http.StripPrefix("/cvq", http.FileServer(http.Dir(out))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/cvq/"), waitDrawn()); err != nil {
		t.Fatalf("static site under /cvq/: %v", err)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#transcript .sline").length`); n != 6 {
		t.Errorf("%d answers, want 6", n)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/cvq/embed.html#in=CVQ%206%20spaghetti"), waitDrawn()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the embed answers", `document.querySelector("#transcript .sline")?.textContent === "S: 731 6"`)
	if href := eval[string](t, ctx, `document.querySelector("#open-playground").href`); !strings.HasPrefix(href, srv.URL+"/cvq/#") {
		t.Errorf("Open in playground = %s", href)
	}
	if csp := eval[string](t, ctx, `document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? ""`); !strings.Contains(csp, "wasm-unsafe-eval") {
		t.Errorf("static page CSP meta %q", csp)
	}
}

// waitPrecached waits until the page's service worker controls it and
// has cached app.wasm.
func waitPrecached(t *testing.T, ctx context.Context) {
	t.Helper()
	const js = `(async () => {
  if (!navigator.serviceWorker.controller) return false;
  for (const k of await caches.keys()) {
    if (await (await caches.open(k)).match("/web/app.wasm")) return true;
  }
  return false;
})()`
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the service worker did not cache the site within 30 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// The service worker caches the site, so that
// the next visit starts from the cache (and works offline).
func TestServiceWorkerCaches(t *testing.T) {
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/"), waitDrawn()); err != nil {
		t.Fatal(err)
	}
	waitPrecached(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Reload(), waitDrawn()); err != nil {
		t.Fatal(err)
	}
	served := eval[bool](t, ctx, `performance.getEntriesByType("resource").some(r => r.name.endsWith("/web/app.wasm") && r.workerStart > 0)`)
	if !served {
		t.Error("after the reload, app.wasm did not come through the service worker")
	}
}
