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
}
