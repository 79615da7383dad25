package probe

import (
	"fmt"
	"strings"

	"cvq-playground/protocol"
)

// Result is a case graded against a policy.
type Result struct {
	Record
	Policy  string
	Outcome Outcome
	Diffs   []Diff
	// Expected is what the policy answers to each line sent.
	Expected []protocol.Exchange
	// First is the step of the first difference, -1 for none; Why is the
	// engine's explanation of the answer expected there.
	First int
	Why   string
}

// Passed reports a case that came out as the policy expects.
func (r *Result) Passed() bool { return r.Outcome == Pass }

// Grade compares what a case's connection received with what p answers
// to the same lines. Outcomes other than FAIL name the first thing that
// went wrong on the wire: an ERROR (a network fault), GARBAGE, a TIMEOUT
// (a reply, or a close, that is due and did not come: a timeout never
// passes for a close) or CLOSED (a close instead of the reply).
func Grade(p *protocol.Policy, rec Record) Result {
	res := Result{Record: rec, Policy: p.Name, First: -1}
	s := protocol.NewSession(p)
	for i, st := range rec.Steps {
		x := s.Step(st.Sent)
		res.Expected = append(res.Expected, x)
		o, diffs := gradeStep(i, &x, &st)
		if (o != Pass || len(diffs) > 0) && res.First < 0 {
			res.First = i
			res.Outcome = o
			if o == Pass {
				res.Outcome = Fail
			}
			res.Why = explain(p, &x)
		}
		res.Diffs = append(res.Diffs, diffs...)
	}
	switch {
	case rec.Skipped:
		res.Outcome = Skip
	case rec.Err != "":
		res.Outcome = Error
	}
	return res
}

// gradeStep compares one line's answer.
func gradeStep(i int, x *protocol.Exchange, st *Step) (Outcome, []Diff) {
	want := "(no reply)"
	if x.Kind == protocol.KindReplied {
		want = x.Reply
	}
	closeWord := map[bool]string{true: "closed", false: "kept open"}
	var diffs []Diff
	o := Pass
	switch {
	case st.Garbage != "":
		return Garbage, []Diff{{i, "garbage", want, fmt.Sprintf("%q", st.Garbage)}}
	case x.Kind == protocol.KindReplied && len(st.Lines) == 0 && st.Closed:
		return Closed, []Diff{{i, "reply", want, "(closed without a reply)"}}
	case x.Kind == protocol.KindReplied && len(st.Lines) == 0 && st.Silent:
		got := "(no reply within the timeout)"
		if st.Partial != "" {
			got = fmt.Sprintf("(%q and no line end within the timeout)", st.Partial)
		}
		return Timeout, []Diff{{i, "reply", want, got}}
	case x.Kind == protocol.KindReplied && len(st.Lines) == 0:
		return Closed, []Diff{{i, "reply", want, "(nothing: the connection broke before the line was sent)"}}
	case x.Kind == protocol.KindReplied:
		diffs = compareLines(i, x.Reply, st.Lines[0])
	case len(st.Lines) > 0:
		diffs = []Diff{{i, "reply", want, st.Lines[0]}}
	}
	if len(st.Lines) > 1 {
		diffs = append(diffs, Diff{i, "extra", "(none)", strings.Join(st.Lines[1:], " / ")})
	}
	if st.LF {
		diffs = append(diffs, Diff{i, "framing", "CR LF", "LF"})
	}
	if x.Close != st.Closed {
		if x.Close && len(st.Lines) == 0 && st.Silent {
			return Timeout, append(diffs, Diff{i, "close", "closed", "(no close within the timeout)"})
		}
		diffs = append(diffs, Diff{i, "close", closeWord[x.Close], closeWord[st.Closed]})
	}
	return o, diffs
}

// explain is the engine's word on why the expected answer is what it is:
// why it refuses or closes, or the rule that gave the offer; what the
// server does; what the client does with it.
func explain(p *protocol.Policy, x *protocol.Exchange) string {
	ex := protocol.Explain(p, x)
	var parts []string
	if w := protocol.Why(p, x); w != "" {
		parts = append(parts, sentence(w))
	} else {
		for _, st := range ex.Steps {
			if st.Name == protocol.CheckRule.Text() {
				parts = append(parts, sentence("Policy rule: "+st.Detail))
			}
		}
	}
	if ex.Outcome != "" {
		parts = append(parts, sentence(ex.Outcome))
	}
	if ex.ReactionText != "" {
		parts = append(parts, sentence("The client: "+ex.ReactionText))
	}
	return strings.Join(parts, " ")
}

// sentence ends s with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// GradeAll grades every record against p.
func GradeAll(p *protocol.Policy, recs []Record) []Result {
	out := make([]Result, len(recs))
	for i, r := range recs {
		out[i] = Grade(p, r)
	}
	return out
}
