//go:build browser

package main

// The documented answers checked, as the view shows them, and the host's
// look: its colour scheme, its custom properties and ::part() rules.

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"cvq-playground/app/docs"
)

func TestDocsVerdictView(t *testing.T) {
	tag := `<script src="` + engineURLOr(t) + `/web/embed.js" data-cvq-base="` + engineURL + `/" data-cvq-detect defer></script>`
	ctx := openDocs(t, "/verdict.html", detectPage(wikiBlocks, tag))
	// The first example that differs, the first that matches, and their
	// views' places among the page's.
	n, wi, ri := 0, -1, -1
	var wrong, right detectBlock
	for _, bl := range wikiBlocks {
		if bl.input == "" {
			continue
		}
		switch docs.Answer(docs.Request{Policy: bl.policy, Input: bl.input}).Check {
		case "differ":
			if wi < 0 {
				wrong, wi = bl, n
			}
		case "match":
			if ri < 0 {
				right, ri = bl, n
			}
		}
		n++
	}
	if wi < 0 || ri < 0 {
		t.Fatal("the page has no example that differs or none that matches")
	}
	wrongJS := fmt.Sprintf(`document.querySelectorAll(".cvq-example")[%d].shadowRoot`, wi)
	scrollUntilAnswered(t, ctx, n)
	// The wrong answer: both lines side by side, and why.
	res := docs.Answer(docs.Request{Policy: wrong.policy, Input: wrong.input})
	var row docs.Row
	for _, r := range res.Rows {
		if r.Check == "differ" {
			row = r
		}
	}
	if row.Reason == "" {
		t.Errorf("the engine gives no reason for %q", wrong.name)
	}
	differJS := `(r => ({
  documented: [...r.querySelectorAll(".cmp .col:first-child .dl")].map(e => e.textContent),
  computed: (r.querySelector(".cmp .s") || {}).textContent || "",
  why: (r.querySelector(".cmp .why") || {}).textContent || "",
  header: (r.querySelector(".hd .vd") || {}).textContent || "",
}))(` + wrongJS + `)`
	type differView struct {
		Documented []string `json:"documented"`
		Computed   string   `json:"computed"`
		Why        string   `json:"why"`
		Header     string   `json:"header"`
	}
	got := eval[differView](t, ctx, differJS)
	want := differView{Computed: "S: " + row.Reply, Why: row.Reason, Header: "✗ 1 documented answer differs"}
	for _, d := range row.Doc {
		want.Documented = append(want.Documented, "S: "+d)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("the differing example shows %+v, want %+v", got, want)
	}
	// A matching example says so, on each line that documents an answer.
	rightRes := docs.Answer(docs.Request{Policy: right.policy, Input: right.input})
	marks := eval[[]string](t, ctx, `[...document.querySelectorAll(".cvq-example")[`+fmt.Sprint(ri)+`].shadowRoot.querySelectorAll(".x")].map(li => (li.querySelector(".ck") || {}).textContent || "")`)
	for i, r := range rightRes.Rows {
		if w := map[bool]string{true: "✓ matches the documentation"}[r.Check == "match"]; i >= len(marks) || marks[i] != w {
			t.Errorf("row %d of %q: %q, want %q", i+1, right.name, marks, w)
			break
		}
	}
	// The reader corrects the wrong line: the check follows, and the
	// live region says it once, with the answer.
	eval[bool](t, ctx, `(r => { [...r.querySelectorAll(".ft button")].find(b => b.textContent === "Edit lines").click(); return true })(`+wrongJS+`)`)
	fixed := strings.Split(wrong.input, "\n")[0] + "\nS: " + row.Reply
	eval[bool](t, ctx, fmt.Sprintf(`(a => { a.focus(); a.select(); document.execCommand("insertText", false, %q); return true })(%s.querySelector("textarea"))`, fixed, wrongJS))
	waitFor(t, ctx, "the corrected example matches", fmt.Sprintf(`document.querySelectorAll(".cvq-example")[%d].dataset.cvqCheck === "match"`, wi))
	say := eval[[]string](t, ctx, `[...document.querySelectorAll(".cvq-example")].map(h => h.shadowRoot.querySelector(".sr").textContent).filter(s => s)`)
	if len(say) != 1 || !strings.HasSuffix(say[0], "The documented answers match.") || strings.Count(say[0], "match") != 1 {
		t.Errorf("the live regions say %q, want one update ending with the verdict", say)
	}
}

// themePage is a page of two examples (one gives the light theme) in the
// host's styles.
func themePage(t *testing.T, style string) string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>theme</title><style>` + style + `</style></head><body><main>
<pre><code>C: VER 1 MSNP8 CVR0
S: VER 1 MSNP8</code></pre>
<pre data-theme="light"><code>C: VER 1 MSNP8 CVR0</code></pre>
</main><script src="` + engineURLOr(t) + `/web/embed.js" data-cvq-base="` + engineURL + `/" data-cvq-detect defer></script></body></html>`
}

const schemesJS = `[...document.querySelectorAll(".cvq-example")].map(h => (v => v.className + " " + getComputedStyle(v).backgroundColor)(h.shadowRoot.querySelector(".v")))`

func TestDocsHostScheme(t *testing.T) {
	dark, light := "v dark rgb(22, 25, 30)", "v light rgb(255, 255, 255)"
	for _, c := range []struct {
		name, style, prefers string
		want                 []string
	}{
		{"no scheme", "", "dark", []string{light, light}},
		{"color-scheme dark", ":root { color-scheme: dark }", "", []string{dark, light}},
		{"color-scheme light, reader prefers dark", ":root { color-scheme: light }", "dark", []string{light, light}},
		{"both, reader prefers dark", ":root { color-scheme: light dark }", "dark", []string{dark, light}},
		{"both, reader prefers light", ":root { color-scheme: light dark }", "light", []string{light, light}},
		{"a dark background, no scheme", "body { background: #1b1b1d; color: #eee }", "", []string{dark, light}},
		{"the host's own colours", ".cvq-example { --cvq-bg: rgb(1, 2, 3) } .cvq-example::part(view) { border-radius: 0 }", "", []string{"v light rgb(1, 2, 3)", "v light rgb(1, 2, 3)"}},
	} {
		ctx := openDocs(t, "/scheme.html", themePage(t, c.style))
		if c.prefers != "" {
			if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: c.prefers}}}); err != nil {
				t.Fatal(err)
			}
		}
		scrollUntilAnswered(t, ctx, 2)
		waitFor(t, ctx, c.name, fmt.Sprintf(`JSON.stringify(%s) === %q`, schemesJS, mustJSON(c.want)))
		if strings.Contains(c.style, "::part") {
			if r := eval[string](t, ctx, `getComputedStyle(document.querySelector(".cvq-example").shadowRoot.querySelector(".v")).borderTopLeftRadius`); r != "0px" {
				t.Errorf("::part(view) does not reach the view: border radius %s", r)
			}
		}
	}
	// A docs theme switched by a class: the views follow.
	ctx := openDocs(t, "/switch.html", themePage(t, "html.dark { background: #111; color: #eee }"))
	scrollUntilAnswered(t, ctx, 2)
	waitFor(t, ctx, "light first", fmt.Sprintf(`JSON.stringify(%s) === %q`, schemesJS, mustJSON([]string{light, light})))
	eval[bool](t, ctx, `document.documentElement.classList.add("dark"), true`)
	waitFor(t, ctx, "the views follow the switch", fmt.Sprintf(`JSON.stringify(%s) === %q`, schemesJS, mustJSON([]string{dark, light})))
}

// TestDocsStaticScheme: a rendered view, before any script, follows the
// host's color-scheme by CSS alone.
func TestDocsStaticScheme(t *testing.T) {
	src := strings.Replace(themePage(t, ":root { color-scheme: dark }"), "<pre><code>", "<pre><code class=\"language-cvq\">", 1)
	var out strings.Builder
	if err := docs.Render(&out, strings.NewReader(src), docs.RenderOptions{Policy: "msnp-wiki"}); err != nil {
		t.Fatal(err)
	}
	static := strings.Replace(out.String(), engineURL+"/web/embed.js", "/nowhere.js", 1)
	ctx := openDocs(t, "/static-scheme.html", static)
	waitFor(t, ctx, "the rendered view", `!!document.querySelector(".cvq-example").shadowRoot`)
	if got := eval[[]string](t, ctx, schemesJS); fmt.Sprint(got) != "[v rgb(22, 25, 30)]" {
		t.Errorf("the rendered view on a dark page: %q", got)
	}
}

func mustJSON(v []string) string {
	return `["` + strings.Join(v, `","`) + `"]`
}
