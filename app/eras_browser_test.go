//go:build browser

package main

// Every era at once, in the browser: the presets' answers to the selected
// line, the fields that differ marked, the presets that reproduce a
// pasted answer named.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// pasteEditor replaces the editor's text as a paste does.
func pasteEditor(t *testing.T, ctx context.Context, text string) {
	t.Helper()
	js, _ := json.Marshal(text)
	eval[bool](t, ctx, fmt.Sprintf(`(e => { e.focus(); e.value = %s; e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#editor"))`, js))
}

func TestErasInBrowser(t *testing.T) {
	ctx := newTab(t, "/")
	pasteEditor(t, ctx, erasText)
	const verdict = "The pasted answer is reproduced by msn-2006-03 and msn-2006-12."
	waitFor(t, ctx, "the presets that reproduce the pasted answer", fmt.Sprintf(`document.querySelector("#eras-verdict")?.textContent === %q`, verdict))
	rows := eval[[]string](t, ctx, `[...document.querySelectorAll("#eras-table tbody tr")].map(r => r.dataset.preset)`)
	if strings.Join(rows, " ") != strings.Join(presetNames(), " ") {
		t.Errorf("era rows %v, want the presets in timeline order", rows)
	}
	// The default policy chose CVR0 after the VER: compared with
	// msn-2003-09, which agreed on MSNP8.
	choosePreset(t, ctx, "msn-2003-09")
	marked := eval[[]string](t, ctx, `[...document.querySelectorAll('#eras-table tr[data-preset="msn-2006-03"] mark.diff')].map(m => m.textContent)`)
	if len(marked) != 4 || marked[0] != "7.5.0324" || marked[2] != "6.2.0208" || !strings.HasSuffix(marked[3], "Install_MSN_Messenger.exe") {
		t.Errorf("msn-2006-03's marked fields: %q", marked)
	}
	if got := eval[string](t, ctx, `document.querySelector('#eras-table tr[data-preset="msn-2002-10"] .era-diff').textContent`); got != "differs: no reply, the close" {
		t.Errorf("msn-2002-10 compared: %q", got)
	}
	// A preset's name makes it the policy in force; the answers are then
	// compared with it.
	choosePreset(t, ctx, "msn-2006-03")
	if n := eval[int](t, ctx, `document.querySelectorAll('#eras-table tr[data-preset="msn-2006-12"] mark.diff').length`); n != 0 {
		t.Errorf("msn-2006-12 answers as msn-2006-03 does, yet %d fields are marked", n)
	}
	if got := eval[string](t, ctx, `document.querySelector("#transcript .exchange:last-child .match")?.textContent ?? ""`); got == "" {
		t.Error("with msn-2006-03 in force, the transcript does not say the pasted answer matches")
	}
	// A keystroke does not evaluate every preset: the panel says it waits.
	typeInto(t, ctx, "#editor", "C")
	waitFor(t, ctx, "the panel settles on the typed line", `document.querySelector("#eras-hint")?.textContent.startsWith("line 1 · what each preset answers") && !document.querySelector("#eras").classList.contains("stale")`)
	pasteEditor(t, ctx, erasText)
	waitFor(t, ctx, "the verdict again", fmt.Sprintf(`document.querySelector("#eras-verdict")?.textContent === %q`, verdict))
	erasShots(t, ctx, "eras", "#eras")
}

// choosePreset clicks the preset's name in the eras' table and waits
// until it is in force.
func choosePreset(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#eras-table tr[data-preset="`+name+`"] .era-name`))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, name+" in force", fmt.Sprintf(`document.querySelector("#preset").value === %q && document.querySelector("#eras .in-force")?.dataset.preset === %[1]q`, name))
}

// erasShots takes screenshots of the page and of its part sel, in light
// and dark, wide and on a phone's width, which must not scroll sideways.
func erasShots(t *testing.T, ctx context.Context, name, sel string) {
	t.Helper()
	screenshot(t, ctx, name+"-light")
	paneShot(t, ctx, sel, name+"-pane-light")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#theme"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the dark theme", `document.documentElement.dataset.theme === "dark"`)
	screenshot(t, ctx, name+"-dark")
	paneShot(t, ctx, sel, name+"-pane-dark")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, func(p *emulation.SetDeviceMetricsOverrideParams, _ *emulation.SetTouchEmulationEnabledParams) {
		p.Mobile = true
	})); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "one column", `document.querySelector(".layout").getBoundingClientRect().width <= 390`)
	if w := eval[float64](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		wide := eval[[]string](t, ctx, `[...document.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > 391).slice(0, 8).map(e => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right))`)
		t.Errorf("narrow page scrolls sideways: %v px wide; widest: %v", w, wide)
	}
	screenshot(t, ctx, name+"-narrow-dark")
	paneShot(t, ctx, sel, name+"-pane-narrow-dark")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#theme"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the light theme", `document.documentElement.dataset.theme === "light"`)
	screenshot(t, ctx, name+"-narrow-light")
	paneShot(t, ctx, sel, name+"-pane-narrow-light")
}

func presetNames() []string {
	var out []string
	for _, p := range presets() {
		out = append(out, p.Name)
	}
	return out
}

// paneShot saves a screenshot of the element sel.
func paneShot(t *testing.T, ctx context.Context, sel, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(shotsDir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
