//go:build browser

package main

// embed.js on documentation pages that misbehave: examples whose text is
// markup or a megabyte, messages forged by the page or by another page of
// the playground's origin, a host whose CSP refuses inline style.

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

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
