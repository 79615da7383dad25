package main

import (
	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pageHeader is the playground's title bar: the policy selector, the
// link, theme and help buttons, and the policy in force.
type pageHeader struct {
	app.Compo
	Preset                        string // the chosen built-in policy
	PolicyName, PolicyDescription string // of the policy in force
	PolicySource                  string // where the policy's answers are known from
	Edited                        bool   // the policy in force is an edited copy
	Theme                         string
	HelpOpen                      bool
}

func (h *pageHeader) Render() app.UI {
	builtIn := presets()
	themeLabel := "Dark theme"
	if h.Theme == "dark" {
		themeLabel = "Light theme"
	}
	return app.Header().Class("top").Body(
		app.Div().Class("brand").Body(
			app.H1().Text("CVQ playground"),
			app.P().Class("tagline").Text("What an MSN Messenger Dispatch Server answers to CVQ and CVR, field by field."),
		),
		app.Div().Class("controls").Body(
			app.Label().For("preset").Text("Policy"),
			app.Select().ID("preset").OnChange(func(ctx app.Context, e app.Event) {
				send(ctx, actionPreset, ctx.JSSrc().Get("value").String())
			}).Body(
				app.Range(builtIn).Slice(func(i int) app.UI {
					pol := builtIn[i]
					return option(pol.Name, pol.Name == h.Preset).Title(pol.Description).
						Text(presetLabel(pol))
				}),
			),
			app.Button().Type("button").Class("btn").ID("copy-link").
				OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionLink, nil) }).Text("Copy link"),
			app.Button().Type("button").Class("btn").ID("theme").
				OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionTheme, nil) }).Text(themeLabel),
			app.Button().Type("button").Class("btn").ID("help-button").Aria("expanded", h.HelpOpen).Aria("controls", "help").
				OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionHelp, !h.HelpOpen) }).Text("Help (?)"),
		),
		app.P().Class("policy-line").ID("policy-description").Body(
			app.Strong().Text(h.PolicyName),
			app.Text(": "+h.PolicyDescription),
			app.If(h.PolicySource != "", func() app.UI { return app.Span().Class("hint").Text(" Source: " + h.PolicySource + ".") }),
			app.If(h.Edited, func() app.UI { return app.Span().Class("badge").Text("edited") }),
		),
	)
}

// presetLabel names a built-in policy in the selector, which reads as a
// timeline of the service: date first.
func presetLabel(p *protocol.Policy) string {
	l := p.Date + " · " + p.Name
	if p.Name == protocol.DefaultPreset {
		l += " (default)"
	}
	return l
}
