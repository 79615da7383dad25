package protocol

import (
	"fmt"
	"strings"
)

// The fields every client line has: its command and TrID, and the tokens
// the server did not read.

func commandField(x *Exchange) Field {
	cmd := x.Req.CommandName()
	f := describe(cmd, "command")
	f.Span, f.Present, f.Raw, f.Checked, f.Status, f.Source = x.Req.Command, cmd != "", cmd, true, StatusOK, SourceDoc
	switch cmd {
	case "VER":
		f.Value = "VER: dialect negotiation"
	case "CVQ":
		f.Value = "CVQ: version query (CVR0)"
	case "CVR":
		f.Value = "CVR: version query (MSNPx)"
	default:
		f.Value = cmd
	}
	if x.Kind == KindNotSimulated {
		f.Status, f.Checked = StatusInfo, false
		f.Value = cmd + ": another MSNP command, not simulated here"
	}
	if x.Fault.OfCommand() {
		f.Status, f.Note, f.Source = StatusError, x.Fault.Text(), x.Fault.Source()
		if x.Fault == FaultLeadingBlank {
			f.Span, f.Present, f.Raw = x.Span, true, x.Span.In(x.Line)
			f.Value = "empty command"
		}
		if x.Fault == FaultCommandCase {
			f.Note += ": " + strings.ToUpper(cmd) + " would be understood, " + cmd + " is not"
		}
	}
	return f
}

func commandDetail(x *Exchange) string {
	cmd := x.Req.CommandName()
	switch {
	case x.Fault.OfCommand():
		return x.Fault.Text()
	case x.Kind == KindNotSimulated:
		return cmd + " is a command of the " + x.Dialect + " session, outside CVQ"
	case cmd == "VER":
		return "VER as the first line of connection " + fmt.Sprint(x.Conn)
	case x.Implicit && cmd == "CVQ":
		return "CVQ as the first line opens an implicit CVR0 session (this playground's choice, as the wiki's examples do)"
	case x.Implicit:
		return "CVR as the first line opens an implicit " + x.Dialect + " session, the policy's highest dialect"
	}
	return cmd + " is valid in the " + x.Dialect + " session"
}

func tridField(x *Exchange) Field {
	r := &x.Req
	f := describe("*", "trid")
	f.Span, f.Present, f.Raw, f.Checked, f.Source = r.TrIDTok, r.TrIDErr != FaultTrIDMissing, r.TrIDTok.In(r.Line), true, SourceDoc
	if r.TrIDErr != FaultNone {
		f.Status, f.Note, f.Source = StatusError, r.TrIDErr.Text(), r.TrIDErr.Source()
		if !f.Present {
			f.Status = StatusMissing
			f.Span = Span{len(r.Line), len(r.Line)}
		}
		f.Value = "not a TrID"
		return f
	}
	f.Value = fmt.Sprint(r.TrID)
	if f.Value != f.Raw {
		f.Value += " (the reply writes it as a plain number)"
		f.Source = SourceChoice
	}
	return f
}

// addRest adds the tokens after the first `from` as unread.
func (e *Explanation) addRest(x *Exchange, from int) {
	toks := Tokenize(x.Line)
	if x.Fault == FaultLeadingBlank {
		from = 0
	}
	for i := from; i < len(toks); i++ {
		f := describe("*", "rest")
		f.Name = fmt.Sprintf("%s %d", f.Name, i+1)
		f.Span, f.Present, f.Raw, f.Status = toks[i], true, toks[i].In(x.Line), StatusSkipped
		e.Request = append(e.Request, f)
	}
}

// replyFields describes the server's reply: the fields of data/fields.tsv
// for line with the given keys, filled with the reply's tokens; values
// gives the interpreted value of some of them (the raw text otherwise).
func replyFields(reply, line string, keys []string, values map[string]string) []Field {
	toks := Tokenize(reply)
	fs := make([]Field, len(keys))
	for i, k := range keys {
		f := describe(line, k)
		if i < len(toks) {
			f.Span, f.Raw, f.Present = toks[i], toks[i].In(reply), true
		}
		f.Value = values[k]
		if f.Value == "" {
			f.Value = f.Raw
		}
		f.Status = StatusInfo
		fs[i] = f
	}
	return fs
}
