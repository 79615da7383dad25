package main

import (
	"fmt"
	"strconv"

	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// explanationPane explains the selected line: its tokens and fields, the
// checks in order, the reply's fields, and the client's reaction. A token
// and its row share a colour and a data-t key; CSS highlights both when
// either is hovered or focused.
type explanationPane struct {
	app.Compo
	Selected bool   // a line is selected; the rest is empty when not
	Where    string // line, connection and dialect
	Reply    string // the server's line, for the copy button
	Ex       protocol.Explanation
	Timeline timelineView
	Eras     eraView // every preset's answer to the line; empty where not shown
}

// newExplanationPane explains the selected line of s.
func newExplanationPane(s *pageState) *explanationPane {
	r := s.selected()
	if r == nil {
		return &explanationPane{}
	}
	x := s.res.exchange(s.policy, s.sel)
	where := fmt.Sprintf("line %d · connection %d", r.Line, r.Conn)
	if x.Dialect != "" {
		where += " · " + x.Dialect
		if x.Implicit {
			where += " (implicit)"
		}
	}
	return &explanationPane{Selected: true, Where: where, Reply: x.Reply, Ex: protocol.Explain(s.policy, &x), Timeline: newTimeline(&x)}
}

func (p *explanationPane) Render() app.UI {
	if !p.Selected {
		return app.Section().Class("pane explain-pane").ID("explanation").Body(
			app.H2().Text("Explanation"),
			app.P().Class("empty").Text("Select a client line to see every field explained."),
		)
	}
	ex := &p.Ex
	return app.Section().Class("pane explain-pane").ID("explanation").Aria("labelledby", "explain-label").Body(
		app.Div().Class("pane-head").Body(
			app.H2().ID("explain-label").Text("Explanation"),
			app.Span().Class("hint").Text(p.Where),
			app.If(p.Reply != "", func() app.UI {
				return app.Button().Type("button").Class("btn small").ID("copy-response").
					OnClick(func(ctx app.Context, e app.Event) {
						send(ctx, actionCopy, copyText{"the response line", p.Reply})
					}).
					Text("Copy response line")
			}),
		),
		app.Div().Class("xp").Body(
			app.H3().Text("Request"),
			tokenStrip("C:", "q", ex.Request),
			fieldTable("request-fields", "q", ex.Request, true),
			app.H3().Text("Decision"),
			renderSteps(ex.Steps),
			app.P().Class("outcome").ID("outcome").Text(ex.Outcome),
			app.If(len(ex.Response) > 0, func() app.UI {
				return app.Div().Body(
					app.H3().Text("Response"),
					tokenStrip("S:", "r", ex.Response),
					fieldTable("response-fields", "r", ex.Response, false),
				)
			}),
			app.If(ex.ReactionText != "", func() app.UI {
				return app.Div().Class("reaction react-"+ex.Reaction.String()).ID("reaction").Body(
					app.Strong().Text(reactionTitle(ex.Reaction)),
					app.P().Text(ex.ReactionText),
					app.If(len(p.Timeline.Builds) > 0, func() app.UI { return &timeline{View: p.Timeline} }),
				)
			}),
			app.If(p.Eras.Line > 0, func() app.UI { return &erasPane{View: p.Eras} }),
		),
	)
}

func reactionTitle(r protocol.Reaction) string { return "Client: " + r.Text() }

// tokenStrip shows the tokens of a line as focusable chips, missing
// fields as placeholders where they would be.
func tokenStrip(prefix, side string, fs []protocol.Field) app.UI {
	return app.P().Class("strip").Body(
		app.Span().Class("pfx").Text(prefix),
		app.Range(fs).Slice(func(i int) app.UI {
			f := fs[i]
			cls := "chip f-" + f.Key + " st-" + f.Status.String()
			text := printableLine(f.Raw)
			if f.Present && f.Raw == "" {
				text = "‹empty›" // a field with nothing in it, as two spaces on the wire
				cls += " absent"
			}
			if !f.Present {
				if f.Note == "optional" {
					return app.Text("")
				}
				text = "‹" + f.Name + "›"
				cls += " absent"
			}
			if len(text) > 200 {
				text = text[:200] + "…"
			}
			return app.Span().Class(cls).DataSet("t", side+strconv.Itoa(i)).TabIndex(0).
				Aria("label", f.Name+": "+text).Title(f.Name).Text(text)
		}),
	)
}

// fieldTable lists fields with their meaning and value; request fields
// also say whether the server checks them.
func fieldTable(id, side string, fs []protocol.Field, request bool) app.UI {
	return app.Div().Class("table-wrap").Body(app.Table().Class("fields").ID(id).Body(
		app.THead().Body(app.Tr().Body(
			app.Th().Scope("col").Text("Field"),
			app.Th().Scope("col").Text("Raw"),
			app.Th().Scope("col").Text("Meaning"),
			app.Th().Scope("col").Text("Value"),
			app.If(request, func() app.UI { return app.Th().Scope("col").Text("Checked") }),
			app.Th().Scope("col").Text("Source"),
		)),
		app.TBody().Body(app.Range(fs).Slice(func(i int) app.UI {
			f := fs[i]
			raw := printableLine(f.Raw)
			if !f.Present {
				raw = "(missing)"
			}
			checked := "no"
			if f.Checked {
				checked = "yes"
			}
			return app.Tr().Class("f-"+f.Key+" st-"+f.Status.String()).DataSet("t", side+strconv.Itoa(i)).TabIndex(0).Body(
				app.Th().Scope("row").Text(f.Name),
				app.Td().DataSet("label", "raw").Body(app.Code().Text(raw)),
				app.Td().DataSet("label", "meaning").Text(f.Meaning),
				app.Td().DataSet("label", "value").Body(
					app.If(request, func() app.UI {
						return app.Span().Class("status").Title(f.Status.Text()).Text(f.Status.Symbol() + " ")
					}),
					app.Text(f.Value),
					app.If(f.Note != "", func() app.UI { return app.Div().Class("fnote").Text(f.Note) }),
				),
				app.If(request, func() app.UI { return app.Td().DataSet("label", "checked").Text(checked) }),
				app.Td().DataSet("label", "source").Class("src src-"+f.Source.String()).Text(f.Source.Text()),
			)
		})),
	))
}

func renderSteps(steps []protocol.Step) app.UI {
	return app.Ol().Class("steps").ID("steps").Body(app.Range(steps).Slice(func(i int) app.UI {
		s := steps[i]
		return app.Li().Class("step st-"+s.Status.String()).Body(
			app.Span().Class("status").Text(s.Status.Symbol()),
			app.Strong().Text(" "+s.Name+": "),
			app.Text(s.Detail),
			app.Span().Class("src src-"+s.Source.String()).Text(" · "+s.Source.Text()),
		)
	}))
}
