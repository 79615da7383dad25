package main

import (
	"strings"

	"cvq-playground/wasm"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embed is the page at /embed for documentation: the editor, the computed
// answers and the explanation behind a disclosure, with no site chrome,
// and a link that opens the same state in the playground. It leaves the
// playground's storage and the address bar alone.
type embed struct {
	app.Compo
	pageCore
	home   string // the playground's address, relative to the embed
	update bool   // a new version of the site is ready
}

func newEmbed() *embed {
	e := &embed{home: "./"}
	e.pageState = newPageState()
	return e
}

// OnAppUpdate offers to reload into a new version of the site.
func (e *embed) OnAppUpdate(ctx app.Context) {
	e.update = ctx.AppUpdateAvailable()
}

// OnMount runs in the browser: it shows what the link carries and tells
// the host page its height.
func (e *embed) OnMount(ctx app.Context) {
	e.mount(ctx, "")
	// /embed/ sits one folder below the playground; /embed and
	// /embed.html beside it.
	if strings.HasSuffix(ctx.Page().URL().Path, "/embed/") {
		e.home = "../"
	}
	if err := wasm.ReportHeight(); err != nil {
		e.status = "Could not report the height to the page: " + err.Error()
	}
}

// OnDismount releases the listeners OnMount added.
func (e *embed) OnDismount() { e.dismount() }

func (e *embed) Render() app.UI {
	return app.Main().Class("root embed").Body(
		app.H1().Class("sr-only").Text("CVQ example"),
		&notices{Update: e.update, LinkMsg: e.linkMsg},
		app.Div().Class("embed-grid").Body(
			&editorPane{Text: e.input, Rows: embedRows(e.input), Wrap: "soft", Skipped: e.res.Skipped},
			newTranscriptPane(&e.pageState),
		),
		&announcer{Text: e.announced},
		app.Details().Class("embed-explain").Body(
			app.Summary().Text("Explain the selected line"),
			newExplanationPane(&e.pageState),
		),
		app.P().Class("embed-foot").Body(
			app.Span().Class("hint").Text("policy "+e.policy.Name+" · computed in your browser"),
			app.A().ID("open-playground").Href(e.home+"#"+e.link).Target("_blank").Rel("noopener").Text("Open in playground ↗"),
		),
		app.If(app.IsClient, func() app.UI { // as the playground's
			return app.Div().ID("wasm-ready").Hidden(true)
		}),
	)
}

// embedRows fits the embed's editor to its text, so that the frame, not
// the editor, grows.
func embedRows(text string) int {
	return min(max(strings.Count(text, "\n")+2, 3), 40)
}
