package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// policyView is what the policy editor shows of the policy in force.
type policyView struct {
	Name, Date, Source string
	Preset             string // the built-in policy an edit started from
	Edited             bool
	Err                string // the mistake in the edited copy
	Text               string // the JSON, in the prerendered page only (see serverText)
}

// policyEditor shows the policy in force and lets the user edit a copy.
type policyEditor struct {
	app.Compo
	View policyView
}

func (p *policyEditor) Render() app.UI {
	v := &p.View
	return app.Div().Class("policy").Body(
		app.P().Body(
			app.Strong().Text(v.Name),
			app.Text(" · "+v.Date+" · "+v.Source),
		),
		app.P().Class("hint").Text("Edit a copy of the policy here: it takes effect as soon as it is valid. While it has a mistake, the last valid policy stays in force."),
		renderPolicyFields(),
		app.Label().For("policy-json").Class("sr-only").Text("Policy JSON"),
		app.Textarea().ID("policy-json").Class("editor policy-editor").Spellcheck(false).Wrap("off").
			Aria("invalid", v.Err != "").Aria("describedby", "policy-error").
			Body(serverText(v.Text)).
			OnInput(func(ctx app.Context, e app.Event) { send(ctx, actionPolicy, ctx.JSSrc().Get("value").String()) }),
		app.If(v.Err != "", func() app.UI {
			return app.P().Class("error-msg").ID("policy-error").Role("alert").Text(v.Err)
		}),
		app.If(v.Edited, func() app.UI {
			return app.Button().Type("button").Class("btn small").ID("policy-reset").
				OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionReset, nil) }).
				Text("Back to the preset " + v.Preset)
		}),
	)
}
