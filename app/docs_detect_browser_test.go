//go:build browser

package main

// embed.js finding the examples of documentation as it is written:
// untagged blocks in the C:/S: and >>>/<<< notations, as Markdown
// generators, highlighters and MediaWiki write them, beside blocks that
// are not examples (syntax, other commands, prose, look-alikes), which
// must stay exactly as they are.

import (
	"fmt"
	"html"
	"strings"
	"testing"

	"cvq-playground/app/docs"
)

// detectBlock is one block of a test page: its HTML, and for an example
// the lines embed.js must read from it (options removed) and the preset
// it must answer with; input "" for a block that is no example.
type detectBlock struct {
	name, html, input, policy string
}

func esc(s string) string { return html.EscapeString(s) }

// wikiBlocks are written as the generators write them.
var wikiBlocks = []detectBlock{
	{"msnp-wiki: an untagged fence, C:/S: with continuations",
		"<pre><code>" + esc("C: VER 1 MSNP2 CVR0\nS: VER 1 CVR0\nC: CVQ 2 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nS: CVQ 2 5.0.0537 5.0.0537 1.0.0863\n.. http://download.microsoft.com/download/msnmessenger/install/5.0/w98nt42kmexp/en-us/setupdl.exe\n.. http://messenger.microsoft.com\n") + "</code></pre>",
		"C: VER 1 MSNP2 CVR0\nS: VER 1 CVR0\nC: CVQ 2 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nS: CVQ 2 5.0.0537 5.0.0537 1.0.0863\n.. http://download.microsoft.com/download/msnmessenger/install/5.0/w98nt42kmexp/en-us/setupdl.exe\n.. http://messenger.microsoft.com\n", "msnp-wiki"},
	{"the syntax block", "<pre><code>" + esc("C: CVQ TrID locale system-type system-ver system-arch requesting-library client-version\nS: CVQ TrID recommended recommended-2 minimum download-url fallback-url") + "</code></pre>", "", ""},
	{"Docusaurus: token lines, <br>, U+00A0, language-text, a hidden comment before its wrappers",
		`<!-- cvq policy: msn-2003-09 --><div class="codeBlockContainer"><div class="codeBlockContent"><pre tabindex="0" class="prism-code language-text codeBlock"><code class="codeBlockLines">` +
			`<span class="token-line"><span class="token plain">C: VER 3 MSNP8 CVR0</span><br></span>` +
			`<span class="token-line"><span class="token plain">C: CVR 4 0x0409&nbsp;win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS example@passport.com</span><br></span>` +
			`</code></pre></div></div>`,
		"C: VER 3 MSNP8 CVR0\nC: CVR 4 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS example@passport.com\n", "msn-2003-09"},
	{"another command's block", "<pre><code>" + esc("C: USR 6 TWN I example@passport.com\nS: USR 6 TWN S lc=1033,id=507") + "</code></pre>", "", ""},
	{"Hugo: Chroma line spans with line numbers, >>>/<<<, the era in a hidden comment",
		`<!-- cvq policy: msn-2003-09 -->` + "\n" + `<div class="highlight"><pre tabindex="0" class="chroma"><code class="language-text" data-lang="text">` +
			`<span class="line"><span class="ln">1</span><span class="cl">&gt;&gt;&gt; VER 5 MSNP8 CVR0` + "\n" + `</span></span>` +
			`<span class="line"><span class="ln">2</span><span class="cl">&lt;&lt;&lt; VER 5 MSNP8` + "\n" + `</span></span>` +
			`<span class="line"><span class="ln">3</span><span class="cl">&gt;&gt;&gt; CVR 6 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS a@b.com</span></span></code></pre></div>`,
		">>> VER 5 MSNP8 CVR0\n<<< VER 5 MSNP8\n>>> CVR 6 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS a@b.com", "msn-2003-09"},
	{"prose in a block", "<pre>" + esc("Send VER first, then CVR. The server answers\nC:VER is not how a line starts; neither is c: ver 1 MSNP8.") + "</pre>", "", ""},
	{"Chroma classless: flex line spans, a documented answer that is wrong",
		`<pre tabindex="0" style="color:#f8f8f2;background-color:#272822;"><code>` +
			`<span style="display:flex;"><span>C: CVQ 7 0x1111 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS</span></span>` +
			`<span style="display:flex;"><span>S: CVQ 7 7.0.0813 7.0.0813 6.2.0205 http://example.com/setup.exe http://example.com</span></span></code></pre>`,
		"C: CVQ 7 0x1111 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS\nS: CVQ 7 7.0.0813 7.0.0813 6.2.0205 http://example.com/setup.exe http://example.com", "msnp-wiki"},
	{"look-alikes: a TrID that is no number, a longer command, over 32 bits",
		"<pre>" + esc("C: VER x MSNP8 CVR0\nC: VERB 1 MSNP8\n>>> CVQ 4294967296 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n>>>CVR 1 0x0409") + "</pre>", "", ""},
	{"MediaWiki: <pre> with data-policy, <br> breaks",
		`<div class="mw-parser-output"><pre data-policy="msn-2006-03">&gt;&gt;&gt; VER 8 MSNP11 CVR0<br>&lt;&lt;&lt; VER 8 MSNP11<br>&gt;&gt;&gt; CVR 9 0x0409 winnt 5.1 i386 MSNMSGR 7.0.0816 msmsgs user@hotmail.com</pre></div>`,
		">>> VER 8 MSNP11 CVR0\n<<< VER 8 MSNP11\n>>> CVR 9 0x0409 winnt 5.1 i386 MSNMSGR 7.0.0816 msmsgs user@hotmail.com", "msn-2006-03"},
	{"a transcript in another language's block", `<pre><code class="language-go">` + esc("// C: VER 1 MSNP8 CVR0\nC: VER 1 MSNP8 CVR0") + "</code></pre>", "", ""},
	{"a transcript marked to skip", `<pre data-cvq-skip>` + esc("C: VER 1 MSNP8 CVR0") + "</pre>", "", ""},
	{"a transcript after a skip comment", `<!-- cvq skip --><pre>` + esc("C: VER 1 MSNP8 CVR0") + "</pre>", "", ""},
	{"no documented answer, first-line options", "<pre><code>" + esc("# policy: msn-2007-06\n# theme: dark\nC: VER 10 MSNP13 CVR0\nC: CVR 11 0x0c0a winnt 5.1 i386 MSNMSGR 8.0.0792 msmsgs user@hotmail.com\n") + "</code></pre>",
		"C: VER 10 MSNP13 CVR0\nC: CVR 11 0x0c0a winnt 5.1 i386 MSNMSGR 8.0.0792 msmsgs user@hotmail.com\n", "msn-2007-06"},
	{"a marked example keeps working", `<pre data-cvq data-policy="msnp-wiki">CVQ 12 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS</pre>`,
		"CVQ 12 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS", "msnp-wiki"},
}

// detectPage writes blocks, each in its own section with prose, and
// embed.js loaded by tag (the tag's attributes after src).
func detectPage(blocks []detectBlock, tag string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>CVQ notes</title></head><body><main><h1>CVQ</h1>` + "\n")
	for i, bl := range blocks {
		fmt.Fprintf(&b, "<section id=\"b%d\"><h2>%s</h2>\n<p>Before the block.</p>\n%s\n<p>Server disconnects client.</p></section>\n", i, esc(bl.name), bl.html)
	}
	// What every section held before embed.js ran (deferred, it runs after).
	b.WriteString(`</main><script>document.querySelectorAll("section").forEach(s => s.dataset.before = s.innerHTML)</script>` + "\n")
	b.WriteString(tag + "</body></html>\n")
	return b.String()
}

// checkDetected holds the promises of detection on a page of blocks:
// every example answered as the engine answers its lines, with its
// check; every other block's section unchanged.
func checkDetected(t *testing.T, ctxPage string, blocks []detectBlock, got detectResult) {
	t.Helper()
	n := 0
	for i, bl := range blocks {
		s := got.Sections[i]
		if bl.input == "" {
			if s.Hosts != 0 || !s.Same {
				t.Errorf("%s: %q is no example but changed (%d views, section unchanged: %v)", ctxPage, bl.name, s.Hosts, s.Same)
			}
			continue
		}
		n++
		res := docs.Answer(docs.Request{Policy: bl.policy, Input: bl.input})
		if s.Hosts != 1 || !s.BlockSame {
			t.Errorf("%s: %q: %d views, block unchanged: %v; want one view after the unchanged block", ctxPage, bl.name, s.Hosts, s.BlockSame)
			continue
		}
		if s.State != "answered" || s.Policy != "policy "+bl.policy {
			t.Errorf("%s: %q: state %q, %q; want answered, policy %s", ctxPage, bl.name, s.State, s.Policy, bl.policy)
		}
		if want := wantTexts(res); fmt.Sprint(s.Server) != fmt.Sprint(want) {
			t.Errorf("%s: %q: server lines %q, want %q (the lines read as %q)", ctxPage, bl.name, s.Server, want, bl.input)
		}
		if s.Check != res.Check {
			t.Errorf("%s: %q: data-cvq-check %q, want %q", ctxPage, bl.name, s.Check, res.Check)
		}
	}
	if got.Examples != n {
		t.Errorf("%s: %d views on the page, want %d", ctxPage, got.Examples, n)
	}
}

type detectSection struct {
	Hosts     int      `json:"hosts"`
	Same      bool     `json:"same"`
	BlockSame bool     `json:"blockSame"`
	State     string   `json:"state"`
	Check     string   `json:"check"`
	Policy    string   `json:"policy"`
	Server    []string `json:"server"`
}

type detectResult struct {
	Examples int             `json:"examples"`
	Sections []detectSection `json:"sections"`
}

// detectedJS reads, per section, its views and whether the rest of it is
// as it was: the block itself (the section's HTML but the view) and the
// whole section.
const detectedJS = `({
  examples: document.querySelectorAll(".cvq-example").length,
  sections: [...document.querySelectorAll("section")].map(s => {
    const hosts = s.querySelectorAll(".cvq-example"), h = hosts[0];
    const copy = s.cloneNode(true);
    copy.querySelectorAll(".cvq-example").forEach(e => e.remove());
    delete copy.dataset.before;
    return {
      hosts: hosts.length, same: s.innerHTML === s.dataset.before, blockSame: copy.innerHTML === s.dataset.before,
      state: h ? h.dataset.cvqState || "" : "", check: h ? h.dataset.cvqCheck || "" : "",
      policy: h && h.shadowRoot && h.shadowRoot.querySelector(".pol") ? h.shadowRoot.querySelector(".pol").textContent : "",
      server: h && h.shadowRoot ? [...h.shadowRoot.querySelectorAll(".x")].map(li => li.querySelector(".s") ? li.querySelector(".s").textContent : "") : [],
    };
  }),
})`

func TestDocsDetectWikiBlocks(t *testing.T) {
	tag := `<script src="` + engineURLOr(t) + `/web/embed.js" data-cvq-base="` + engineURL + `/" data-cvq-detect defer></script>`
	ctx := openDocs(t, "/detect.html", detectPage(wikiBlocks, tag))
	n := 0
	for _, bl := range wikiBlocks {
		if bl.input != "" {
			n++
		}
	}
	scrollUntilAnswered(t, ctx, n)
	checkDetected(t, "detect.html", wikiBlocks, eval[detectResult](t, ctx, detectedJS))
	// The checks seen: a match, a difference, nothing documented.
	checks := eval[string](t, ctx, `[...document.querySelectorAll(".cvq-example")].map(h => h.dataset.cvqCheck).join(" ")`)
	for _, c := range []string{"match", "differ", "none"} {
		if !strings.Contains(checks, c) {
			t.Errorf("no example checks %q: %s", c, checks)
		}
	}
	// Without the opt-in, only the marked example.
	tag = strings.Replace(tag, " data-cvq-detect", "", 1)
	ctx = openDocs(t, "/no-detect.html", detectPage(wikiBlocks, tag))
	scrollUntilAnswered(t, ctx, 1)
	var marked []detectBlock
	for _, bl := range wikiBlocks {
		if !strings.Contains(bl.html, "data-cvq ") {
			bl.input = ""
		}
		marked = append(marked, bl)
	}
	checkDetected(t, "no-detect.html", marked, eval[detectResult](t, ctx, detectedJS))
}

// wikiPage writes a page of n pre blocks of which every (n/t)th, t in
// all, is a transcript written as a wiki writes it (alternately C:/S:
// with a continuation and >>>/<<<), the others the code of any
// documentation page: commands, syntax, JSON, other commands' lines. tag
// loads embed.js.
func wikiPage(n, t int, tag string) string {
	others := []string{
		"$ go run ./app serve -addr 127.0.0.1:8000\nCVQ playground on http://127.0.0.1:8000/",
		"CVQ TrID locale system-type system-ver system-arch requesting-library client-version",
		`{"recommended": "7.0.0813", "minimum": "6.2.0205"}`,
		"C: USR 6 TWN I example@passport.com\nS: USR 6 TWN S lc=1033,id=507,tw=40",
		"Server disconnects client.\nThe client then connects to the Notification Server.",
	}
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>MSNP</title><script>window.cvqErrors = []; addEventListener("error", e => cvqErrors.push(String(e.message)))</script></head><body><main><h1>MSNP</h1>` + "\n")
	every := n / t
	for i, k := 0, 0; i < n; i++ {
		fmt.Fprintf(&b, "<h2>Section %d</h2>\n<p>The server reads the fields in order and stops at the first it refuses.</p>\n", i+1)
		if i%every == 0 && k < t {
			k++
			if k%2 == 1 {
				fmt.Fprintf(&b, "<pre><code>C: VER %d MSNP8 CVR0\nS: VER %d MSNP8\nC: CVR %d 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS\n.. example@passport.com\n</code></pre>\n", k, k, k+1)
			} else {
				fmt.Fprintf(&b, "<pre>&gt;&gt;&gt; CVQ %d 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com</pre>\n", k)
			}
			continue
		}
		fmt.Fprintf(&b, "<pre><code>%s</code></pre>\n", html.EscapeString(others[i%len(others)]))
	}
	b.WriteString("</main>\n" + tag + "</body></html>\n")
	return b.String()
}

func TestDocsDetectHostile(t *testing.T) {
	tag := `<script src="` + engineURLOr(t) + `/web/embed.js" data-cvq-base="` + engineURL + `/" data-cvq-detect defer></script>`
	long := "C: VER 1 MSNP8 CVR0\n" + strings.Repeat("x\n", 9999)
	blocks := []detectBlock{
		{"a transcript of 1 MB", "<pre>" + strings.Repeat("C: VER 1 MSNP8 CVR0\n", 1<<20/20) + "</pre>", "", ""},
		{"10,000 lines, a transcript", "<pre>" + long + "</pre>", long, "msnp-wiki"},
		{"10,000 lines, the client line past the first 1,000", "<pre>" + strings.Repeat("x\n", 5000) + "C: VER 1 MSNP8 CVR0\n" + strings.Repeat("x\n", 4999) + "</pre>", "", ""},
		{"control bytes", "<pre>C: VER 1 MSNP8 CVR0\x01\x02\nC: CVR 2 0x0409\x7f win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS\u0085\u2028</pre>",
			"C: VER 1 MSNP8 CVR0\x01\x02\nC: CVR 2 0x0409\x7f win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS\u0085\u2028", "msnp-wiki"},
		{"only looks like a transcript", "<pre>C: VER 1.0 of the protocol\nC: VERSION 2\nC: VER 12345678901 MSNP8\n>>> print(CVQ)\nS: VER 1 MSNP8</pre>", "", ""},
		{"markup in a transcript", "<pre>C: VER 1 MSNP8 CVR0 &lt;img src=x onerror=\"window.pwned=1\"&gt;\n&lt;script&gt;window.pwned=2&lt;/script&gt;</pre>",
			"C: VER 1 MSNP8 CVR0 <img src=x onerror=\"window.pwned=1\">\n<script>window.pwned=2</script>", "msnp-wiki"},
	}
	page := strings.Replace(detectPage(blocks, tag), "<title>", `<script>window.cvqErrors = []; addEventListener("error", e => cvqErrors.push(String(e.message)))</script><title>`, 1)
	ctx := openDocs(t, "/hostile-detect.html", page)
	// The page is about 1.3 million pixels tall: each example is brought
	// into view in turn.
	waitFor(t, ctx, "the three transcripts answered", `(() => {
  const hosts = [...document.querySelectorAll(".cvq-example")];
  const waiting = hosts.find(h => h.dataset.cvqState !== "answered");
  if (waiting) waiting.scrollIntoView();
  return hosts.length === 3 && !waiting;
})()`)
	checkDetected(t, "hostile-detect.html", blocks, eval[detectResult](t, ctx, detectedJS))
	if p := eval[any](t, ctx, `window.pwned`); p != nil {
		t.Errorf("a transcript's markup ran: window.pwned = %v", p)
	}
	if n := eval[int](t, ctx, `[...document.querySelectorAll(".cvq-example")].reduce((n, h) => n + h.shadowRoot.querySelectorAll("img, script").length, 0)`); n != 0 {
		t.Errorf("%d elements made from a transcript's text", n)
	}
	if errs := eval[[]string](t, ctx, `window.cvqErrors`); len(errs) != 0 {
		t.Errorf("errors on the page: %q", errs)
	}

	// 500 blocks, 20 of them transcripts: the 20 are found, nothing else.
	ctx = openDocs(t, "/wiki-500.html", wikiPage(500, 20, tag))
	if n := eval[int](t, ctx, `document.querySelectorAll(".cvq-example").length`); n != 20 {
		t.Errorf("%d of 500 blocks taken for examples, want the 20 transcripts", n)
	}
	scrollUntilAnswered(t, ctx, 20)
	if errs := eval[[]string](t, ctx, `window.cvqErrors`); len(errs) != 0 {
		t.Errorf("errors on the page of 500 blocks: %q", errs)
	}
}
