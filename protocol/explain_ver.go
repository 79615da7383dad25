package protocol

import (
	"fmt"
	"strings"
)

// explainVER explains a dialect negotiation: each offered dialect against
// the server's, the choice, and the reply.
func (e *Explanation) explainVER(p *Policy, x *Exchange) {
	r := &x.Req
	supported := strings.Join(p.Dialects, " ")
	for i := 0; i < r.NParams; i++ {
		sp, _ := r.Param(i)
		d := sp.In(r.Line)
		f := describe("VER", "dialect")
		f.Name = fmt.Sprintf("%s %d", f.Name, i+1)
		f.Span, f.Present, f.Raw, f.Checked, f.Source = sp, true, d, true, SourceDoc
		// Each offered dialect is looked up in the server's list; the
		// value says what came of it.
		_, isMSNP := msnpNumber(d)
		switch {
		case d == x.Chosen && isMSNP:
			f.Status, f.Value = StatusOK, "chosen: the highest MSNP dialect the server also speaks"
		case d == x.Chosen:
			f.Status, f.Value = StatusOK, "chosen: no MSNP dialect in common, and the server speaks CVR0"
		case p.Supports(d):
			f.Status, f.Value = StatusSetAside, "the server speaks it too, but "+x.Chosen+" is chosen"
		case isMSNP || d == DialectCVR0:
			f.Status, f.Value = StatusSetAside, "not among the server's dialects ("+supported+")"
		default:
			f.Status, f.Value = StatusSetAside, "not a dialect name: ignored"
		}
		e.Request = append(e.Request, f)
	}
	if r.NParams == 0 {
		f := describe("VER", "dialect")
		f.Name += " 1"
		f.Span, f.Status, f.Note, f.Source = Span{len(r.Line), len(r.Line)}, StatusMissing, "VER offers no dialect", SourceDoc
		e.Request = append(e.Request, f)
	}
	step := Step{Name: "dialect", Source: SourceDoc}
	switch {
	case x.Chosen == "0":
		step.Status, step.Detail = StatusError, "no offered dialect is supported (server: "+supported+"): VER "+fmt.Sprint(r.TrID)+" 0, then close"
		e.Outcome = "No common dialect: the server answers 0 and closes the connection."
	case x.Chosen == DialectCVR0:
		step.Status, step.Detail = StatusOK, "no MSNP dialect in common, but both have CVR0 (server: "+supported+")"
		e.Outcome = "Fallback to CVR0: the client may now send one CVQ, after which the server closes."
	default:
		step.Status, step.Detail = StatusOK, "the highest MSNP dialect both support (server: "+supported+")"
		e.Outcome = "Session in " + x.Chosen + ": CVR may follow, and the session continues after it."
	}
	e.Steps = append(e.Steps, step)
	chosen := x.Chosen
	if chosen == "0" {
		chosen = "none in common"
	}
	e.Response = replyFields(x.Reply, "S:VER", []string{"command", "trid", "dialect"}, map[string]string{"command": "VER", "dialect": chosen})
	if st, ok := verEcho(p, x); ok {
		e.Steps = append(e.Steps, st)
		e.Outcome += " This server echoed the whole list you offered instead of naming only " + x.Chosen + "."
		e.Response = append(e.Response[:2], echoedDialects(x)...)
	}
}

// verEcho is the step that says the answer to VER repeats the offered
// list; false when the policy names the chosen dialect only.
func verEcho(p *Policy, x *Exchange) (Step, bool) {
	if p.VERReply != VERReplyEcho || x.Chosen == "0" {
		return Step{}, false
	}
	st := Step{Name: "VER reply form", Status: StatusOK, Source: SourceCapture,
		Detail: "this server echoed the whole list you offered, as servers of 2006–2008 did (policy verReply: echo); the session is in " + x.Chosen}
	r := &x.Req
	for i := 0; i < r.NParams; i++ {
		if !p.Supports(r.ParamText(i)) {
			st.Detail += "; the dialects it does not speak are left out (this playground's choice)"
			st.Source = SourceChoice
			break
		}
	}
	return st, true
}

// echoedDialects are the reply's dialect fields in the echo form, one per
// dialect repeated.
func echoedDialects(x *Exchange) []Field {
	var fs []Field
	for i, sp := range Tokenize(x.Reply)[2:] {
		f := describe("S:VER", "dialect")
		f.Name = fmt.Sprintf("dialect %d", i+1)
		f.Meaning = "a dialect the client offered, repeated by the server"
		f.Span, f.Raw, f.Present, f.Status, f.Source = sp, sp.In(x.Reply), true, StatusInfo, SourceCapture
		f.Value = "echoed from the client's list"
		if f.Raw == x.Chosen {
			f.Value = x.Chosen + ": echoed, and the dialect chosen"
		}
		fs = append(fs, f)
	}
	return fs
}
