package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderNotices shows what went wrong with a link, and offers the user's
// own text back when a link replaced it.
func (p *playground) renderNotices() app.UI {
	return app.Div().Class("notices").Body(
		app.If(p.update, func() app.UI {
			return app.P().Class("notice").ID("update-notice").Role("status").Body(
				app.Text("A new version of the playground is ready. "),
				app.Button().Type("button").Class("btn small").OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }).Text("Reload"),
			)
		}),
		app.If(p.linkMsg != "", func() app.UI {
			return app.P().Class("warn").ID("link-message").Role("alert").Text(p.linkMsg)
		}),
		app.If(p.previous != "", func() app.UI {
			return app.P().Class("notice").ID("restore-notice").Body(
				app.Text("The link replaced your text. "),
				app.Button().Type("button").Class("btn small").ID("restore").OnClick(func(ctx app.Context, e app.Event) {
					p.setInput(p.previous, 1)
					p.pushEditors(ctx)
					p.previous = ""
					p.save(ctx)
				}).Text("Restore your text"),
				app.Button().Type("button").Class("btn small").OnClick(func(ctx app.Context, e app.Event) { p.previous = "" }).Text("Dismiss"),
			)
		}),
	)
}

// renderEmbed is the /embed page for documentation: the editor, the
// computed answers and the explanation behind a disclosure, with no site
// chrome, and a link that opens the same state in the playground.
func (p *playground) renderEmbed() app.UI {
	return app.Main().Class("root embed").Body(
		app.H1().Class("sr-only").Text("CVQ example"),
		p.renderNotices(),
		app.Div().Class("embed-grid").Body(
			p.renderEditor(),
			p.renderTranscript(),
		),
		p.renderAnnouncer(),
		app.Details().Class("embed-explain").Body(
			app.Summary().Text("Explain the selected line"),
			p.renderExplanation(),
		),
		app.P().Class("embed-foot").Body(
			app.Span().Class("hint").Text("policy "+p.policy.Name+" · computed in your browser"),
			app.A().ID("open-playground").Href(p.home+"#"+p.link).Target("_blank").Rel("noopener").Text("Open in playground ↗"),
		),
		app.If(p.mounted, func() app.UI {
			return app.Div().ID("wasm-ready").Hidden(true)
		}),
	)
}
