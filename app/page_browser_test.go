//go:build browser

package main

// The playground in the browser: typing, selection, policies, keyboard,
// copying, the prerendered page.

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func TestWikiExamplesTyped(t *testing.T) {
	ctx := newTab(t, "/")
	want := vectorReplies(t)
	for i, line := range wikiLines {
		typeInto(t, ctx, "#editor", line)
		waitFor(t, ctx, "the transcript shows the typed line",
			fmt.Sprintf(`document.querySelectorAll("#transcript .exchange").length === 1 && document.querySelector("#transcript .cline").textContent === %q`, line))
		got := serverLines(t, ctx)
		// The page adds the reason of a refusal in plain words; the wire
		// lines and the disconnect are exactly the vector's.
		var wire []string
		for _, g := range got {
			if strings.HasPrefix(g, "S: ") || g == "Server disconnects client." {
				wire = append(wire, g)
			}
		}
		if strings.Join(wire, "\n") != strings.Join(want[i], "\n") {
			t.Errorf("example %d %q:\ngot  %q\nwant %q", i+1, line, wire, want[i])
		}
	}
	// An error is shown on its token with the reason.
	typeInto(t, ctx, "#editor", wikiLines[4])
	waitFor(t, ctx, "the 710 is explained", `document.querySelector("#transcript .why")?.textContent.includes("0x1111")`)
	if bad := eval[string](t, ctx, `document.querySelector("#transcript .tok.bad")?.textContent ?? ""`); bad != "0x1111" {
		t.Errorf("offending token = %q, want 0x1111", bad)
	}
}

func TestHoverLinksTokenAndRow(t *testing.T) {
	ctx := newTab(t, "/")
	waitFor(t, ctx, "the explanation shows", `document.querySelector('#request-fields tr[data-t="q2"]') !== null`)
	box := eval[[]float64](t, ctx, `(e => { e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect(); return [r.x + r.width/2, r.y + r.height/2] })(document.querySelector('.strip .chip[data-t="q2"]'))`)
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0], box[1])); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the locale row is highlighted", `getComputedStyle(document.querySelector('#request-fields tr[data-t="q2"]')).outlineStyle === "solid"`)
	if other := eval[string](t, ctx, `getComputedStyle(document.querySelector('#request-fields tr[data-t="q3"]')).outlineStyle`); other == "solid" {
		t.Error("a row of another field is highlighted too")
	}
	// And the other way round: focusing a row highlights its token.
	eval[bool](t, ctx, `(document.querySelector('#request-fields tr[data-t="q6"]').focus(), true)`)
	waitFor(t, ctx, "the library chip is highlighted", `getComputedStyle(document.querySelector('.strip .chip[data-t="q6"]')).outlineStyle === "solid"`)
}

func TestPresetSwitchChangesAnswer(t *testing.T) {
	ctx := newTab(t, "/")
	waitFor(t, ctx, "the default answers", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVQ 2 7.0.0813"))`)
	eval[bool](t, ctx, `(s => { s.value = "msn-2003-09"; s.dispatchEvent(new Event("change", {bubbles: true})); return true })(document.querySelector("#preset"))`)
	waitFor(t, ctx, "the 2003 answer", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVQ 2 6.0.0602 6.0.0602 1.0.0000"))`)
	if d := eval[string](t, ctx, `document.querySelector("#policy-description").textContent`); !strings.Contains(d, "msn-2003-09") {
		t.Errorf("policy description = %q", d)
	}
}

func TestBrokenPolicyKeepsLastValid(t *testing.T) {
	ctx := newTab(t, "/")
	openPolicyEditor(t, ctx)
	eval[bool](t, ctx, `(e => { e.value = e.value.replace('"minimum": "6.2.0205"', '"minimum": 6.2'); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#policy-json"))`)
	waitFor(t, ctx, "the mistake is shown", `document.querySelector("#policy-error") !== null`)
	msg := eval[string](t, ctx, `document.querySelector("#policy-error").textContent`)
	if !strings.Contains(msg, "line ") || !strings.Contains(msg, "minimum") {
		t.Errorf("policy error = %q, want its line and field", msg)
	}
	if !strings.Contains(strings.Join(serverLines(t, ctx), "\n"), "S: CVQ 2 7.0.0813 7.0.0813 6.2.0205") {
		t.Error("the last valid policy is not in force any more")
	}
	// A valid edit takes effect.
	eval[bool](t, ctx, `(e => { e.value = e.value.replace('"minimum": 6.2', '"minimum": "6.0.0602"'); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#policy-json"))`)
	waitFor(t, ctx, "the edited policy answers", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVQ 2 7.0.0813 7.0.0813 6.0.0602"))`)
}

func TestReloadKeepsContent(t *testing.T) {
	ctx := newTab(t, "/")
	line := "CVQ 42 0x0c0a winnt 5.1 i386 MSNMSGR 7.0.0813 MSMSGS reload@example.com"
	typeInto(t, ctx, "#editor", line)
	waitFor(t, ctx, "the line is computed", `document.querySelector("#transcript .cline")?.textContent.includes("reload@example.com")`)
	time.Sleep(600 * time.Millisecond) // the page saves 300 ms after the last keystroke
	if err := chromedp.Do(ctx, chromedp.Reload(), waitDrawn()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the content is back", fmt.Sprintf(`document.querySelector("#editor").value === %q`, line))
}

func TestUserTextIsNeverHTML(t *testing.T) {
	ctx := newTab(t, "/")
	line := `CVQ 1 <img src=x onerror=window.pwned=1> win 4.10 i386 MSMSGS 1.0.0863 <b>bold</b>`
	typeInto(t, ctx, "#editor", line)
	waitFor(t, ctx, "the line is computed", `document.querySelector("#transcript .why") !== null`)
	if n := eval[int](t, ctx, `document.querySelectorAll("#transcript img, #transcript b, #explanation img, #explanation b").length`); n != 0 {
		t.Errorf("%d elements made from user text", n)
	}
	if pwned := eval[bool](t, ctx, `window.pwned === 1`); pwned {
		t.Error("user text ran as script")
	}
}

func TestScreenshots(t *testing.T) {
	ctx := newTab(t, "/")
	waitFor(t, ctx, "the explanation", `document.querySelector("#request-fields") !== null`)
	// Select the second example, whose client must upgrade.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#transcript .exchange:nth-child(2) .line-button"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the reaction", `document.querySelector("#reaction") !== null`)
	// The README's pictures (./build.sh screenshots): the first screen of
	// a laptop's window, in each theme.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 860)); err != nil {
		t.Fatal(err)
	}
	windowShot(t, ctx, "window-light")
	screenshot(t, ctx, "light")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#theme"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the dark theme", `document.documentElement.dataset.theme === "dark"`)
	if bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`); bg == "rgb(247, 248, 250)" {
		t.Errorf("dark theme background = %s, still the light one", bg)
	}
	windowShot(t, ctx, "window-dark")
	screenshot(t, ctx, "dark")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#theme"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, func(p *emulation.SetDeviceMetricsOverrideParams, _ *emulation.SetTouchEmulationEnabledParams) {
		p.Mobile = true
	})); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "one column", `document.querySelector(".layout").getBoundingClientRect().width <= 390`)
	if w := eval[float64](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		wide := eval[[]string](t, ctx, `[...document.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > 391 || e.scrollWidth > 391).slice(0, 8).map(e => e.tagName + "." + e.className + "#" + e.id + " " + Math.round(e.getBoundingClientRect().right) + "/" + e.scrollWidth)`)
		t.Errorf("narrow page scrolls sideways: %v px wide; widest: %v", w, wide)
	}
	screenshot(t, ctx, "narrow")
}

func TestHostilePaste(t *testing.T) {
	ctx := newTab(t, "/")
	// 50,000 lines: the first 10,000 are evaluated, the page says so and
	// stays responsive.
	eval[bool](t, ctx, `(e => { e.value = Array.from({length: 50000}, (_, i) => "CVQ " + i + " 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS").join("\n"); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#editor"))`)
	waitFor(t, ctx, "the limit is announced", `document.querySelector(".editor-pane .warn")?.textContent.includes("Only the first 10000 client lines are evaluated; 40000 more are not")`)
	start := time.Now()
	typeInto(t, ctx, "#editor", "CVQ 6 spaghetti")
	waitFor(t, ctx, "a new line computes", `document.querySelector("#transcript .sline")?.textContent === "S: 731 6"`)
	t.Logf("typing after the 50,000-line paste took %v", time.Since(start))

	// A 1 MB line: no reply, a close, the reason next to it, the text kept.
	eval[bool](t, ctx, `(e => { e.value = "CVQ 1 0x0409 " + "A".repeat(1 << 20); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#editor"))`)
	waitFor(t, ctx, "the too-long reason", `document.querySelector("#transcript .why")?.textContent.includes("longer than the server's limit of 2048")`)
	if n := eval[int](t, ctx, `document.querySelector("#editor").value.length`); n != 13+1<<20 {
		t.Errorf("editor holds %d characters, want the pasted %d", n, 13+1<<20)
	}

	// Control characters, invalid sequences, right-to-left and zero-width
	// characters are shown, as text.
	eval[bool](t, ctx, `(e => { e.value = "CVQ 1 \u202e0x0409 win\u200b\u0001 4.10 i386 MSMSGS 1.0.0863 <b>x</b> \ud800"; e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#editor"))`)
	waitFor(t, ctx, "710", `document.querySelector("#transcript .sline")?.textContent === "S: 710 1"`)
	if n := eval[int](t, ctx, `document.querySelectorAll("#transcript b, #explanation b").length`); n != 0 {
		t.Errorf("%d elements made of user text", n)
	}
}

func TestKeyboard(t *testing.T) {
	ctx := newTab(t, "/")
	eval[bool](t, ctx, `(document.activeElement.blur(), true)`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("?")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the help opens with the focus in it", `document.activeElement?.id === "help-close"`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the help closes, the focus back on its button", `document.querySelector("#help") === null && document.activeElement?.id === "help-button"`)
	// "?" typed in the editor is text, not a shortcut.
	typeInto(t, ctx, "#editor", "?")
	if open := eval[bool](t, ctx, `document.querySelector("#help") !== null`); open {
		t.Error("typing ? in the editor opened the help")
	}
	// Arrow keys move between the tools' tabs.
	eval[bool](t, ctx, `(document.querySelector("#tab-examples").focus(), true)`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the builder tab", `document.activeElement?.id === "tab-builder" && document.querySelector("#tab-builder").getAttribute("aria-selected") === "true"`)
}

func TestCopyButtons(t *testing.T) {
	ctx := newTab(t, "/")
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true}, Setting: cdpbrowser.PermissionSettingGranted, Origin: baseURL,
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#copy-transcript"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the copy is reported", `document.querySelector("#status")?.textContent === "Copied the transcript."`)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, "C: CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nS: CVQ 1 5.0.0537") || !strings.HasSuffix(got, "S: 731 6\nServer disconnects client.\n") {
		t.Errorf("clipboard holds %q", got)
	}
}

// Until the WebAssembly runs (here: never, its download is blocked), the
// prerendered page is what people see: the answers, laid out as the
// WebAssembly lays them out, under a small badge rather than a curtain,
// with the editor read-only so that nothing typed is lost when it starts.
func TestPrerenderedPage(t *testing.T) {
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: baseURL + "/web/app.wasm", Block: true}}}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the loader reports the blocked download", `!document.querySelector("#app-wasm-loader-label").textContent.includes("Starting")`)
	if got := eval[string](t, ctx, `document.querySelector("#app-wasm-loader-label").textContent`); !strings.HasPrefix(got, "Could not start the engine (") || !strings.HasSuffix(got, "). Reload to try again.") {
		t.Errorf("the badge says %q, not what failed and what to do", got)
	}
	if got, want := eval[string](t, ctx, `document.querySelector(".line-button").textContent`), "Explain line 1: C: "+wikiLines[0]; got != want {
		t.Errorf("first transcript line reads %q, want %q", got, want)
	}
	if got := eval[string](t, ctx, `document.querySelector(".server .sline").textContent`); got != "S: CVQ 1 5.0.0537 5.0.0537 1.0.0863 http://download.microsoft.com/download/msnmessenger/install/5.0/w98nt42kmexp/en-us/setupdl.exe http://messenger.microsoft.com" {
		t.Errorf("first answer reads %q", got)
	}
	if h := eval[float64](t, ctx, `document.querySelector("#app-wasm-loader").getBoundingClientRect().height`); h > 80 {
		t.Errorf("the loader is %.0f px high: it hides the page", h)
	}
	if !eval[bool](t, ctx, `document.querySelector("#editor").readOnly`) {
		t.Error("the prerendered editor accepts typing that the WebAssembly would drop")
	}
	if got := eval[string](t, ctx, `document.querySelector("#preset").value`); got != "msnp-wiki" {
		t.Errorf("the policy list shows %q", got)
	}
	screenshot(t, ctx, "prerendered")
}

// The caret selects the row it is on: clicking into a line, typing in it
// and moving to the line above each show that line's explanation.
func TestCaretSelectsRow(t *testing.T) {
	ctx := newTab(t, "/")
	selected := func() string { return eval[string](t, ctx, `document.querySelector("#explanation .hint").textContent`) }
	// The caret at the start of the fourth line, as a click puts it.
	eval[bool](t, ctx, `(e => { e.focus(); const at = e.value.split("\n").slice(0, 3).join("\n").length + 1; e.setSelectionRange(at, at); e.dispatchEvent(new Event("click", {bubbles: true})); return true })(document.querySelector("#editor"))`)
	waitFor(t, ctx, "line 4 selected", `document.querySelector("#explanation .hint").textContent.startsWith("line 4 ")`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.End), chromedp.KeyEvent("x")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the typed character in the answer", `[...document.querySelectorAll("#transcript .line-button")].some(b => b.textContent.endsWith("MSMSGSx"))`)
	if s := selected(); !strings.HasPrefix(s, "line 4 ") {
		t.Errorf("after typing on line 4, the explanation is of %q", s)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowUp)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "line 3 selected", `document.querySelector("#explanation .hint").textContent.startsWith("line 3 ")`)
}
