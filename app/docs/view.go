package docs

import (
	_ "embed"
	"html"
	"strconv"
	"strings"
)

// CSS styles an example's view, static or live, inside its shadow root.
// A documentation theme makes the view its own with custom properties,
// set on the page or on .cvq-example, which both schemes take:
//
//	--cvq-bg --cvq-fg --cvq-muted --cvq-border --cvq-head-bg --cvq-accent
//	--cvq-ok --cvq-error --cvq-warn --cvq-selected --cvq-differ-bg
//	--cvq-font-mono --cvq-font-ui --cvq-radius
//
// and with ::part() rules on the parts named view, header, verdict,
// message, lines, client, server, match, differ, explanation, footer,
// button, link and editor. Without a theme class ("light", "dark") a view
// follows the host's color-scheme (light, dark, or both and then the
// reader's prefers-color-scheme); embed.js sets the class from what the
// host shows.
//
//go:embed view.css
var CSS string

// View is how an example's answer is drawn: its number on the page, its
// options, and the playground's address for "Open in playground" (no
// link if empty).
type View struct {
	N       int
	Opts    Options
	Input   string // the lines, options removed, for the link
	BaseURL string
}

// The markup below is also drawn by embed.js (static/embed/6-view.js and
// 7-verdict.js), element for element with the same classes and part
// names, so that the live view replaces the static one at the same
// height; the browser tests compare the two.

// WriteStatic writes res as the static view of an example: the element
// embed.js attaches to, with its answer in a declarative shadow root. Its
// data-cvq-check is the example's verdict on its documented answers.
func WriteStatic(b *strings.Builder, res *Result, v View) {
	b.WriteString(`<div class="cvq-example" data-cvq-rendered data-cvq-check="` + esc(checkOf(res)) + `">`)
	b.WriteString(`<template shadowrootmode="open"><style>`)
	b.WriteString(CSS)
	b.WriteString(`</style>`)
	writeView(b, res, v)
	b.WriteString(`</template></div>`)
}

func checkOf(res *Result) string {
	if res.Check == "" {
		return CheckNone.String()
	}
	return res.Check
}

func writeView(b *strings.Builder, res *Result, v View) {
	cls := "v"
	if v.Opts.Theme != "" {
		cls += " " + v.Opts.Theme
	}
	label := "CVQ example " + strconv.Itoa(v.N)
	b.WriteString(`<div class="` + cls + `" part="view" role="group" aria-label="` + esc(label) + `">`)
	b.WriteString(`<div class="hd" part="header"><span>Server answers</span><span class="pol">policy ` + esc(res.Policy) + `</span>`)
	writeVerdict(b, res)
	b.WriteString(`</div>`)
	if res.Error != "" {
		b.WriteString(`<p class="msg" part="message">` + esc(res.Error) + `</p>`)
	}
	b.WriteString(`<ol class="tr" part="lines">`)
	sel := 0
	if res.Explain != nil {
		sel = res.Explain.Line
	}
	for i := range res.Rows {
		writeRow(b, &res.Rows[i], sel)
	}
	b.WriteString(`</ol>`)
	if res.More > 0 {
		b.WriteString(`<p class="more">` + esc(moreText(res.More)) + `</p>`)
	}
	if res.Explain != nil {
		writeExplain(b, res.Explain)
	}
	b.WriteString(`<p class="sr" role="status"></p>`)
	b.WriteString(`<p class="ft" part="footer"><span class="sp">computed by cvq-playground</span>`)
	if v.BaseURL != "" {
		b.WriteString(`<a class="open" part="link" href="` + esc(OpenURL(v.BaseURL, res.Policy, v.Input, v.Opts)) + `">Open in playground</a>`)
	}
	b.WriteString(`</p></div>`)
}

func writeRow(b *strings.Builder, r *Row, sel int) {
	cls := "x"
	if r.Status == "error" {
		cls += " err"
	}
	b.WriteString(`<li class="` + cls + `">`)
	if r.NewConn {
		b.WriteString(`<span class="cb">new connection ` + strconv.Itoa(r.Conn) + `</span>`)
	}
	c := "c"
	if r.Line == sel {
		c += " on" // the line explained below
	}
	b.WriteString(`<span class="` + c + `" part="client"><span class="n">` + strconv.Itoa(r.Line) + `</span><span class="p">C:</span> ` + esc(r.Client) + `</span>`)
	if r.Check == CheckDiffer.String() {
		writeDiffer(b, r)
	} else {
		if r.Reply != "" {
			writeServer(b, r.Reply)
		}
		if r.Check == CheckMatch.String() {
			b.WriteString(`<span class="ck" part="match"><span class="mk" aria-hidden="true">✓ </span>matches the documentation</span>`)
		}
	}
	if r.Note != "" && !(r.Check == CheckDiffer.String() && r.Note == r.Reason) {
		b.WriteString(`<span class="note">` + esc(r.Note) + `</span>`)
	}
	if r.Close && r.Check != CheckDiffer.String() {
		b.WriteString(`<span class="cl">Server disconnects client.</span>`)
	}
	if r.Reaction != "" {
		b.WriteString(`<span class="re ` + reactionClass(r.Reaction) + `">Client: ` + esc(r.Reaction) + `</span>`)
	}
	b.WriteString(`</li>`)
}

func writeServer(b *strings.Builder, reply string) {
	b.WriteString(`<span class="s" part="server"><span class="p">S:</span> ` + esc(reply) + `</span>`)
}

// writeExplain writes the explanation of the selected line: its fields,
// the checks in order, the outcome and the client's reaction.
func writeExplain(b *strings.Builder, x *Explain) {
	b.WriteString(`<div class="ex" part="explanation"><p class="exh">Line ` + strconv.Itoa(x.Line) + ` explained</p>`)
	if len(x.Fields) > 0 {
		b.WriteString(`<table><tr><th scope="col">field</th><th scope="col">raw</th><th scope="col">value</th><th scope="col">status</th></tr>`)
		for _, f := range x.Fields {
			value := f.Value
			if f.Note != "" {
				value += " — " + f.Note
			}
			b.WriteString(`<tr><th scope="row">` + esc(f.Name) + `</th><td><code>` + esc(f.Raw) + `</code></td><td>` + esc(value) +
				`</td><td class="` + statusClass(f.Status) + `">` + esc(f.Check) + `</td></tr>`)
		}
		b.WriteString(`</table>`)
	}
	if len(x.Steps) > 0 {
		b.WriteString(`<p class="exh">Checks, in order</p><ol>`)
		for _, st := range x.Steps {
			b.WriteString(`<li class="` + statusClass(st.Status) + `">` + esc(st.Name+": "+st.Detail) + `</li>`)
		}
		b.WriteString(`</ol>`)
	}
	if x.Outcome != "" {
		b.WriteString(`<p>` + esc(x.Outcome) + `</p>`)
	}
	if x.Reaction != "" {
		b.WriteString(`<p>` + esc(x.Reaction) + `</p>`)
	}
	b.WriteString(`</div>`)
}

// statusClass is "st-" and the status with dashes for spaces.
func statusClass(s string) string { return "st-" + strings.Join(strings.Fields(s), "-") }

func reactionClass(r string) string {
	switch r {
	case "must upgrade":
		return "must"
	case "upgrade offered":
		return "offered"
	case "up to date":
		return "uptodate"
	}
	return "other"
}

func moreText(n int) string {
	if n == 1 {
		return "1 more client line not shown"
	}
	return strconv.Itoa(n) + " more client lines not shown"
}

// OpenURL is the playground's readable share link for an example:
// base#policy=…&in=…[&sel=N][&theme=T].
func OpenURL(base, policy, input string, o Options) string {
	u := base + "#policy=" + fragmentEscape(policy) + "&in=" + fragmentEscape(input)
	if o.Sel > 0 {
		u += "&sel=" + strconv.Itoa(o.Sel)
	}
	if o.Theme != "" {
		u += "&theme=" + fragmentEscape(o.Theme)
	}
	return u
}

// fragmentEscape percent-encodes all but letters, digits and -._~, as
// encodeURIComponent does in embed.js.
func fragmentEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func esc(s string) string { return html.EscapeString(s) }
