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

func (p *playground) renderRow(i int) app.UI {
	r := &p.res.Rows[i]
	xv := p.res.exchange(p.policy, i)
	x := &xv
	e := &p.res.Transcript.Entries[r.Entry]
	cls := "exchange"
	if i == p.sel {
		cls += " sel"
	}
	if r.Differs {
		cls += " differs"
	}
	var server []app.UI
	switch x.Kind {
	case protocol.KindReplied:
		server = append(server, app.Div().Class("sline").Body(app.Span().Class("pfx").Text("S:"), app.Text(" "+x.Reply)))
	case protocol.KindNotSimulated:
		server = append(server, app.Div().Class("note").Text("# not simulated: "+x.Req.CommandName()))
	}
	if why := protocol.Why(p.policy, x); why != "" {
		server = append(server, app.Div().Class("why").Body(app.Span().Class("icon").Aria("hidden", true).Text("⚠ "), app.Text(why)))
	}
	if e.LinesDiffer(x) {
		if len(e.Expect) == 0 {
			server = append(server, app.Div().Class("expect").Text("! expected no reply"))
		}
		for _, l := range e.Expect {
			server = append(server, app.Div().Class("expect").Text("! expected: "+l))
		}
	}
	if r.Differs {
		if e.CloseDiffers(x) {
			server = append(server, app.Div().Class("expect").Text("! expected: "+protocol.DisconnectLine))
		}
	} else if e.Expected {
		server = append(server, app.Div().Class("match").Text("✓ matches the pasted answer"))
	}
	if x.Close {
		server = append(server, app.Div().Class("close").Text(protocol.DisconnectLine))
	}
	return app.Li().Class(cls).Body(
		app.If(r.NewConn, func() app.UI {
			return app.Div().Class("conn-break").Text("new connection " + strconv.Itoa(r.Conn))
		}),
		app.Button().Type("button").Class("line-button").Aria("current", i == p.sel).
			Aria("label", fmt.Sprintf("Explain line %d: %s", r.Line, x.Line)).
			OnClick(p.selectRow(i), app.EventScope(i)).Body(
			app.Span().Class("lineno").Text(strconv.Itoa(r.Line)),
			app.Span().Class("pfx").Text("C:"),
			app.Text(" "),
			app.Span().Class("cline").Body(tokenSpans(x)...),
			app.If(missingAtEnd(x), func() app.UI {
				return app.Span().Class("missing-mark").Title("parameters are missing here").Text(" ⟂")
			}),
		),
		app.Div().Class("server").Body(server...),
	)
}

// tokenSpans writes a client line as coloured tokens, marking the one the
// server refused or closed on.
func tokenSpans(x *protocol.Exchange) []app.UI {
	line := x.Line
	bad := protocol.Span{Start: -1, End: -1}
	switch {
	case x.Fault != protocol.FaultNone:
		bad = x.Span
	case x.Decision != nil && (x.Decision.Code != 0 || x.Decision.Unknown):
		bad = x.Decision.Span
	}
	if len(line) > 4096 {
		return []app.UI{app.Span().Class("tok bad").Text(printableLine(line[:4096]) + "…")}
	}
	var out []app.UI
	cmd := x.Req.CommandName()
	at := 0
	for i, t := range protocol.Tokenize(line) {
		if t.Start > at {
			out = append(out, app.Span().Class("gap").Text(printableLine(line[at:t.Start])))
		}
		cls := "tok f-" + protocol.TokenKey(cmd, i)
		if (t.Start >= bad.Start && t.Start < bad.End) || (bad.Start == bad.End && t.Start == bad.Start && bad.Start >= 0) {
			cls += " bad"
		}
		out = append(out, app.Span().Class(cls).Text(printableLine(t.In(line))))
		at = t.End
	}
	if at < len(line) {
		out = append(out, app.Span().Class("gap").Text(printableLine(line[at:])))
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
