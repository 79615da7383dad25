//go:build browser

package main

// Options that readers don't see: the page's preset on the script tag
// (or in its address, as a wiki's site script loads it), data-* on a
// block, the comment right before it, its first lines; and detection
// limited to a part of the page.

import (
	"strings"
	"testing"
)

// optionBlocks, on a page whose script says data-policy="msn-2003-09".
var optionBlocks = []detectBlock{
	{"the page's preset", "<pre><code>C: VER 1 MSNP8 CVR0\nC: CVR 2 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS a@b.com</code></pre>",
		"C: VER 1 MSNP8 CVR0\nC: CVR 2 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS a@b.com", "msn-2003-09"},
	{"a hidden comment", "<!-- cvq policy: msn-2006-03 -->\n<pre><code>C: VER 1 MSNP11 CVR0\nC: CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS a@b.com</code></pre>",
		"C: VER 1 MSNP11 CVR0\nC: CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS a@b.com", "msn-2006-03"},
	{"a hidden comment before Hugo's wrapper", "<!--cvq policy: msn-2009-06; sel: 2; theme: dark-->\n<div class=\"highlight\"><pre tabindex=\"0\"><code>C: VER 1 MSNP18 CVR0\nC: CVR 2 0x0409 winnt 6.1 i386 MSNMSGR 14.0.8089 msmsgs a@live.com</code></pre></div>",
		"C: VER 1 MSNP18 CVR0\nC: CVR 2 0x0409 winnt 6.1 i386 MSNMSGR 14.0.8089 msmsgs a@live.com", "msn-2009-06"},
	{"data-policy over the comment", "<!-- cvq policy: msn-2006-03 -->\n<pre data-policy=\"msn-2002-10\">&gt;&gt;&gt; VER 1 MSNP7 CVR0\n&gt;&gt;&gt; CVR 2 0x0409 win 4.10 i386 MSMSGS 3.6.0025 MSMSGS</pre>",
		">>> VER 1 MSNP7 CVR0\n>>> CVR 2 0x0409 win 4.10 i386 MSMSGS 3.6.0025 MSMSGS", "msn-2002-10"},
	{"a first line over data-policy", "<pre data-policy=\"msn-2002-10\"><code># policy: msn-2007-06\nC: VER 1 MSNP13 CVR0\nC: CVR 2 0x0c0a winnt 5.1 i386 MSNMSGR 8.0.0792 msmsgs a@b.com</code></pre>",
		"C: VER 1 MSNP13 CVR0\nC: CVR 2 0x0c0a winnt 5.1 i386 MSNMSGR 8.0.0792 msmsgs a@b.com", "msn-2007-06"},
	{"a comment that is not for it", "<!-- generated -->\n<pre>C: VER 1 MSNP8 CVR0</pre>", "C: VER 1 MSNP8 CVR0", "msn-2003-09"},
	{"a comment not right before it", "<!-- cvq policy: msn-2006-03 -->\n<p>Text between.</p>\n<pre>C: VER 1 MSNP8 CVR0</pre>", "C: VER 1 MSNP8 CVR0", "msn-2003-09"},
}

func TestDocsHiddenOptions(t *testing.T) {
	tag := `<script src="` + engineURLOr(t) + `/web/embed.js" data-cvq-base="` + engineURL + `/" data-cvq-detect data-policy="msn-2003-09" defer></script>`
	ctx := openDocs(t, "/options.html", detectPage(optionBlocks, tag))
	scrollUntilAnswered(t, ctx, len(optionBlocks))
	checkDetected(t, "options.html", optionBlocks, eval[detectResult](t, ctx, detectedJS))
	// sel and theme from the comment: line 2 explained, in the dark theme.
	if got := eval[string](t, ctx, `(r => r.querySelector(".v").className + " | " + (r.querySelector(".ex .exh") || {}).textContent)(document.querySelectorAll(".cvq-example")[2].shadowRoot)`); got != "v dark | Line 2 explained" {
		t.Errorf("the hidden comment's sel and theme: %q", got)
	}
	// The links open the playground with the same options.
	if href := eval[string](t, ctx, `document.querySelectorAll(".cvq-example")[2].shadowRoot.querySelector("a.open").href`); !strings.Contains(href, "policy=msn-2009-06&") || !strings.Contains(href, "&sel=2") || !strings.Contains(href, "&theme=dark") {
		t.Errorf("Open in playground: %q", href)
	}
}

// TestDocsDetectFromScriptAddress: a wiki's site script cannot set
// attributes on the tag it makes (mw.loader.load(url)); the address
// carries the opt-in, its scope and the preset.
func TestDocsDetectFromScriptAddress(t *testing.T) {
	src := engineURLOr(t) + "/web/embed.js?detect=.mw-parser-output&policy=msn-2006-03"
	blocks := []detectBlock{
		{"in the article", `<div class="mw-parser-output"><pre>&gt;&gt;&gt; VER 1 MSNP11 CVR0` + "\n" + `&gt;&gt;&gt; CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 7.0.0816 msmsgs a@b.com</pre></div>`,
			">>> VER 1 MSNP11 CVR0\n>>> CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 7.0.0816 msmsgs a@b.com", "msn-2006-03"},
		{"outside the article (the wiki's sidebar)", `<div class="sidebar"><pre>C: VER 1 MSNP8 CVR0</pre></div>`, "", ""},
		{"a template's marked example outside it", `<div class="sidebar"><pre data-cvq>CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS</pre></div>`,
			"CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS", "msn-2006-03"},
	}
	// As mw.loader.load does it: a script element made by a script.
	tag := `<script>addEventListener("load", () => { const s = document.createElement("script"); s.src = ` + "`" + src + "`" + `; s.async = true; document.head.appendChild(s); })</script>`
	ctx := openDocs(t, "/mediawiki.html", detectPage(blocks, tag))
	scrollUntilAnswered(t, ctx, 2)
	checkDetected(t, "mediawiki.html", blocks, eval[detectResult](t, ctx, detectedJS))
}
