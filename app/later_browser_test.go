//go:build browser

package main

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
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
	// The tools are live: a tab opens.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#tab-builder"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the builder's tab", `document.querySelector("#tab-builder").getAttribute("aria-selected") === "true"`)
	if shift := eval[float64](t, ctx, `performance.getEntriesByType("layout-shift").reduce((s, e) => s + e.value, 0)`); shift != 0 {
		t.Errorf("layout shift %v while the page started, want 0", shift)
	}
}

// The page says it is live (#wasm-ready) in the task that mounts it, the
// one that makes the editor writable, and not in an update after: the
// same batch of changes shows both, on a first visit and on the visits
// the service worker serves.
func TestReadyWithMount(t *testing.T) {
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelT)
	const probe = `new MutationObserver(function () {
  const r = window.__batches = window.__batches || {n: 0};
  r.n++;
  const e = document.querySelector("#editor");
  if (!r.writable && e && !e.readOnly) r.writable = r.n;
  if (!r.ready && document.querySelector("#wasm-ready")) r.ready = r.n;
}).observe(document, {subtree: true, childList: true, attributes: true});`
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe}); err != nil {
		t.Fatal(err)
	}
	for visit := 1; visit <= 4; visit++ {
		if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/"), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
			t.Fatal(err)
		}
		got := eval[[]int](t, ctx, `[window.__batches.writable, window.__batches.ready]`)
		if got[0] == 0 || got[0] != got[1] {
			t.Errorf("visit %d: the editor writable in the batch of changes %d, #wasm-ready in %d; want the same", visit, got[0], got[1])
		}
	}
}

// The header and the transcript, in the first screen, are prerendered
// too: the page is usable with their stand-ins in place, and draws them
// at the first idle moments, unused, in the same places; they are live
// then. A returning user's theme is not the prerendered one: the header
// shows it from the start.
func TestFirstScreenStandIns(t *testing.T) {
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelT)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1350, 940), chromedp.Navigate(baseURL+"/web/icon.svg"),
		chromedp.Evaluate[chromedp.Void]("localStorage.clear()"), chromedp.Navigate(baseURL+"/"), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatal(err)
	}
	place := `(() => { const box = (s) => { const r = document.querySelector(s).getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)] };
  const r = document.querySelector(".transcript-pane").getBoundingClientRect(), e = document.querySelector("#editor").getBoundingClientRect();
  return [...box("header.top"), ...box(".transcript-pane"), r.x >= e.right ? 1 : 0] })()`
	before := eval[[]float64](t, ctx, place)
	waitFor(t, ctx, "the header and the transcript drawn, unused", `!document.querySelector("#later-header, #later-transcript") && document.querySelectorAll("header.top, .transcript-pane").length === 2`)
	after := eval[[]float64](t, ctx, place)
	if fmt.Sprint(before) != fmt.Sprint(after) || after[8] != 1 {
		t.Errorf("header and transcript boxes, transcript beside the editor: %v standing in or drawn, %v drawn; want the same, beside the editor", before, after)
	}
	if rows := eval[int](t, ctx, `document.querySelectorAll("#transcript .line-button").length`); rows < 2 {
		t.Fatalf("%d rows in the drawn transcript, want the example's", rows)
	}
	// Live: the second row's click selects it; the theme button switches.
	eval[bool](t, ctx, `(document.querySelectorAll("#transcript .line-button")[1].click(), true)`)
	waitFor(t, ctx, "the second row selected", `document.querySelectorAll("#transcript .line-button")[1].getAttribute("aria-current") === "true"`)
	if shift := eval[float64](t, ctx, `performance.getEntriesByType("layout-shift").reduce((s, e) => s + e.value, 0)`); shift != 0 {
		t.Errorf("layout shift %v while the header and the transcript were drawn, want 0", shift)
	}
	eval[bool](t, ctx, `(document.querySelector("#theme").click(), true)`)
	waitFor(t, ctx, "the dark theme", `document.documentElement.dataset.theme === "dark" && document.querySelector("#theme").textContent === "Light theme"`)

	// Back with the dark theme: no stand-in says "Dark theme".
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/"), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatal(err)
	}
	if !eval[bool](t, ctx, `(() => { const s = document.querySelector("#later-header > header"); return s ? s.inert && getComputedStyle(s).visibility === "hidden" : document.querySelector("#theme").textContent === "Light theme" })()`) {
		t.Error("the prerendered header, with the light theme's button, is shown to a user of the dark theme")
	}
	waitFor(t, ctx, "the header drawn with the dark theme's button", `!document.querySelector("#later-header") && document.querySelector("#theme").textContent === "Light theme"`)
}

// phoneTab opens the playground on a phone's screen, where the tools are
// far below the first screen, and waits for the WebAssembly only.
func phoneTab(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelT)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(412, 823, func(p *emulation.SetDeviceMetricsOverrideParams, _ *emulation.SetTouchEmulationEnabledParams) {
		p.Mobile = true
	}), chromedp.Navigate(baseURL+"/web/icon.svg"), chromedp.Evaluate[chromedp.Void]("localStorage.clear()"),
		chromedp.Navigate(baseURL+"/"), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// Out of view and unused, the tools are not drawn: their stand-in stays,
// however long the page waits.
func TestStandInsWaitUntilNeeded(t *testing.T) {
	ctx := phoneTab(t)
	time.Sleep(2 * time.Second) // idle moments come and go
	if n := eval[int](t, ctx, `document.querySelectorAll("#later-tools > .tools-pane:not([inert])").length`); n != 1 {
		t.Fatalf("%d shown stand-ins of the tools after 2 s out of view, want 1", n)
	}
	if !eval[bool](t, ctx, `!!document.querySelector("#wasm-ready.later")`) {
		t.Error("the page says every pane is drawn while the tools' stand-in is in place")
	}
	// Coming near the view draws them.
	eval[bool](t, ctx, `(document.querySelector("#later-tools").scrollIntoView(), true)`)
	waitFor(t, ctx, "the tools drawn once in view", `!document.querySelector("#later-tools") && document.querySelectorAll(".tools-pane").length === 1`)
}

// A click on a stand-in is not lost: it is carried over to the drawn pane,
// also when it is in the table of captures the tools' stand-in holds.
func TestStandInClickReplayed(t *testing.T) {
	ctx := phoneTab(t)
	eval[bool](t, ctx, `(document.querySelector("#later-tools #tab-builder").click(), true)`)
	waitFor(t, ctx, "the builder's tab opened by the click on its stand-in",
		`!document.querySelector("#later-tools") && document.querySelector("#tab-builder").getAttribute("aria-selected") === "true" && !!document.querySelector("#panel-builder")`)

	ctx = phoneTab(t)
	name := eval[string](t, ctx, `document.querySelector("#captures tbody button").textContent`)
	eval[bool](t, ctx, `(document.querySelector("#captures tbody button").click(), true)`)
	waitFor(t, ctx, "the capture loaded by the click on its stand-in",
		fmt.Sprintf(`!document.querySelector("#later-tools, #later-captures") && (document.querySelector("#status")?.textContent ?? "").includes(%q)`, name))
}

// A press on a stand-in that the drawn pane replaces before the button is
// released is not lost: the browser clicks nothing then, the element
// pressed being gone, and the page clicks the same control in the pane.
func TestStandInPressCarried(t *testing.T) {
	for try := 1; ; try++ {
		ctx := phoneTab(t)
		eval[bool](t, ctx, `(document.addEventListener("pointerdown", e => { window.__onStandIn = !!e.target.closest("#later-tools") }, true), true)`)
		at := eval[[]float64](t, ctx, `(() => { const b = document.querySelector("#later-tools #tab-builder"); b.scrollIntoView({block: "center"}); const r = b.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2] })()`)
		mouse := func(typ input.DispatchMouseEventType) {
			if err := chromedp.Do(ctx, chromedp.MouseEvent(typ, at[0], at[1], chromedp.ButtonLeft, chromedp.ClickCount(1))); err != nil {
				t.Fatal(err)
			}
		}
		// In view, the tools are drawn soon: while the button is held.
		mouse(input.DispatchMouseEventTypeMousePressed)
		waitFor(t, ctx, "the tools drawn under the held button", `!document.querySelector("#later-tools")`)
		mouse(input.DispatchMouseEventTypeMouseReleased)
		if !eval[bool](t, ctx, `!!window.__onStandIn`) {
			if try < 5 {
				continue // drawn before the press landed: a plain click
			}
			t.Fatal("in 5 tries, the press never landed on the stand-in before its pane was drawn")
		}
		waitFor(t, ctx, "the builder opened by the carried press", `document.querySelector("#tab-builder").getAttribute("aria-selected") === "true" && !!document.querySelector("#panel-builder")`)
		return
	}
}

// A focus from the keyboard on a stand-in draws the pane and moves to the
// same control in it.
func TestStandInFocusReplayed(t *testing.T) {
	ctx := phoneTab(t)
	eval[bool](t, ctx, `(document.querySelector("#later-tools #tab-policy").focus(), true)`)
	waitFor(t, ctx, "the drawn tab focused",
		`!document.querySelector("#later-tools") && document.activeElement?.id === "tab-policy" && document.activeElement.isConnected`)
}

// A returning user's text is not the prerendered example: the stand-in of
// the explanation only holds the room, and the explanation drawn is of
// the user's line. A change before the panes are drawn draws them at once.
func TestLaterPanesReturningUser(t *testing.T) {
	ctx := newTab(t, "/")
	saved := "CVQ 77 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS back@example.com"
	// Loaded without the link the first visit wrote into the address.
	reload := func(ready chromedp.Action[chromedp.Void]) {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`localStorage.setItem("cvq.input", JSON.stringify(%q))`, saved)),
			chromedp.Navigate(baseURL+"/"), ready); err != nil {
			t.Fatal(err)
		}
	}
	reload(chromedp.WaitReady(chromedp.CSS("#wasm-ready")))
	// The transcript's stand-in shows the example, not the saved line: it
	// is hidden from the start, or the transcript is drawn already.
	if !eval[bool](t, ctx, `(() => { const s = document.querySelector("#later-transcript > .transcript-pane"); return s ? s.inert && getComputedStyle(s).visibility === "hidden" : document.querySelector("#transcript").textContent.includes("back@example.com") })()`) {
		t.Error("the prerendered transcript is shown to a returning user whose text is another")
	}
	if err := chromedp.Do(ctx, waitDrawn()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the transcript of the saved line", `document.querySelector("#transcript").textContent.includes("back@example.com")`)
	waitFor(t, ctx, "the explanation of the saved line", `document.querySelector("#explanation .strip")?.textContent.includes("back@example.com")`)

	// Typed into at once, before the panes may be drawn.
	reload(chromedp.WaitReady(chromedp.CSS("#wasm-ready")))
	typeInto(t, ctx, "#editor", "CVQ 78 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS typed@example.com")
	waitFor(t, ctx, "the transcript of the typed line", `document.querySelector("#transcript").textContent.includes("typed@example.com")`)
	waitFor(t, ctx, "the explanation of the typed line", `document.querySelector("#explanation .strip")?.textContent.includes("typed@example.com")`)
	if err := chromedp.Do(ctx, waitDrawn()); err != nil {
		t.Fatal(err)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll(".transcript-pane, #explanation, .tools-pane, [inert], .later").length`); n != 3 {
		t.Errorf("%d transcripts, explanations, tools and stand-ins once drawn, want one transcript, explanation and tools", n)
	}
}
