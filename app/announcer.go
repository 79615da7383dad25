package main

import (
	"strconv"
	"strings"

	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// announcement is what the live region tells a screen reader about the
// selected line: the server's answer, the reason for a refusal, and the
// disconnect, in one sentence.
func (s *pageState) announcement() string {
	r := s.selected()
	if r == nil {
		return "No client lines."
	}
	x := s.res.exchange(s.policy, s.sel)
	var b strings.Builder
	b.WriteString("Line " + strconv.Itoa(r.Line) + ": ")
	switch x.Kind {
	case protocol.KindReplied:
		b.WriteString("the server answers " + x.Reply + ".")
	case protocol.KindNotSimulated:
		b.WriteString(x.Req.CommandName() + " is not simulated.")
	default:
		b.WriteString("no answer.")
	}
	if why := protocol.Why(s.policy, &x); why != "" {
		b.WriteString(" " + why)
	}
	if x.Close {
		b.WriteString(" The server disconnects.")
	}
	return b.String()
}

// announcer is the polite live region. It is in the page from the start,
// empty, and is written only when the state settles (see
// pageCore.changed), so that a screen reader hears the answer once typing
// pauses, not at every keystroke.
type announcer struct {
	app.Compo
	Text string
}

func (a *announcer) Render() app.UI {
	return app.P().ID("announce").Class("sr-only").Role("status").Aria("live", "polite").Text(a.Text)
}
