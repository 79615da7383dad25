package main

import (
	"strconv"

	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// textPart is a piece of text with its class.
type textPart struct{ Class, Text string }

// rowView is one client line of the computed transcript with what the
// server did.
type rowView struct {
	Index, Line, Conn          int
	NewConn, Selected, Differs bool
	Text                       string
	Tokens                     []textPart
	Missing                    bool // the server's complaint is about what the line lacks at its end
	Server                     []serverPart
	// Before are the comments above the line (a recording's case heading
	// among them), After the notes under it (see rowNotes).
	Before []textPart
	After  []string
}

// transcriptRow draws a rowView; a click selects it.
type transcriptRow struct {
	app.Compo
	Row rowView
}

func (t *transcriptRow) Render() app.UI {
	r := &t.Row
	cls := "exchange"
	if r.Selected {
		cls += " sel"
	}
	if r.Differs {
		cls += " differs"
	}
	return app.Li().Class(cls).Body(
		app.If(r.NewConn, func() app.UI {
			return app.Div().Class("conn-break").Text("new connection " + strconv.Itoa(r.Conn))
		}),
		app.Range(r.Before).Slice(func(i int) app.UI {
			return app.Div().Class(r.Before[i].Class).Text(r.Before[i].Text)
		}),
		// The name is the visible text with its purpose before it, read
		// as "Explain line 2: CVQ 2 …" (an aria-label would hide the
		// visible text from speech input).
		app.Button().Type("button").Class("line-button").Aria("current", r.Selected).
			OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionSelect, r.Index) }).Body(
			app.Span().Class("sr-only").Text("Explain line "),
			app.Span().Class("lineno").Text(strconv.Itoa(r.Line)),
			app.Span().Class("sr-only").Text(": "),
			app.Span().Class("pfx").Aria("hidden", true).Text("C:"),
			app.Text(" "),
			app.Span().Class("cline").Body(app.Range(r.Tokens).Slice(func(i int) app.UI {
				return app.Span().Class(r.Tokens[i].Class).Text(r.Tokens[i].Text)
			})),
			app.If(r.Missing, func() app.UI {
				return app.Span().Class("missing-mark").Title("parameters are missing here").Text(" ⟂")
			}),
		),
		app.Div().Class("server").Body(app.Range(r.Server).Slice(func(i int) app.UI {
			part := r.Server[i]
			switch {
			case part.Class == "sline":
				return app.Div().Class("sline").Body(app.Span().Class("pfx").Text("S:"), app.Text(" "+part.Text))
			case len(part.Fields) > 0:
				return app.Div().Class(part.Class).Body(app.Text(part.Text), fieldSpans(part.Fields))
			}
			return app.Div().Class(part.Class).Text(part.Text)
		})),
		app.Range(r.After).Slice(func(i int) app.UI { return app.Div().Class("server comment").Text(r.After[i]) }),
	)
}

// tokenParts splits a client line into coloured tokens and the gaps
// between them, marking the one the server refused or closed on.
func tokenParts(x *protocol.Exchange) []textPart {
	line := x.Line
	bad := protocol.Span{Start: -1, End: -1}
	switch {
	case x.Fault != protocol.FaultNone:
		bad = x.Span
	case x.HasDecision() && (x.Decision.Code != 0 || x.Decision.Unknown):
		bad = x.Decision.Span
	}
	if len(line) > 4096 {
		return []textPart{{"tok bad", printableLine(line[:4096]) + "…"}}
	}
	var out []textPart
	cmd := x.Req.CommandName()
	at := 0
	for i, t := range protocol.Tokenize(line) {
		if t.Start > at {
			out = append(out, textPart{"gap", printableLine(line[at:t.Start])})
		}
		cls := "tok f-" + protocol.TokenKey(cmd, i)
		if (t.Start >= bad.Start && t.Start < bad.End) || (bad.Start == bad.End && t.Start == bad.Start && bad.Start >= 0) {
			cls += " bad"
		}
		out = append(out, textPart{cls, printableLine(t.In(line))})
		at = t.End
	}
	if at < len(line) {
		out = append(out, textPart{"gap", printableLine(line[at:])})
	}
	return out
}

// missingAtEnd reports whether the server's complaint is about what the
// line lacks at its end (too few parameters, a missing TrID).
func missingAtEnd(x *protocol.Exchange) bool {
	sp := x.Span
	if x.HasDecision() && x.Fault == protocol.FaultNone {
		sp = x.Decision.Span
		if x.Decision.Code == 0 && !x.Decision.Unknown {
			return false
		}
	} else if x.Fault == protocol.FaultNone {
		return false
	}
	return sp.Start == sp.End && sp.Start >= len(x.Line)
}

// fieldSpans draws a server line's fields, the differing ones marked.
func fieldSpans(fs []textPart) app.UI {
	return app.Span().Class("fields-line").Body(app.Range(fs).Slice(func(i int) app.UI {
		if fs[i].Class == "fld diff" {
			return app.Mark().Class(fs[i].Class).Text(fs[i].Text)
		}
		return app.Span().Class(fs[i].Class).Text(fs[i].Text)
	}))
}
