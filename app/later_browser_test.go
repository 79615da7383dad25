//go:build browser

package main

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// The panes under the editor are drawn after the page is usable; until
// then the prerendered ones stand in for them. Once drawn, each pane is
// in the page once, live, and no stand-in is left.
func TestLaterPanesDrawn(t *testing.T) {
	ctx := newTab(t, "/")
	counts := eval[[]int](t, ctx, `["#explanation", ".tools-pane", ".later", "[inert]", "#captures", "#captures-summary"].map(s => document.querySelectorAll(s).length)`)
	if fmt.Sprint(counts) != "[1 1 0 0 1 1]" {
		t.Errorf("explanation, tools, stand-in slots, inert stand-ins, captures table, its summary: %v, want [1 1 0 0 1 1]", counts)
	}
	// Laid out as any other pane once the engine runs.
	if cv := eval[string](t, ctx, `getComputedStyle(document.querySelector(".tools-pane")).contentVisibility`); cv != "visible" {
		t.Errorf("the tools' content-visibility is %q once the page is drawn, want visible", cv)
	}
	// The tools are live: a tab opens.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#tab-builder"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the builder's tab", `document.querySelector("#tab-builder").getAttribute("aria-selected") === "true"`)
	if shift := eval[float64](t, ctx, `performance.getEntriesByType("layout-shift").reduce((s, e) => s + e.value, 0)`); shift != 0 {
		t.Errorf("layout shift %v while the page started, want 0", shift)
	}
}

// A returning user's text is not the prerendered example: the stand-ins
// only hold the room, and the explanation drawn is of the user's line.
// A change before the panes are drawn draws them at once.
func TestLaterPanesReturningUser(t *testing.T) {
	ctx := newTab(t, "/")
	saved := "CVQ 77 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS back@example.com"
	// Loaded without the link the first visit wrote into the address.
	reload := func(ready string) {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`localStorage.setItem("cvq.input", JSON.stringify(%q))`, saved)),
			chromedp.Navigate(baseURL+"/"), chromedp.WaitReady(chromedp.CSS(ready))); err != nil {
			t.Fatal(err)
		}
	}
	reload(pageDrawn)
	waitFor(t, ctx, "the explanation of the saved line", `document.querySelector("#explanation .strip")?.textContent.includes("back@example.com")`)

	// Typed into at once, before the panes may be drawn.
	reload("#wasm-ready")
	typeInto(t, ctx, "#editor", "CVQ 78 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS typed@example.com")
	waitFor(t, ctx, "the explanation of the typed line", `document.querySelector("#explanation .strip")?.textContent.includes("typed@example.com")`)
	if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS(pageDrawn))); err != nil {
		t.Fatal(err)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#explanation, .tools-pane, [inert], .later").length`); n != 2 {
		t.Errorf("%d explanations, tools and stand-ins once drawn, want the explanation and the tools", n)
	}
}
