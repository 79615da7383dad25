package main

import (
	"fmt"
	"strconv"

	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderTranscript shows each client line with what the server did: its
// reply, the reason for a refusal or a silent close, the disconnects, and
// where pasted expectations differ.
func (p *playground) renderTranscript() app.UI {
	res := &p.res
	summary := plural(len(res.Rows), "client line") + ", " + plural(conns(res), "connection")
	if res.Differs > 0 {
		summary += fmt.Sprintf(", %d differ from the pasted answers", res.Differs)
	}
	return app.Section().Class("pane transcript-pane").Aria("labelledby", "transcript-label").Body(
		app.Div().Class("pane-head").Body(
			app.H2().ID("transcript-label").Text("Server"),
			app.Span().Class("hint").ID("transcript-summary").Text(summary),
			app.Button().Type("button").Class("btn small").ID("copy-transcript").
				OnClick(func(ctx app.Context, e app.Event) { p.copy(ctx, "the transcript", respondText(p.policy, p.input)) }).
				Text("Copy transcript"),
		),
		app.If(len(res.Transcript.Stray) > 0, func() app.UI {
			return app.P().Class("warn").Textf("%d server line(s) come before any client line and are not compared.", len(res.Transcript.Stray))
		}),
		app.If(len(res.Rows) == 0, func() app.UI {
			return app.P().Class("empty").Text("No client lines yet. Type one in the editor, or load an example.")
		}),
		p.renderRows(),
	)
}

// renderRows draws the rows of the window around the selected line, with
// a way to the others when there are too many to draw at once.
func (p *playground) renderRows() app.UI {
	from, to := p.res.window(p.sel)
	n := len(p.res.Rows)
	jump := func(id string, target int, text string) app.UI {
		return app.Li().Class("more").Body(app.Button().Type("button").Class("btn small").ID(id).
			OnClick(p.selectRow(target), app.EventScope(target)).Text(text))
	}
	return app.Ol().Class("transcript").ID("transcript").Aria("label", "computed transcript").Body(
		app.If(from > 0, func() app.UI {
			return jump("rows-before", from-1, fmt.Sprintf("↑ %d earlier client lines (editor lines 1–%d)", from, p.res.Rows[from-1].Line))
		}),
		app.Range(p.res.Rows[from:to]).Slice(func(i int) app.UI { return p.renderRow(from + i) }),
		app.If(to < n, func() app.UI {
			return jump("rows-after", to, fmt.Sprintf("↓ %d more client lines (editor lines %d–%d)", n-to, p.res.Rows[to].Line, p.res.Rows[n-1].Line))
		}),
	)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

func conns(res *result) int {
	if len(res.Rows) == 0 {
		return 0
	}
	return res.Rows[len(res.Rows)-1].Conn - res.Rows[0].Conn + 1
}

// actionSelect is sent by a transcript row when it is clicked.
const actionSelect = "cvq/select-row"

// renderRow describes row i for its component: plain data, so that go-app
// redraws only the rows whose data changed.
func (p *playground) renderRow(i int) app.UI {
	r := &p.res.Rows[i]
	xv := p.res.exchange(p.policy, i)
	x := &xv
	e := &p.res.Transcript.Entries[r.Entry]
	var server []textPart
	switch x.Kind {
	case protocol.KindReplied:
		server = append(server, textPart{"sline", x.Reply})
	case protocol.KindNotSimulated:
		server = append(server, textPart{"note", "# not simulated: " + x.Req.CommandName()})
	}
	if why := protocol.Why(p.policy, x); why != "" {
		server = append(server, textPart{"why", "⚠ " + why})
	}
	if e.LinesDiffer(x) {
		if len(e.Expect) == 0 {
			server = append(server, textPart{"expect", "! expected no reply"})
		}
		for _, l := range e.Expect {
			server = append(server, textPart{"expect", "! expected: " + l})
		}
	}
	if e.CloseDiffers(x) {
		server = append(server, textPart{"expect", "! expected: " + protocol.DisconnectLine})
	} else if e.Expected && !r.Differs {
		server = append(server, textPart{"match", "✓ matches the pasted answer"})
	}
	if x.Close {
		server = append(server, textPart{"close", protocol.DisconnectLine})
	}
	return &transcriptRow{
		Index: i, Line: r.Line, Conn: r.Conn, NewConn: r.NewConn, Selected: i == p.sel, Differs: r.Differs,
		Text: x.Line, Tokens: tokenParts(x), Missing: missingAtEnd(x), Server: server,
	}
}

// textPart is a piece of text with its class.
type textPart struct{ Class, Text string }

// transcriptRow is one client line of the computed transcript with what
// the server did.
type transcriptRow struct {
	app.Compo
	Index, Line, Conn          int
	NewConn, Selected, Differs bool
	Text                       string
	Tokens                     []textPart
	Missing                    bool
	Server                     []textPart
}

func (r *transcriptRow) Render() app.UI {
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
		// The name is the visible text with its purpose before it, read
		// as "Explain line 2: CVQ 2 …" (an aria-label would hide the
		// visible text from speech input).
		app.Button().Type("button").Class("line-button").Aria("current", r.Selected).
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actionSelect, r.Index) }).Body(
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
			if part.Class == "sline" {
				return app.Div().Class("sline").Body(app.Span().Class("pfx").Text("S:"), app.Text(" "+part.Text))
			}
			return app.Div().Class(part.Class).Text(part.Text)
		})),
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
	case x.Decision != nil && (x.Decision.Code != 0 || x.Decision.Unknown):
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
	if x.Decision != nil && x.Fault == protocol.FaultNone {
		sp = x.Decision.Span
		if x.Decision.Code == 0 && !x.Decision.Unknown {
			return false
		}
	} else if x.Fault == protocol.FaultNone {
		return false
	}
	return sp.Start == sp.End && sp.Start >= len(x.Line)
}

// printableLine shows tabs and control characters visibly; the text is
// always inserted as text, never as HTML.
func printableLine(s string) string {
	b := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b = append(b, '→')
		case r < 0x20 || r == 0x7f:
			b = append(b, '�')
		default:
			b = append(b, r)
		}
	}
	return string(b)
}
