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

// policyFields documents each field of a policy's JSON, for the policy
// editor's help.
var policyFields = [][2]string{
	{"name, description, date, source", "what the policy is, when such a server answered so, and where that is known from"},
	{"dialects", "the dialects VER accepts: MSNP2…MSNP21 and CVR0"},
	{"verReply", `how VER is answered: "chosen" (the default) names the chosen dialect only, "echo" repeats every offered dialect the server speaks, as servers of 2006–2008 did`},
	{"lcids", "the accepted locales, as 0x0409; left out, the full reference table"},
	{"catalog", "each library with its first and last known build; a client outside is unknown (420, or 1.0.0000 for CVR)"},
	{"rules", "tried in order: library, from/to versions, locales and systems to match, and the offer (recommended, recommended2, minimum, optional urls)"},
	{"urls", `download and fallback of an offer whose rule names none; "emptyAfterDownload": true writes an empty field after the download URL (two spaces), as a server of 2010 did`},
	{"localUrls", "urls that replace them for a locale, keyed by LCID"},
	{"unknownClientCvr", `what CVR answers an unknown client: "fixed" (1.0.0000 three times, the default) or "echo" (its own version as the minimum)`},
	{"maxLine", "the longest client line in bytes; 0 means 2048"},
}

// renderPolicyFields lists the fields behind a disclosure.
func renderPolicyFields() app.UI {
	return app.Details().Class("policy-fields").ID("policy-fields").Body(
		app.Summary().Text("Fields of a policy"),
		app.Dl().Body(app.Range(policyFields).Slice(func(i int) app.UI {
			return app.Div().Body(app.Dt().Body(app.Code().Text(policyFields[i][0])), app.Dd().Text(policyFields[i][1]))
		})),
	)
}
