//go:build browser

package main

// The two origins of the documentation tests (a documentation site, and
// the playground serving embed.js, the engine frame and engine.wasm), and
// what the tests read from the pages they open.

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cvq-playground/app/docs"
)

var (
	docsOnce   sync.Once
	engineURL  string   // the playground's origin, counting its requests
	docsURL    string   // the documentation site's origin
	docsPages  sync.Map // path → HTML served by docsURL
	engineHits sync.Map // path → *atomic.Int64
)

// docsServers starts the two origins once. The playground's also serves
// /evil.html, a page of its own origin that is not the engine frame and
// sends forged answers to whatever frames it.
func docsServers(t *testing.T) {
	t.Helper()
	docsOnce.Do(func() {
		site := siteHandler(siteDir)
		eng := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n, _ := engineHits.LoadOrStore(r.URL.Path, new(atomic.Int64))
			n.(*atomic.Int64).Add(1)
			if r.URL.Path == "/evil.html" {
				w.Header().Set("Content-Type", "text/html")
				fmt.Fprint(w, `<script>
for (let id = 0; id < 200; id++) parent.postMessage({type: "cvq-engine:result", result: JSON.stringify({id, policy: "evil", rows: [{line: 1, client: "forged", reply: "FORGED", status: "ok"}]})}, "*");
parent.postMessage({type: "cvq-engine:ready", css: "*{display:none!important}"}, "*");
</script>`)
				return
			}
			site.ServeHTTP(w, r)
		}))
		engineURL = eng.URL
		doc := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			page, ok := docsPages.Load(r.URL.Path)
			if !ok {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			if strings.HasPrefix(r.URL.Path, "/csp/") {
				// A strict documentation site: no inline script or style.
				w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self' "+engineURL+"; style-src 'self'; frame-src "+engineURL)
			}
			fmt.Fprint(w, page)
		}))
		docsURL = doc.URL
		// The servers live as long as the test binary.
	})
}

func hits(path string) int64 {
	if n, ok := engineHits.Load(path); ok {
		return n.(*atomic.Int64).Load()
	}
	return 0
}

// openDocs serves page at path on the documentation origin and opens it.
func openDocs(t *testing.T, path, page string) context.Context {
	t.Helper()
	docsServers(t)
	docsPages.Store(path, page)
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelT)
	if err := chromedp.Do(ctx, chromedp.Navigate(docsURL+path)); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// scrollUntilAnswered brings the first example not answered yet into view
// until the page's n examples answered. (Scrolling a screen at a time by
// the clock could pass the first example before a starved renderer first
// computed what is in view.)
func scrollUntilAnswered(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		st := eval[[]string](t, ctx, `(() => {
  const hosts = [...document.querySelectorAll(".cvq-example")];
  const waiting = hosts.find(h => h.dataset.cvqState !== "answered");
  if (waiting) waiting.scrollIntoView({block: "center"});
  return hosts.map(h => h.dataset.cvqState || "");
})()`)
		answered := 0
		for _, s := range st {
			if s == "answered" {
				answered++
			}
		}
		if len(st) == n && answered == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after scrolling: %d examples, states %v; want %d answered", len(st), st, n)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// serverTexts returns each example's server lines as shown: per row, its
// "S: …" text or "".
const serverTextsJS = `[...document.querySelectorAll(".cvq-example")].map(h => [...h.shadowRoot.querySelectorAll(".x")].map(li => li.querySelector(".s") ? li.querySelector(".s").textContent : ""))`

func wantTexts(res docs.Result) []string {
	out := []string{}
	for _, r := range res.Rows {
		if r.Reply != "" {
			out = append(out, "S: "+r.Reply)
		} else {
			out = append(out, "")
		}
	}
	return out
}

// engineURLOr starts the servers and returns the playground's origin.
func engineURLOr(t *testing.T) string {
	docsServers(t)
	return engineURL
}

// mutationsJS counts, per example, the changes in its shadow root from now on.
const mutationsJS = `(() => {
  window.cvqMutations = [...document.querySelectorAll(".cvq-example")].map(() => 0);
  document.querySelectorAll(".cvq-example").forEach((h, i) => new MutationObserver(m => { window.cvqMutations[i] += m.length; })
    .observe(h.shadowRoot, {subtree: true, childList: true, characterData: true, attributes: true}));
  return true;
})()`

// viewShot scrolls the element that js finds to the top and saves the
// viewport.
func viewShot(t *testing.T, ctx context.Context, name, js string) {
	t.Helper()
	eval[bool](t, ctx, "("+js+").scrollIntoView(), window.scrollBy(0, -60), true")
	time.Sleep(200 * time.Millisecond)
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(shotsDir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
