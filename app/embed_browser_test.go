//go:build browser

package main

// The embed, framed by a documentation page.

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

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
