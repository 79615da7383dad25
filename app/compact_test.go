//go:build !wasm

package main

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The prerendered page must hold exactly the text the WebAssembly draws:
// go-app's indentation goes, the page's own whitespace stays.
func TestCompactHTML(t *testing.T) {
	ui := app.Div().Class("a").Body(
		app.Span().Class("pfx").Text("C:"),
		app.Text(" "),
		app.Span().Class("cline").Body(
			app.Span().Text("CVQ"),
			app.Span().Class("gap").Text(" \t "),
			app.Span().Text("1"),
		),
		app.Div().Body(app.Span().Text("S:"), app.Text(" CVQ 1  5.0")),
		app.Br(),
		app.Textarea().Body(app.Text("line 1\n    indented\n\nlast")),
		app.P().Text("x > y"),
	)
	in := app.HTMLString(ui)
	if !strings.Contains(in, "\n") {
		t.Fatalf("the encoder no longer indents: %q", in)
	}
	want := `<div class="a"><span class="pfx">C:</span> <span class="cline"><span>CVQ</span><span class="gap"> ` + "\t" + ` </span><span>1</span></span><div><span>S:</span> CVQ 1  5.0</div><br><textarea>line 1
    indented

last</textarea><p>x &gt; y</p></div>`
	if got := string(compactHTML([]byte(in))); got != want {
		t.Errorf("compactHTML(%q)\n= %q\nwant %q", in, got, want)
	}
}

func TestCompactPage(t *testing.T) {
	base := startServer(t)
	_, body := get(t, base+"/")
	for _, want := range []string{
		`<span class="lineno">1</span><span class="sr-only">: </span><span class="pfx" aria-hidden>C:</span> <span class="cline"><span class="tok f-command">CVQ</span><span class="gap"> </span>`,
		`<textarea`, "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nCVQ 2 0x0409",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the prerendered page lacks %q", want)
		}
	}
	if strings.Count(body, " selected") != 1 {
		t.Errorf("%d options are marked selected in the prerendered policy list, want 1", strings.Count(body, " selected"))
	}
}
