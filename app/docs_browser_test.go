//go:build browser

package main

// embed.js on documentation pages, in headless Chromium: the pages come
// from one origin, the playground (embed.js, the engine frame, engine.wasm)
// from another, as on a real documentation site.

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"cvq-playground/app/docs"
)

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
	// The section written as the wikis write: its five transcripts found
	// (none marked), the syntax block and USR's left alone, each
	// documented answer checked, the wrong one differing.
	const asWritten = `[...document.querySelectorAll("#as-written ~ pre, #as-written ~ div > pre")].map(p => {
  const next = (p.parentElement.matches("div.highlight") ? p.parentElement : p).nextElementSibling;
  return next && next.matches(".cvq-example") ? next.dataset.cvqCheck || "?" : "-";
}).join(" ")`
	if got := eval[string](t, ctx, asWritten); got != "- ? ? ? - ? ?" {
		t.Errorf("the wiki-written blocks: %q, want syntax and USR left alone, the rest found", got)
	}
	detected := eval[int](t, ctx, `document.querySelectorAll(".cvq-example").length`) - n
	if detected != 5 {
		t.Errorf("%d transcripts found besides the marked examples, want the 5 written as wikis write them", detected)
	}
	n += detected
	scrollUntilAnswered(t, ctx, n)
	if got := eval[string](t, ctx, asWritten); got != "- match differ match - match match" {
		t.Errorf("the wiki-written blocks' checks: %q", got)
	}
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
	// The wiki-written section: as the page is, on a dark page, and in a
	// docs theme's own colours, fonts and corners.
	viewShot(t, ctx, "embed-demo-as-written", "document.querySelector('#as-written')")
	viewShot(t, ctx, "embed-demo-as-written-2", "document.querySelectorAll('#as-written ~ pre')[2]")
	eval[bool](t, ctx, `(s => { s.colorScheme = "dark"; document.body.style.background = "#121417"; document.body.style.color = "#dde1e6"; return true })(document.documentElement.style)`)
	waitFor(t, ctx, "the views follow the dark page", fmt.Sprintf(`[...document.querySelectorAll(".cvq-example")].filter(h => h.shadowRoot.querySelector(".v.dark")).length === %d`, n))
	viewShot(t, ctx, "embed-demo-as-written-dark", "document.querySelectorAll('#as-written ~ pre')[2]")
	eval[bool](t, ctx, `(() => {
  document.documentElement.style.colorScheme = ""; document.body.style.background = ""; document.body.style.color = "";
  const s = document.createElement("style");
  s.textContent = ".cvq-example { --cvq-bg: #fbf7f0; --cvq-head-bg: #efe6d6; --cvq-border: #d9c9ae; --cvq-accent: #8a3b12; --cvq-font-mono: 'DejaVu Sans Mono', monospace; --cvq-font-ui: Georgia, serif; --cvq-radius: 2px } .cvq-example::part(view) { box-shadow: 0 1px 3px rgba(0,0,0,.15) }";
  document.head.appendChild(s); return true })()`)
	waitFor(t, ctx, "the views light again", `[...document.querySelectorAll(".cvq-example")].filter(h => h.shadowRoot.querySelector(".v.dark")).length === 1`)
	viewShot(t, ctx, "embed-demo-as-written-themed", "document.querySelectorAll('#as-written ~ pre')[2]")
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
