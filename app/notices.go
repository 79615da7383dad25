package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// notices says what went wrong with a link, offers the user's own text
// back when a link or an opened file replaced it, and a reload into a new
// version.
type notices struct {
	app.Compo
	Update  bool   // a new version of the site is ready
	LinkMsg string // what went wrong with the link
	// ReplacedBy names what replaced the user's text, which a click
	// restores: "The link", or an opened file's name; "" when nothing did.
	ReplacedBy string
}

func (n *notices) Render() app.UI {
	return app.Div().Class("notices").Body(
		app.If(n.Update, func() app.UI {
			return app.P().Class("notice").ID("update-notice").Role("status").Body(
				app.Text("A new version of the playground is ready. "),
				app.Button().Type("button").Class("btn small").OnClick(func(ctx app.Context, e app.Event) { ctx.Reload() }).Text("Reload"),
			)
		}),
		app.If(n.LinkMsg != "", func() app.UI {
			return app.P().Class("warn").ID("link-message").Role("alert").Text(n.LinkMsg)
		}),
		app.If(n.ReplacedBy != "", func() app.UI {
			return app.P().Class("notice").ID("restore-notice").Body(
				app.Text(n.ReplacedBy+" replaced your text. "),
				app.Button().Type("button").Class("btn small").ID("restore").
					OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionRestore, nil) }).Text("Restore your text"),
				app.Button().Type("button").Class("btn small").
					OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionDismiss, nil) }).Text("Dismiss"),
			)
		}),
	)
}
