//go:build browser

package main

// Links: hand-written, compact, broken, hostile.

import (
	"fmt"
	"strings"
	"testing"
)

func TestHandWrittenLink(t *testing.T) {
	ctx := newTab(t, "/#policy=msn-2003-09&in=VER%201%20MSNP8%20CVR0%0ACVR%202%200x0409%20win%204.10%20i386%20MSNMSGR%205.0.0544%20MSMSGS%20a@b.com&sel=2")
	waitFor(t, ctx, "the link's answer", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVR 2 6.0.0602 6.0.0602 1.0.0000"))`)
	if v := eval[string](t, ctx, `document.querySelector("#preset").value`); v != "msn-2003-09" {
		t.Errorf("preset %q", v)
	}
	if h := eval[string](t, ctx, `document.querySelector("#explanation .hint").textContent`); !strings.HasPrefix(h, "line 2 ") {
		t.Errorf("selected %q, want line 2", h)
	}
}

func TestCompactLinkCarriesCustomPolicy(t *testing.T) {
	ctx := newTab(t, "/")
	openPolicyEditor(t, ctx)
	before := eval[string](t, ctx, `location.hash`)
	eval[bool](t, ctx, `(e => { e.value = e.value.replace('"minimum": "6.2.0205"', '"minimum": "6.0.0602"'); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#policy-json"))`)
	waitFor(t, ctx, "the URL follows the edit", fmt.Sprintf(`location.hash !== %q`, before))
	waitFor(t, ctx, "the edit is in force", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVQ 2 7.0.0813 7.0.0813 6.0.0602"))`)
	waitFor(t, ctx, "the URL carries the state", `location.hash.startsWith("#z=")`)
	link := eval[string](t, ctx, `location.href`)
	firstVisit(t, ctx, link)
	waitFor(t, ctx, "the custom answer", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVQ 2 7.0.0813 7.0.0813 6.0.0602"))`)
	if d := eval[string](t, ctx, `document.querySelector("#policy-description").textContent`); !strings.Contains(d, "edited") {
		t.Errorf("policy line %q should say edited", d)
	}
}

func TestCorruptedLink(t *testing.T) {
	ctx := newTab(t, "/#z=AAAA!!broken")
	waitFor(t, ctx, "the message", `document.querySelector("#link-message") !== null`)
	if msg := eval[string](t, ctx, `document.querySelector("#link-message").textContent`); !strings.Contains(msg, "could not be read") {
		t.Errorf("message %q", msg)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#transcript .exchange").length`); n != 6 {
		t.Errorf("%d rows, want the default example's 6", n)
	}
	ctx = newTab(t, "/#policy=msn-1998&in=CVQ%206%20spaghetti")
	waitFor(t, ctx, "the message", `document.querySelector("#link-message")?.textContent.includes("msn-1998")`)
}

func TestMarkupInLinksAndPolicies(t *testing.T) {
	ctx := newTab(t, "/#policy=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E&in=x")
	waitFor(t, ctx, "the message", `document.querySelector("#link-message") !== null`)
	if msg := eval[string](t, ctx, `document.querySelector("#link-message").textContent`); !strings.Contains(msg, "<img src=x") {
		t.Errorf("message %q should show the preset name as text", msg)
	}
	openPolicyEditor(t, ctx)
	eval[bool](t, ctx, `(e => { e.value = e.value.replace(/"description": "[^"]*"/, '"description": "<img src=x onerror=window.pwned=2>"'); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#policy-json"))`)
	waitFor(t, ctx, "the description shows", `document.querySelector("#policy-description").textContent.includes("<img src=x")`)
	if n := eval[int](t, ctx, `document.querySelectorAll("img:not([src$='.png']):not([src$='.svg'])").length`); n != 0 {
		t.Errorf("%d img elements made of user text", n)
	}
	if pwned := eval[bool](t, ctx, `window.pwned !== undefined`); pwned {
		t.Error("user text ran as script")
	}
}
