package protocol

import "fmt"

// Status says how a field or a check fared. The zero Status is StatusOK.
type Status int

const (
	StatusOK       Status = iota // checked and accepted
	StatusInfo                   // not checked: explained only
	StatusError                  // the token the server refused or closed on
	StatusMissing                // a field the line does not have
	StatusExtra                  // an unexpected extra token, ignored
	StatusWarn                   // accepted, but unusual
	StatusSkipped                // not looked at: an earlier check decided
	StatusSetAside               // checked, and passed over for another (a VER dialect not chosen)
	numStatuses
)

var statusNames = [numStatuses]string{"ok", "info", "error", "missing", "extra", "warn", "skipped", "set-aside"}

var statusText = [numStatuses]string{"ok", "not checked", "error", "missing", "extra", "unusual", "not reached", "set aside"}

var statusSymbols = [numStatuses]string{"✓", "·", "✗", "∅", "+", "!", "–", "○"}

// String returns the status's stable name, such as "skipped".
func (s Status) String() string { return enumName(statusNames[:], int(s), "status") }

// Text says the status in plain words, such as "not reached".
func (s Status) Text() string { return enumText(statusText[:], int(s), "unknown") }

// Symbol marks the status in one character, such as "✓" or "✗", for a
// view that shows it beside a field or a check.
func (s Status) Symbol() string { return enumText(statusSymbols[:], int(s), "·") }

// Field explains one token of a request or a response. The zero Field is
// a missing field with no name.
type Field struct {
	Key     string // stable identifier, the same for a field in request and response ("trid")
	Name    string // e.g. "locale"
	Span    Span   // bytes in the line (request) or reply (response); empty for missing fields
	Present bool   // the line has the token
	Raw     string // the token's text
	Meaning string // what the field is
	Value   string // the value interpreted, e.g. "English (United States)"
	// Checked reports that the server checks the token: its Status is
	// then never StatusInfo, and Value says what the check found.
	Checked bool
	Status  Status // how the token fared; StatusInfo for a response's fields
	Note    string // the reason, in plain words, for an error or remark
	Source  Source // where the rule applied to the token comes from
}

// TokenKey returns the field key (as in Field.Key) of token i of a line
// whose command is cmd: 0 is the command, 1 the TrID. The page colours a
// token and its explanation's row by this key.
func TokenKey(cmd string, i int) string {
	switch {
	case i == 0:
		return "command"
	case i == 1 && (cmd == "VER" || cmd == "CVQ" || cmd == "CVR"):
		return "trid"
	case cmd == "VER":
		return "dialect"
	case cmd == "CVQ" || cmd == "CVR":
		if i-2 < NamedParams {
			return paramKeys[i-2]
		}
		return "unexpected"
	}
	return "rest"
}

// Step is one check in the decision, in the order the server runs them.
// The zero Step is an unnamed check that passed.
type Step struct {
	Name   string // e.g. "locale", as Check.Text names the query's checks
	Status Status // StatusOK passed, StatusError decided with a refusal, StatusSkipped not reached
	Detail string // what was found, in plain words
	Source Source // where the check's rule comes from
}

// Explanation says everything about one exchange. The zero Explanation
// says nothing.
type Explanation struct {
	Request  []Field // the client line's tokens, and its missing fields, in line order
	Response []Field // the reply's tokens; nil when the server wrote none
	Steps    []Step  // the checks, in the order the server runs them
	// Outcome is one sentence about the answer; ReactionText says what the
	// client does with it.
	Outcome      string
	Reaction     Reaction // what the client does; ReactionNone without versions
	ReactionText string
}

// Explain explains x, an exchange computed by a Session with policy p. It
// reads only what x and p export: the Decision's evidence, and the
// policy's rules, catalog and dialects.
func Explain(p *Policy, x *Exchange) Explanation {
	var e Explanation
	switch {
	case x.Kind == KindIgnored:
		e.Outcome = "An empty line: the server ignores it and the connection stays open."
		e.Steps = []Step{{Name: "empty line", Status: StatusOK, Detail: "nothing but spaces and tabs: ignored", Source: SourceChoice}}
		return e
	case x.Fault == FaultTooLong:
		f := describe("*", "line")
		f.Span, f.Present, f.Raw = Span{0, len(x.Line)}, true, abbreviate(x.Line)
		f.Value, f.Checked, f.Status = fmt.Sprintf("%d bytes", len(x.Line)), true, StatusError
		f.Note = fmt.Sprintf("longer than the server's limit of %d bytes: it closes without replying", p.MaxLineBytes())
		f.Source = SourceChoice
		e.Request = []Field{f}
		e.Steps = []Step{{Name: "line length", Status: StatusError, Detail: f.Note, Source: SourceChoice}}
		e.Outcome = "No reply: the server closes the connection."
		return e
	}
	e.Steps = append(e.Steps, Step{Name: "line length", Status: StatusOK,
		Detail: fmt.Sprintf("%d bytes, within the limit of %d", len(x.Line), p.MaxLineBytes()), Source: SourceChoice})
	e.Request = append(e.Request, commandField(x))
	cmdStep := Step{Name: "command", Status: StatusOK, Detail: commandDetail(x), Source: SourceDoc}
	if x.Implicit {
		cmdStep.Source = SourceChoice
	}
	if x.Fault.OfCommand() {
		cmdStep.Status, cmdStep.Source = StatusError, x.Fault.Source()
		e.Steps = append(e.Steps, cmdStep)
		e.addRest(x, 1)
		e.Outcome = "No reply: the server closes the connection (" + x.Fault.Text() + ")."
		return e
	}
	e.Steps = append(e.Steps, cmdStep)
	if x.Kind == KindNotSimulated {
		e.addRest(x, 1)
		e.Outcome = x.Req.CommandName() + " belongs to the rest of the protocol (login, lists, presence), outside this playground: not simulated, no reply, and the connection stays open."
		return e
	}
	e.Request = append(e.Request, tridField(x))
	if x.Fault != FaultNone {
		e.Steps = append(e.Steps, Step{Name: "TrID", Status: StatusError, Detail: x.Fault.Text(), Source: x.Fault.Source()})
		e.addRest(x, 2)
		e.Outcome = "No reply: the server closes the connection (" + x.Fault.Text() + ")."
		return e
	}
	e.Steps = append(e.Steps, Step{Name: "TrID", Status: StatusOK, Detail: fmt.Sprintf("%d, echoed in the reply", x.Req.TrID), Source: SourceDoc})
	if x.Req.CommandName() == "VER" {
		e.explainVER(p, x)
		return e
	}
	e.explainQuery(p, x)
	return e
}
