package main

import (
	"fmt"
	"strings"

	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// transcriptPane shows each client line with what the server did: its
// reply, the reason for a refusal or a silent close, the disconnects, and
// where pasted expectations differ. It draws a window of rows around the
// selected one, with a way to the others.
type transcriptPane struct {
	app.Compo
	Summary string
	Stray   int       // server lines before any client line
	Rows    []rowView // the window drawn
	// Before and After lead to the rows outside the window ("" when
	// there are none): a click selects the row BeforeRow or AfterRow.
	Before, After       string
	BeforeRow, AfterRow int
}

// newTranscriptPane describes the transcript of s: plain data, so that
// go-app redraws only the rows whose data changed.
func newTranscriptPane(s *pageState) *transcriptPane {
	res := &s.res
	t := &transcriptPane{Summary: plural(len(res.Rows), "client line") + ", " + plural(conns(res), "connection"), Stray: len(res.Transcript.Stray)}
	if res.Differs > 0 {
		t.Summary += fmt.Sprintf(", %d differ from the pasted answers", res.Differs)
	}
	from, to := res.window(s.sel)
	n := len(res.Rows)
	if from > 0 {
		t.Before, t.BeforeRow = fmt.Sprintf("↑ %d earlier client lines (editor lines 1–%d)", from, res.Rows[from-1].Line), from-1
	}
	if to < n {
		t.After, t.AfterRow = fmt.Sprintf("↓ %d more client lines (editor lines %d–%d)", n-to, res.Rows[to].Line, res.Rows[n-1].Line), to
	}
	t.Rows = make([]rowView, 0, to-from)
	for i := from; i < to; i++ {
		t.Rows = append(t.Rows, viewRow(s, i))
	}
	return t
}

func (t *transcriptPane) Render() app.UI {
	jump := func(id string, target int, text string) app.UI {
		return app.Li().Class("more").Body(app.Button().Type("button").Class("btn small").ID(id).
			OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionSelect, target) }).Text(text))
	}
	return app.Section().Class("pane transcript-pane").Aria("labelledby", "transcript-label").Body(
		app.Div().Class("pane-head").Body(
			app.H2().ID("transcript-label").Text("Server"),
			app.Span().Class("hint").ID("transcript-summary").Text(t.Summary),
			app.Button().Type("button").Class("btn small").ID("copy-transcript").
				OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionCopyTranscript, nil) }).
				Text("Copy transcript"),
		),
		app.If(t.Stray > 0, func() app.UI {
			return app.P().Class("warn").Textf("%d server line(s) come before any client line and are not compared.", t.Stray)
		}),
		app.If(len(t.Rows) == 0, func() app.UI {
			return app.P().Class("empty").Text("No client lines yet. Type one in the editor, or load an example.")
		}),
		app.Ol().Class("transcript").ID("transcript").Aria("label", "computed transcript").Body(
			app.If(t.Before != "", func() app.UI { return jump("rows-before", t.BeforeRow, t.Before) }),
			app.Range(t.Rows).Slice(func(i int) app.UI { return &transcriptRow{Row: t.Rows[i]} }),
			app.If(t.After != "", func() app.UI { return jump("rows-after", t.AfterRow, t.After) }),
		),
	)
}

func conns(res *result) int {
	if len(res.Rows) == 0 {
		return 0
	}
	return res.Rows[len(res.Rows)-1].Conn - res.Rows[0].Conn + 1
}

// viewRow describes row i of s for its component.
func viewRow(s *pageState, i int) rowView {
	r := &s.res.Rows[i]
	xv := s.res.exchange(s.policy, i)
	x := &xv
	e := &s.res.Transcript.Entries[r.Entry]
	before, after := rowNotes(&s.res, s.input, i)
	return rowView{
		Index: i, Line: r.Line, Conn: r.Conn, NewConn: r.NewConn, Selected: i == s.sel, Differs: r.Differs,
		Text: x.Line, Tokens: tokenParts(x), Missing: missingAtEnd(x), Server: serverParts(s.policy, e, x),
		Before: before, After: after,
	}
}

// serverPart is a line drawn after a client line. A pasted line that
// differs from the reply has its fields, the differing ones marked.
type serverPart struct {
	Class, Text string
	Fields      []textPart
}

// serverParts are the lines respond writes after a client line, with the
// reason for a refusal after the server's line and a check mark where a
// pasted answer matches.
func serverParts(pol *protocol.Policy, e *protocol.Entry, x *protocol.Exchange) []serverPart {
	var server []serverPart
	why := protocol.Why(pol, x)
	match := e.Expected && !e.Differs(x)
	for _, a := range protocol.AppendAnnotations(nil, e, x) {
		if why != "" && a.Kind != protocol.AnnotReply && a.Kind != protocol.AnnotNotSimulated {
			server, why = append(server, serverPart{Class: "why", Text: "⚠ " + why}), ""
		}
		if match && (a.Kind == protocol.AnnotClose || a.Kind == protocol.AnnotHangup) {
			server, match = append(server, serverPart{Class: "match", Text: "✓ matches the pasted answer"}), false
		}
		server = append(server, annotationPart(a, x.Reply))
	}
	if why != "" {
		server = append(server, serverPart{Class: "why", Text: "⚠ " + why})
	}
	if match {
		server = append(server, serverPart{Class: "match", Text: "✓ matches the pasted answer"})
	}
	return server
}

// annotationPart is a line of respond's notation with its class; the
// server's own line is drawn after an "S:" of its own, and a pasted line
// that differs from reply with the fields that differ marked.
func annotationPart(a protocol.Annotation, reply string) serverPart {
	switch a.Kind {
	case protocol.AnnotReply:
		return serverPart{Class: "sline", Text: a.Text}
	case protocol.AnnotNotSimulated:
		return serverPart{Class: "note", Text: a.String()}
	case protocol.AnnotClose, protocol.AnnotHangup:
		return serverPart{Class: "close", Text: a.String()}
	case protocol.AnnotExpected:
		if a.Text != protocol.DisconnectLine && reply != "" {
			marked := map[int]bool{}
			for _, d := range protocol.DiffReply(reply, a.Text) {
				marked[d.Index] = true
			}
			// Text is the notation's prefix; the fields follow it.
			return serverPart{Class: "expect", Text: strings.TrimSuffix(a.String(), a.Text), Fields: replyParts(a.Text, marked)}
		}
	}
	return serverPart{Class: "expect", Text: a.String()}
}
