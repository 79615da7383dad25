//go:build browser

package main

// The embed, framed by a documentation page.

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// frameCheck evaluates a condition in every iframe of the page.
func framesReady(n int) string {
	return fmt.Sprintf(`(() => { const f = [...document.querySelectorAll("iframe")]; return f.length === %d && f.every(x => x.contentDocument && x.contentDocument.querySelector("#wasm-ready")) })()`, n)
}

func TestEmbedDemoPage(t *testing.T) {
	ctx := newTab(t, "/")
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/web/embed-demo.html"), chromedp.WaitReady(chromedp.CSS(".cvq-embed"))); err != nil {
		t.Fatal(err)
	}
	// Frames load lazily: the last examples wait below the fold.
	if n := eval[int](t, ctx, `document.querySelectorAll("iframe").length`); n >= 7 {
		t.Errorf("%d frames loaded before scrolling, want fewer than 7", n)
	}
	eval[bool](t, ctx, `(document.querySelectorAll(".cvq-embed button").forEach(b => b.click()), true)`)
	waitFor(t, ctx, "seven running embeds", framesReady(7))
	want := vectorReplies(t)
	for i := 0; i < 6; i++ {
		got := eval[string](t, ctx, fmt.Sprintf(`document.querySelectorAll("iframe")[%d].contentDocument.querySelector("#transcript .sline").textContent`, i))
		if got != want[i][0] {
			t.Errorf("embed %d answers %q, want %q", i+1, got, want[i][0])
		}
	}
	// The frames take their content's height: no inner scrollbar.
	waitFor(t, ctx, "frames sized to their content", `[...document.querySelectorAll("iframe")].every(f => {
		const d = f.contentDocument, need = Math.ceil(d.body.getBoundingClientRect().bottom);
		return d.documentElement.scrollHeight <= f.clientHeight && f.clientHeight - need <= 24;
	})`)
	if hidden := eval[int](t, ctx, `[...document.querySelectorAll("pre[data-cvq]")].filter(p => p.hidden).length`); hidden != 7 {
		t.Errorf("%d of 7 <pre> hidden once their frame shows", hidden)
	}
	screenshot(t, ctx, "embed-demo")
	if theme := eval[string](t, ctx, `document.querySelectorAll("iframe")[6].contentDocument.documentElement.dataset.theme || ""`); theme != "dark" {
		t.Errorf("data-theme=dark example: embed theme %q", theme)
	}

	// Height messages from elsewhere change nothing: one from another
	// origin's frame, one from the page itself.
	heights := eval[[]float64](t, ctx, `[...document.querySelectorAll("iframe")].map(f => f.clientHeight)`)
	eval[bool](t, ctx, fmt.Sprintf(`(() => { const f = document.createElement("iframe"); f.id = "intruder"; f.src = %q; document.body.appendChild(f); window.postMessage({type: "cvq-playground:height", height: 3999}, "*"); return true })()`, otherURL+"/"))
	waitFor(t, ctx, "the intruder loaded", `document.querySelector("#intruder").contentWindow !== null`)
	time.Sleep(500 * time.Millisecond)
	after := eval[[]float64](t, ctx, `[...document.querySelectorAll("iframe:not(#intruder)")].map(f => f.clientHeight)`)
	if fmt.Sprint(after) != fmt.Sprint(heights) {
		t.Errorf("frame heights changed after foreign messages: %v → %v", heights, after)
	}
}

func TestEmbedIgnoresMessagesAndOpensPlayground(t *testing.T) {
	input := "VER 1 MSNP13 CVR0\nCVR 2 0x0c0a winnt 5.1 i386 MSNMSGR 8.0.0792 msmsgs user@hotmail.com\n"
	ctx := newTab(t, "/embed.html#policy=msn-2007-06&in="+strings.ReplaceAll(url.QueryEscape(input), "+", "%20")+"&sel=2")
	waitFor(t, ctx, "the 2007 answer", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.includes("/ES/Install_WLMessenger.exe"))`)
	eval[bool](t, ctx, `(window.dispatchEvent(new MessageEvent("message", {origin: "http://evil.example", data: {type: "cvq-playground:input", input: "CVQ 6 spaghetti"}})), window.postMessage({type: "cvq-playground:input", input: "CVQ 6 spaghetti"}, "*"), true)`)
	time.Sleep(300 * time.Millisecond)
	if v := eval[string](t, ctx, `document.querySelector("#editor").value`); v != input {
		t.Errorf("a message changed the embed's input to %q", v)
	}
	href := eval[string](t, ctx, `document.querySelector("#open-playground").href`)
	if err := chromedp.Do(ctx, chromedp.Navigate(href), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatal(err)
	}
	if v := eval[string](t, ctx, `document.querySelector("#editor").value`); v != input {
		t.Errorf("Open in playground: input %q, want %q", v, input)
	}
	if v := eval[string](t, ctx, `document.querySelector("#preset").value`); v != "msn-2007-06" {
		t.Errorf("Open in playground: preset %q", v)
	}
	waitFor(t, ctx, "line 2 explained", `document.querySelector("#explanation .hint").textContent.startsWith("line 2 ")`)
}
