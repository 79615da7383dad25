//go:build browser

package main

// embed.js on documentation pages, in headless Chromium: the pages come
// from one origin, the playground (embed.js, the engine frame, engine.wasm)
// from another, as on a real documentation site.

import (
	"context"
	"encoding/json"
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

// scrollUntilAnswered scrolls down a screen at a time until the page's n
// examples answered.
func scrollUntilAnswered(t *testing.T, ctx context.Context, n int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		st := eval[[]string](t, ctx, `window.scrollBy(0, innerHeight * 0.8), [...document.querySelectorAll(".cvq-example")].map(h => h.dataset.cvqState || "")`)
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

func TestDocsPageOneEngine(t *testing.T) {
	const n = 24
	page := strings.Replace(docsPage(n, "", "", false), "</main>", `</main><script>document.documentElement.dataset.globals = JSON.stringify(Object.getOwnPropertyNames(window))</script>`, 1)
	page = strings.Replace(page, "</body>", `<script src="`+engineURLOr(t)+`/web/embed.js" data-cvq-base="`+engineURL+`/" defer></script></body>`, 1)
	wasmBefore, frameBefore := hits("/web/engine.wasm"), hits("/web/engine.html")
	ctx := openDocs(t, "/one-engine.html", page)
	// Nothing starts before an example nears the viewport: the first is in it.
	scrollUntilAnswered(t, ctx, n)
	got := eval[[][]string](t, ctx, serverTextsJS)
	for i := 0; i < n; i++ {
		ex := examples[i%len(examples)]
		want := wantTexts(docs.Answer(docs.Request{Policy: ex.Policy, Input: strings.TrimRight(ex.Input, "\n")}))
		if fmt.Sprint(got[i]) != fmt.Sprint(want) {
			t.Errorf("example %d (%s, %s): server lines %q, want %q", i+1, ex.Title, map[bool]string{true: "pre", false: "fence"}[i%2 == 0], got[i], want)
		}
	}
	if live := eval[int](t, ctx, `[...document.querySelectorAll(".cvq-example")].filter(h => h.shadowRoot.querySelector("button.c")).length`); live != n {
		t.Errorf("%d of %d examples drawn live", live, n)
	}
	if w, f := hits("/web/engine.wasm")-wasmBefore, hits("/web/engine.html")-frameBefore; w != 1 || f != 1 {
		t.Errorf("engine.wasm fetched %d times, engine.html %d times for one page, want 1 and 1", w, f)
	}
	if frames := eval[int](t, ctx, `document.querySelectorAll("iframe").length`); frames != 1 {
		t.Errorf("%d frames on the page, want the one engine frame", frames)
	}
	// embed.js leaves no name behind on the host page.
	after := eval[[]string](t, ctx, `Object.getOwnPropertyNames(window)`)
	var before []string
	json.Unmarshal([]byte(eval[string](t, ctx, `document.documentElement.dataset.globals`)), &before)
	had := map[string]bool{}
	for _, name := range before {
		had[name] = true
	}
	for _, name := range after {
		if !had[name] && strings.Trim(name, "0123456789") != "" { // window[0] is the engine frame itself
			t.Errorf("window.%s appeared with embed.js", name)
		}
	}
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

func TestDocsEditRecomputesOneExample(t *testing.T) {
	page := docsPage(6, engineURLOr(t)+"/web/embed.js", engineURL+"/", false)
	ctx := openDocs(t, "/edit.html", page)
	scrollUntilAnswered(t, ctx, 6)
	eval[bool](t, ctx, mutationsJS)
	// Example 4 is a fence: edit its lines as a reader does.
	eval[bool](t, ctx, `(() => { const r = document.querySelectorAll(".cvq-example")[3].shadowRoot; [...r.querySelectorAll(".ft button")].find(b => b.textContent === "Edit lines").click(); return true })()`)
	if v := eval[string](t, ctx, `document.querySelectorAll(".cvq-example")[3].shadowRoot.querySelector("textarea").value`); v != strings.TrimRight(examples[3].Input, "\n") {
		t.Errorf("the editor holds %q, want the example's lines without the option line", v)
	}
	if d := eval[string](t, ctx, `getComputedStyle(document.querySelectorAll(".highlight")[1]).display`); d != "none" {
		t.Errorf("the fence stays shown (%s) while its lines are edited below", d)
	}
	eval[bool](t, ctx, `(() => { const a = document.querySelectorAll(".cvq-example")[3].shadowRoot.querySelector("textarea"); a.focus(); document.execCommand("selectAll"); document.execCommand("insertText", false, "CVQ 9 0x0409 winnt 5.1 i386 MSNMSGR 6.2.0205 MSMSGS"); return true })()`)
	want := "S: " + docs.Answer(docs.Request{Policy: examples[3].Policy, Input: "CVQ 9 0x0409 winnt 5.1 i386 MSNMSGR 6.2.0205 MSMSGS"}).Rows[0].Reply
	waitFor(t, ctx, "the edited example's new answer", fmt.Sprintf(`(document.querySelectorAll(".cvq-example")[3].shadowRoot.querySelector(".s") || {}).textContent === %q`, want))
	time.Sleep(400 * time.Millisecond)
	muts := eval[[]int](t, ctx, `window.cvqMutations`)
	for i, m := range muts {
		if i != 3 && m != 0 {
			t.Errorf("example %d changed (%d mutations) when example 4 was edited", i+1, m)
		}
	}
	if muts[3] == 0 {
		t.Error("example 4 did not change")
	}
	if s := eval[string](t, ctx, `document.querySelectorAll(".cvq-example")[3].shadowRoot.querySelector(".sr").textContent`); !strings.Contains(s, want) {
		t.Errorf("the live region says %q, want the new answer", s)
	}

	// Its link opens the playground in the same state, with a line chosen.
	eval[bool](t, ctx, `(document.querySelectorAll(".cvq-example")[3].shadowRoot.querySelector("button.c").click(), true)`)
	waitFor(t, ctx, "the line's explanation", `(document.querySelectorAll(".cvq-example")[3].shadowRoot.querySelector(".ex .exh") || {}).textContent === "Line 1 explained"`)
	href := eval[string](t, ctx, `document.querySelectorAll(".cvq-example")[3].shadowRoot.querySelector("a.open").href`)
	if !strings.HasPrefix(href, engineURL+"/#policy=") {
		t.Fatalf("Open in playground: %q", href)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(href), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatal(err)
	}
	if v := eval[string](t, ctx, `document.querySelector("#editor").value`); v != "CVQ 9 0x0409 winnt 5.1 i386 MSNMSGR 6.2.0205 MSMSGS" {
		t.Errorf("the playground opened with %q", v)
	}
	if v := eval[string](t, ctx, `document.querySelector("#preset").value`); v != examples[3].Policy {
		t.Errorf("the playground opened with preset %q, want %q", v, examples[3].Policy)
	}
	waitFor(t, ctx, "line 1 explained in the playground", `document.querySelector("#explanation .hint").textContent.startsWith("line 1 ")`)
}

func TestDocsHostileExamples(t *testing.T) {
	big := strings.Repeat("CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS <b>x</b>\n", 1<<20/60)
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>hostile</title></head><body><main><h1>Hostile examples</h1>
<pre data-cvq>CVQ 1 0x0409 win 4.10 i386 &lt;img src=x onerror="window.pwned=1"&gt; 1.0.0863 MSMSGS
&lt;script&gt;window.pwned=2&lt;/script&gt;</pre>
<pre><code class="language-cvq"># policy: &lt;img src=x onerror="window.pwned=3"&gt;
CVQ 2 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS</code></pre>
<pre data-cvq data-policy="msnp-wiki">CVQ 3 0x0409` + "\x01\x02\x7f\u0085\u2028" + ` win &#0; &#xd800; 4.10 i386 MSMSGS 1.0.0863 MSMSGS</pre>
<pre data-cvq>` + big + `</pre>
</main><script src="` + engineURLOr(t) + `/web/embed.js" data-cvq-base="` + engineURL + `/" defer></script></body></html>`
	ctx := openDocs(t, "/hostile.html", page)
	deadline := time.Now().Add(30 * time.Second)
	for {
		st := eval[[]string](t, ctx, `window.scrollBy(0, innerHeight), [...document.querySelectorAll(".cvq-example")].map(h => h.dataset.cvqState || "")`)
		if fmt.Sprint(st) == "[answered error answered answered]" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("states %v, want [answered error answered answered]", st)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if p := eval[any](t, ctx, `window.pwned`); p != nil {
		t.Errorf("an example's markup ran: window.pwned = %v", p)
	}
	if n := eval[int](t, ctx, `[...document.querySelectorAll(".cvq-example")].reduce((n, h) => n + h.shadowRoot.querySelectorAll("img, script, b").length, 0)`); n != 0 {
		t.Errorf("%d elements made from example text", n)
	}
	if s := eval[string](t, ctx, `document.querySelectorAll(".cvq-example")[0].shadowRoot.querySelector(".c").textContent`); !strings.Contains(s, `<img src=x onerror="window.pwned=1">`) {
		t.Errorf("the markup is not shown as text: %q", s)
	}
	if s := eval[string](t, ctx, `document.querySelectorAll(".cvq-example")[1].shadowRoot.querySelector(".msg").textContent`); !strings.Contains(s, "<img src=x") {
		t.Errorf("the unknown policy is not said as text: %q", s)
	}
	if s := eval[string](t, ctx, `document.querySelectorAll(".cvq-example")[3].shadowRoot.querySelector(".more").textContent`); !strings.Contains(s, "more client lines not shown") {
		t.Errorf("the 1 MB example: %q", s)
	}
}

func TestDocsForeignMessagesChangeNothing(t *testing.T) {
	page := docsPage(3, engineURLOr(t)+"/web/embed.js", engineURL+"/", false)
	ctx := openDocs(t, "/foreign.html", page)
	scrollUntilAnswered(t, ctx, 3)
	before := eval[[][]string](t, ctx, serverTextsJS)
	eval[bool](t, ctx, mutationsJS)
	// Forged answers and style from the page's own origin, and from a page
	// of the playground's origin that is not the engine frame.
	eval[bool](t, ctx, `(() => {
  for (let id = 0; id < 200; id++) window.postMessage({type: "cvq-engine:result", result: JSON.stringify({id, policy: "evil", rows: [{line: 1, client: "forged", reply: "FORGED", status: "ok"}]})}, "*");
  const f = document.createElement("iframe"); f.id = "intruder"; f.src = `+fmt.Sprintf("%q", engineURL+"/evil.html")+`; document.body.appendChild(f);
  return true })()`)
	waitFor(t, ctx, "the intruder loaded", `document.querySelector("#intruder").contentWindow !== null`)
	time.Sleep(700 * time.Millisecond)
	if after := eval[[][]string](t, ctx, serverTextsJS); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("answers changed after foreign messages: %q → %q", before, after)
	}
	if m := eval[[]int](t, ctx, `window.cvqMutations`); fmt.Sprint(m) != "[0 0 0]" {
		t.Errorf("views changed after foreign messages: %v mutations", m)
	}
	if hits("/evil.html") == 0 {
		t.Error("the intruder page was not loaded")
	}
}

// TestDocsRenderedPage: a page written by the render command shows the
// answers before the engine runs; embed.js makes each view live in place,
// at the same height.
func TestDocsRenderedPage(t *testing.T) {
	// The first example explains its line 1: the explanation is part of the
	// rendered view too.
	src := strings.Replace(docsPage(8, engineURLOr(t)+"/web/embed.js", engineURL+"/", false), "<pre data-cvq ", `<pre data-cvq data-sel="1" `, 1)
	var out strings.Builder
	if err := docs.Render(&out, strings.NewReader(src), docs.RenderOptions{Policy: "msnp-wiki", BaseURL: engineURL + "/"}); err != nil {
		t.Fatal(err)
	}
	// Block the engine: the rendered answers alone.
	static := strings.Replace(out.String(), `<script src="`+engineURL+`/web/embed.js"`, `<script src="/nowhere.js"`, 1)
	ctx := openDocs(t, "/rendered-static.html", static)
	waitFor(t, ctx, "the rendered views", `document.querySelectorAll(".cvq-example").length === 8 && [...document.querySelectorAll(".cvq-example")].every(h => h.shadowRoot && h.shadowRoot.querySelector(".s"))`)
	staticTexts := eval[[][]string](t, ctx, serverTextsJS)
	staticHeights := eval[[]float64](t, ctx, `[...document.querySelectorAll(".cvq-example")].map(h => h.getBoundingClientRect().height)`)
	viewShot(t, ctx, "docs-rendered-static", "document.querySelector('h1')")

	ctx = openDocs(t, "/rendered.html", out.String())
	scrollUntilAnswered(t, ctx, 8)
	if n := eval[int](t, ctx, `[...document.querySelectorAll(".cvq-example")].filter(h => h.shadowRoot.querySelectorAll(".v").length === 1 && h.shadowRoot.querySelector("button.c")).length`); n != 8 {
		t.Errorf("%d of 8 rendered views made live in place", n)
	}
	if n := eval[int](t, ctx, `document.querySelector(".cvq-example").shadowRoot.querySelectorAll(".ex tr").length`); n < 5 {
		t.Errorf("the live view of data-sel=1 explains %d fields", n)
	}
	if live := eval[[][]string](t, ctx, serverTextsJS); fmt.Sprint(live) != fmt.Sprint(staticTexts) {
		t.Errorf("live answers %q differ from the rendered ones %q", live, staticTexts)
	}
	liveHeights := eval[[]float64](t, ctx, `[...document.querySelectorAll(".cvq-example")].map(h => h.getBoundingClientRect().height)`)
	if fmt.Sprint(liveHeights) != fmt.Sprint(staticHeights) {
		t.Errorf("heights changed when the views went live: %v → %v", staticHeights, liveHeights)
	}
}

func TestDocsDemoPage(t *testing.T) {
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/web/embed-demo.html")); err != nil {
		t.Fatal(err)
	}
	n := eval[int](t, ctx, `document.querySelectorAll("pre[data-cvq], pre > code.language-cvq").length`)
	if n < 26 {
		t.Fatalf("the demo page has %d examples, want the wiki's 6 and 20 more", n)
	}
	if pending := eval[int](t, ctx, `document.querySelectorAll('.cvq-example[data-cvq-state="answered"]').length`); pending == n {
		t.Errorf("all %d examples answered before scrolling: they should wait until they near the viewport", n)
	}
	scrollUntilAnswered(t, ctx, n)
	want := vectorReplies(t)
	got := eval[[][]string](t, ctx, serverTextsJS)
	for i := 0; i < 6; i++ {
		if len(got[i]) != 1 || got[i][0] != want[i][0] {
			t.Errorf("wiki example %d answers %q, want %q", i+1, got[i], want[i][0])
		}
	}
	if d := eval[int](t, ctx, `[...document.querySelectorAll(".cvq-example")].filter(h => h.shadowRoot.querySelector(".v.dark")).length`); d != 1 {
		t.Errorf("%d examples in the dark theme, want 1", d)
	}
	if e := eval[int](t, ctx, `[...document.querySelectorAll(".cvq-example")].filter(h => h.shadowRoot.querySelector('button.c[aria-expanded="true"]')).length`); e != 1 {
		t.Errorf("%d examples explain a line from data-sel, want 1", e)
	}
	// The top, the example with a line explained, the dark one; at phone
	// width, the top and the dark one.
	spots := []string{"document.querySelector('h1')", "document.querySelector('#cvr')", "document.querySelectorAll('.cvq-example')[16]"}
	for i, spot := range spots {
		viewShot(t, ctx, fmt.Sprintf("embed-demo-%d", i+1), spot)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if w := eval[float64](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the demo page scrolls sideways at phone width: %v px", w)
	}
	viewShot(t, ctx, "embed-demo-phone-1", spots[0])
	viewShot(t, ctx, "embed-demo-phone-2", spots[2])
}

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

// TestDocsStrictHostCSP: on a page whose CSP refuses inline styles, the
// views are still styled (a constructed style sheet) and answered.
func TestDocsStrictHostCSP(t *testing.T) {
	page := docsPage(3, engineURLOr(t)+"/web/embed.js", engineURL+"/", false)
	ctx := openDocs(t, "/csp/strict.html", page)
	scrollUntilAnswered(t, ctx, 3)
	if r := eval[string](t, ctx, `getComputedStyle(document.querySelector(".cvq-example").shadowRoot.querySelector(".v")).borderTopLeftRadius`); r != "8px" {
		t.Errorf("a view under a strict CSP has border radius %q: unstyled", r)
	}
	if n := eval[int](t, ctx, `document.querySelector(".cvq-example").shadowRoot.querySelectorAll("style").length`); n != 0 {
		t.Errorf("%d refused <style> elements left in the view", n)
	}
}
