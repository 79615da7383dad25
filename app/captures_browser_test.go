//go:build browser

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The gallery marks every capture reproduced, as computed in the page,
// and one opened in the editor shows the 2010 reply with its empty field.
func TestGalleryCapturesInBrowser(t *testing.T) {
	ctx := newTab(t, "/")
	waitFor(t, ctx, "the captures", `document.querySelectorAll("#captures tbody tr").length > 0`)
	marks := eval[[]string](t, ctx, `[...document.querySelectorAll("#captures tbody tr")].map(r => r.dataset.capture + " " + r.cells[0].textContent)`)
	if len(marks) != 24 {
		t.Fatalf("%d captures in the gallery, want 24", len(marks))
	}
	for _, m := range marks {
		if !strings.HasSuffix(m, " ✓") {
			t.Errorf("capture %q is not marked ✓", m)
		}
	}
	if s := eval[string](t, ctx, `document.querySelector("#captures-summary").textContent`); !strings.HasPrefix(s, "24 of 24") {
		t.Errorf("summary %q", s)
	}
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS("#captures"))); err != nil {
		t.Fatal(err)
	}
	elementShot(t, ctx, "#captures", "captures")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#captures button[data-capture="C13"]`))); err != nil {
		t.Fatal(err)
	}
	const reply = "S: CVR 2 1.0.0000 1.0.0000 1.0.0000 http://msgr.dlservice.microsoft.com  http://download.live.com/?sku=messenger"
	waitFor(t, ctx, "the 2010 reply", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent === `+jsString(reply)+`)`)
	if n := eval[int](t, ctx, `document.querySelectorAll("#transcript .expect").length`); n != 0 {
		t.Errorf("the pasted capture differs from the answer (%d marks)", n)
	}
	if v := eval[string](t, ctx, `document.querySelector("#preset").value`); v != "msn-2010-03" {
		t.Errorf("preset %q, want msn-2010-03", v)
	}
	waitFor(t, ctx, "the empty field explained", `[...document.querySelectorAll("#response-fields tr")].some(r => r.textContent.includes("empty field") && r.textContent.includes("downloaded nothing"))`)
	elementShot(t, ctx, "#explanation", "capture-2010")
	elementShot(t, ctx, "#transcript", "capture-2010-transcript")
	// The policy editor holds the empty field, and its help names both forms.
	openPolicyEditor(t, ctx)
	if j := eval[string](t, ctx, `document.querySelector("#policy-json").value`); !strings.Contains(j, `"emptyAfterDownload": true`) {
		t.Errorf("the 2010 policy's JSON lacks emptyAfterDownload:\n%s", j)
	}
	eval[bool](t, ctx, `document.querySelector("#policy-fields").open = true`)
	if h := eval[string](t, ctx, `document.querySelector("#policy-fields").textContent`); !strings.Contains(h, "verReply") || !strings.Contains(h, "emptyAfterDownload") {
		t.Errorf("policy help %q", h)
	}
	elementShot(t, ctx, "#panel-policy", "policy-fields")
}

// elementShot saves a screenshot of one element, to look at closely.
func elementShot(t *testing.T, ctx context.Context, sel, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(shotsDir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func jsString(s string) string { return "`" + strings.ReplaceAll(s, "`", "\\`") + "`" }
