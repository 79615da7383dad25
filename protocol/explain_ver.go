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
	against := "checked against the server's dialects: " + supported
	for i := 0; i < r.NParams; i++ {
		sp, _ := r.Param(i)
		d := sp.In(r.Line)
		f := describe("VER", "dialect")
		f.Name = fmt.Sprintf("%s %d", f.Name, i+1)
		f.Span, f.Present, f.Raw, f.Checked, f.Source, f.Note = sp, true, d, true, SourceDoc, against
		_, isMSNP := msnpNumber(d)
		switch {
		case d == x.Chosen:
			f.Status, f.Value = StatusOK, "chosen: the server supports it"
		case p.Supports(d):
			f.Status, f.Value = StatusSetAside, "supported, but not the best choice"
		case isMSNP || d == DialectCVR0:
			f.Status, f.Value = StatusSetAside, "not supported by this server"
		default:
			f.Status, f.Value = StatusSetAside, "not a dialect: ignored"
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
