package main

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// erasPane shows what every built-in preset answers to the selected
// line, in timeline order, after the lines before it: the fields that
// differ from the answer of the policy in force are marked, and where
// the line has a pasted answer, the presets that reproduce it are named.
// A preset's name makes it the policy in force. The playground shows it
// at the end of the explanation of the line, when one is selected.
type erasPane struct {
	app.Compo
	View eraView
}

func (p *erasPane) Render() app.UI {
	v := &p.View
	cls := "eras-pane"
	if v.Stale {
		cls += " stale"
	}
	hint := "line " + strconv.Itoa(v.Line) + " · what each preset answers after the lines before it, compared with " + v.Reference
	if v.Stale {
		hint = "line " + strconv.Itoa(v.Line) + " · updated when typing pauses"
	}
	return app.Div().Class(cls).ID("eras").Role("region").Aria("labelledby", "eras-label").Aria("busy", v.Stale).Body(
		app.Div().Class("eras-head").Body(
			app.H3().ID("eras-label").Text("Every era"),
			app.Span().Class("hint").ID("eras-hint").Text(hint),
		),
		app.P().Class("eras-client").Body(app.Span().Class("pfx").Text("C:"), app.Code().Text(" "+v.Client)),
		app.If(v.Verdict != "", func() app.UI {
			cls := "verdict"
			if strings.HasPrefix(v.Verdict, "No ") {
				cls += " none"
			}
			return app.P().Class(cls).ID("eras-verdict").Text(v.Verdict)
		}),
		app.Div().Class("table-wrap").Body(app.Table().Class("eras").ID("eras-table").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Text("Preset"),
				app.Th().Scope("col").Text("Answer"),
				app.Th().Scope("col").Text("Difference"),
			)),
			app.TBody().Body(app.Range(v.Rows).Slice(func(i int) app.UI { return eraTableRow(&v.Rows[i], v.Expected) })),
		)),
	)
}

// eraTableRow draws one preset's answer.
func eraTableRow(r *eraRow, expected bool) app.UI {
	cls := "era"
	switch {
	case r.InForce:
		cls += " in-force"
	case len(r.Differs) > 0:
		cls += " era-differs"
	}
	if r.Reproduces {
		cls += " reproduces"
	}
	compared := "same answer"
	if len(r.Differs) > 0 {
		compared = "differs: " + strings.Join(r.Differs, ", ")
	}
	if r.InForce {
		compared = "in force"
	}
	return app.Tr().Class(cls).DataSet("preset", r.Name).Body(
		app.Th().Scope("row").Body(
			app.Span().Class("era-date").Text(r.Date+" "),
			app.Button().Type("button").Class("era-name").Title("Make "+r.Name+" the policy in force").
				OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionPreset, r.Name) }).Text(r.Name),
		),
		app.Td().Class("era-reply").DataSet("label", "answer").Body(
			app.If(len(r.Reply) > 0, func() app.UI {
				return app.Code().Body(app.Span().Class("pfx").Text("S: "), fieldSpans(r.Reply))
			}).Else(func() app.UI { return app.Span().Class("note").Text(r.Outcome) }),
			app.If(r.Close, func() app.UI { return app.Span().Class("era-close").Text(" · disconnects") }),
		),
		app.Td().Class("era-diff").DataSet("label", "compared").Body(
			app.Text(compared),
			app.If(expected && r.Reproduces, func() app.UI { return app.Span().Class("match").Text(" · ✓ as pasted") }),
		),
	)
}
