// Package docs computes the answers of CVQ examples in documentation: the
// structured result that the documentation engine (app/engine) sends to
// embed.js, and the static HTML that the render command writes after each
// example of a page. It imports neither net/http nor syscall/js.
package docs

import (
	"strings"
	"unicode/utf8"

	"cvq-playground/protocol"
)

// Limits keep one example's answer small whatever it holds: documentation
// examples are a few lines; a pasted megabyte still answers at once.
const (
	MaxRows      = 100 // client lines shown; the rest are counted
	MaxEvaluated = 10000
	maxShown     = 400 // bytes of a client or server line shown
)

// Request is what an example asks: its lines, the preset to answer with,
// and the 1-based input line to explain (0: none).
type Request struct {
	ID     int    `json:"id"`
	Policy string `json:"policy"`
	Input  string `json:"in"`
	Sel    int    `json:"sel,omitempty"`
}

// Result is the computed answer of an example. Error is set (and Rows
// empty) when the preset is unknown. Check is the example's verdict on
// the server lines it documents: "differ" if any differs, else "match" if
// any matches, else "none".
type Result struct {
	ID     int    `json:"id"`
	Policy string `json:"policy"`
	Error  string `json:"error,omitempty"`
	Check  string `json:"check"`
	// Playground holds the lines as the playground reads them, for the
	// "Open in playground" link, when they are written otherwise
	// (MediaWiki's one-line form and remarks, see PlaygroundText), and
	// PlaygroundSel the selected line among them.
	Playground    string   `json:"playground,omitempty"`
	PlaygroundSel int      `json:"playgroundSel,omitempty"`
	Rows          []Row    `json:"rows"`
	More          int      `json:"more,omitempty"` // client lines evaluated but not shown
	Explain       *Explain `json:"explain,omitempty"`
}

// Row is one client line and what the server did with it.
type Row struct {
	Line     int    `json:"line"` // 1-based input line
	Conn     int    `json:"conn"`
	NewConn  bool   `json:"newConn,omitempty"` // the first line after a close
	Client   string `json:"client"`
	Reply    string `json:"reply,omitempty"`
	Note     string `json:"note,omitempty"` // "# not simulated: ADD", or why the server closed
	Status   string `json:"status"`         // "ok", "error" or "info"
	Close    bool   `json:"close,omitempty"`
	Reaction string `json:"reaction,omitempty"` // what the client does with a successful answer
	// Check compares the server lines documented after this client line
	// with the computed ones: "match", "differ", "unchecked" (a command
	// the engine does not simulate), or empty when none is documented.
	// Reason says why they differ, and Doc holds the documented lines
	// then (DisconnectLine for a documented close).
	Check  string   `json:"check,omitempty"`
	Reason string   `json:"reason,omitempty"`
	Doc    []string `json:"doc,omitempty"`
}

// Explain is the explanation of one client line.
type Explain struct {
	Line     int     `json:"line"`
	Fields   []Field `json:"fields"`
	Steps    []Step  `json:"steps"`
	Outcome  string  `json:"outcome"`
	Reaction string  `json:"reaction,omitempty"`
}

// Field is one token of the request, explained.
type Field struct {
	Name   string `json:"name"`
	Raw    string `json:"raw"`
	Value  string `json:"value"`
	Status string `json:"status"` // the status's stable name, for a class
	Check  string `json:"check"`  // the status in plain words
	Note   string `json:"note,omitempty"`
}

// Step is one check, in the server's order.
type Step struct {
	Name   string `json:"name"`
	Status string `json:"status"`
	Detail string `json:"detail"`
}

// Answer computes req's result. It never fails: an unknown preset is
// said in Result.Error.
func Answer(req Request) Result {
	res := Result{ID: req.ID, Policy: req.Policy, Rows: []Row{}, Check: CheckNone.String()}
	if res.Policy == "" {
		res.Policy = protocol.DefaultPreset
	}
	p, err := protocol.Preset(res.Policy)
	if err != nil {
		res.Error = "unknown policy " + clip(res.Policy, 60) + ": use one of " + strings.Join(protocol.PresetNames(), ", ")
		return res
	}
	if link, line := PlaygroundText(req.Input); link != req.Input {
		res.Playground = link
		if req.Sel > 0 {
			res.PlaygroundSel = line(req.Sel)
		}
	}
	t := ReadExample(req.Input)
	s := protocol.NewSession(p)
	prevClosed, evaluated, check := false, 0, CheckNone
	for i := range t.Entries {
		e := &t.Entries[i]
		if evaluated == MaxEvaluated {
			res.More += len(t.Entries) - i
			break
		}
		x := s.StepEntry(e)
		if x.Kind == protocol.KindIgnored {
			continue
		}
		evaluated++
		if e.Line == req.Sel || (req.Sel > e.Line && req.Sel < nextLine(t.Entries, i)) {
			res.Explain = explain(p, &x, e.Line)
		}
		v := Judge(p, e, &x)
		check = Combine(check, v.Check)
		if len(res.Rows) == MaxRows {
			res.More++
			prevClosed = x.Close || x.Hangup || x.Ended
			continue
		}
		res.Rows = append(res.Rows, row(p, e, &x, v, prevClosed))
		prevClosed = x.Close || x.Hangup || x.Ended
	}
	res.Check = check.String()
	return res
}

// nextLine is the input line of the entry after i, or a line past the end.
func nextLine(entries []protocol.Entry, i int) int {
	if i+1 < len(entries) {
		return entries[i+1].Line
	}
	return int(^uint(0) >> 1)
}

func row(p *protocol.Policy, e *protocol.Entry, x *protocol.Exchange, v Verdict, newConn bool) Row {
	r := Row{Line: e.Line, Conn: x.Conn, NewConn: newConn, Client: clip(x.Line, maxShown), Close: x.Close, Status: "ok"}
	switch x.Kind {
	case protocol.KindReplied:
		r.Reply = clip(x.Reply, maxShown)
	case protocol.KindNotSimulated:
		r.Note = "# not simulated: " + clip(x.Req.CommandName(), 40)
		r.Status = "info"
	}
	if why := protocol.Why(p, x); why != "" {
		if r.Note != "" {
			r.Note += " · "
		}
		r.Note += why
	}
	if x.Kind == protocol.KindSilent || (x.HasDecision() && x.Decision.Code != 0) {
		r.Status = "error"
	}
	if x.HasDecision() && x.Decision.Code == 0 {
		r.Reaction = x.Decision.Reaction().Text()
	}
	if v.Check != CheckNone {
		r.Check = v.Check.String()
	}
	if v.Check == CheckDiffer {
		r.Reason = clip(v.Reason, maxShown)
		for _, l := range e.Expect {
			r.Doc = append(r.Doc, clip(l, maxShown))
		}
		if e.ExpectClose {
			r.Doc = append(r.Doc, protocol.DisconnectLine)
		}
	}
	return r
}

func explain(p *protocol.Policy, x *protocol.Exchange, line int) *Explain {
	e := protocol.Explain(p, x)
	out := &Explain{Line: line, Outcome: e.Outcome, Fields: []Field{}, Steps: []Step{}}
	if e.Reaction != protocol.ReactionNone {
		out.Reaction = e.ReactionText
	}
	for _, f := range e.Request {
		raw := clip(f.Raw, 80)
		if !f.Present {
			raw = "(missing)"
		}
		out.Fields = append(out.Fields, Field{Name: f.Name, Raw: raw, Value: clip(f.Value, 200), Status: f.Status.String(), Check: f.Status.Text(), Note: f.Note})
	}
	for _, s := range e.Steps {
		out.Steps = append(out.Steps, Step{Name: s.Name, Status: s.Status.String(), Detail: s.Detail})
	}
	return out
}

// clip shortens s to at most n bytes at a rune boundary, marking the cut,
// and makes invalid UTF-8 valid, so that every string of a result is
// valid text for JSON and HTML.
func clip(s string, n int) string {
	if len(s) > n {
		cut := n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "… (" + itoa(len(s)) + " bytes)"
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
