package main

import (
	"strings"

	"cvq-playground/protocol"
)

// eraStride is how many entries apart the era cache keeps each preset's
// session state.
const eraStride = 64

// eraCache keeps where each built-in preset's session stands every
// eraStride entries of the transcript, so that a selected line's answer
// in every era is at most eraStride steps of each. The states are
// computed as far as a selected line needs, and when the text settles
// (see pageCore.changed; not at each keystroke) those after the first
// changed entry are dropped: typing at the end of a long session costs
// a few steps per preset.
type eraCache struct {
	input   string           // the text the states are for
	ready   bool             // entries are input's
	entries []protocol.Entry // the transcript the states are for
	presets []*protocol.Policy
	marks   [][]protocol.SessionState // per preset, the state before entry k*eraStride
	last    eraView                   // the view last drawn, shown dimmed while the text changes
}

// updateEras follows the text in the editor: the states before the first
// changed entry stay.
func (s *pageState) updateEras() {
	c := &s.eras
	if c.ready && c.input == s.input {
		return
	}
	if c.presets == nil {
		c.presets = presets()
		c.marks = make([][]protocol.SessionState, len(c.presets))
	}
	cur := s.res.Transcript.Entries
	same := 0
	for same < len(c.entries) && same < len(cur) && sameEntry(&c.entries[same], &cur[same]) {
		same++
	}
	// The state before entry k*eraStride depends on the entries before it.
	for i := range c.marks {
		c.marks[i] = c.marks[i][:min(len(c.marks[i]), same/eraStride+1)]
	}
	c.input, c.entries, c.ready = s.input, cur, true
}

// answer steps entry i of the cache's transcript with preset k, from the
// nearest state kept before it, keeping the states it passes.
func (c *eraCache) answer(k, i int) protocol.Exchange {
	p, marks := c.presets[k], c.marks[k]
	if len(marks) == 0 {
		marks = append(marks, protocol.NewSession(p).State())
	}
	at := min(i/eraStride, len(marks)-1)
	s := protocol.ResumeSession(p, marks[at])
	for e := at * eraStride; e < i; e++ {
		s.StepEntry(&c.entries[e])
		if (e+1)%eraStride == 0 && (e+1)/eraStride == len(marks) {
			marks = append(marks, s.State())
		}
	}
	c.marks[k] = marks
	return s.StepEntry(&c.entries[i])
}

// eraRow is one preset's answer to the selected line.
type eraRow struct {
	Name, Date string
	InForce    bool       // the policy in force is this preset
	Reply      []textPart // the server's line, fields marked "diff" where they differ from the policy in force's
	Outcome    string     // what the server did when it wrote no line
	Close      bool       // the server closes after the line
	Differs    []string   // the fields that differ from the policy in force's answer
	Reproduces bool       // the pasted answer is this preset's
}

// eraView is what every preset answers to the selected line.
type eraView struct {
	Line      int    // the editor line of the selected client line; 0: none
	Client    string // the client line
	Reference string // what the answers are compared with: the policy in force
	Expected  bool   // the line has a pasted answer
	Verdict   string // which presets reproduce the pasted answer
	Rows      []eraRow
	Stale     bool // the text changed since: the rows are updated when it settles
}

// eraView is every preset's answer to the selected line, or, while the
// text changes, the last one drawn, marked stale.
func (s *pageState) eraView() eraView {
	c := &s.eras
	if !c.ready || c.input != s.input {
		v := c.last
		v.Stale = v.Line > 0
		return v
	}
	c.last = s.computeEras()
	return c.last
}

// computeEras compares every preset's answer to the selected line with
// the answer of the policy in force.
func (s *pageState) computeEras() eraView {
	r := s.selected()
	if r == nil {
		return eraView{}
	}
	c := &s.eras
	e := &s.res.Transcript.Entries[r.Entry]
	ref := s.res.exchange(s.policy, s.sel)
	v := eraView{Line: r.Line, Client: printableLine(e.Client), Reference: s.policy.Name, Expected: e.Expected}
	if s.custom != "" {
		v.Reference = "your edited policy"
	}
	answers := make([]protocol.Answer, 0, len(c.presets))
	for i, p := range c.presets {
		a := protocol.NewAnswer(p, e, c.answer(i, r.Entry))
		answers = append(answers, a)
		v.Rows = append(v.Rows, eraRowOf(a, &ref, s.custom == "" && p.Name == s.preset))
	}
	if v.Expected {
		v.Verdict = verdict(protocol.Reproducing(answers))
	}
	return v
}

// eraRowOf describes a preset's answer, compared with ref, the answer of
// the policy in force.
func eraRowOf(a protocol.Answer, ref *protocol.Exchange, inForce bool) eraRow {
	x := &a.Exchange
	row := eraRow{Name: a.Policy.Name, Date: a.Policy.Date, InForce: inForce, Close: x.Close, Reproduces: a.Reproduces}
	switch {
	case x.Reply == "" && ref.Reply != "":
		row.Differs = []string{"no reply"}
	case x.Reply != "" && ref.Reply == "":
		row.Differs = []string{"a reply"}
	case x.Reply == "" && (x.Fault != ref.Fault || x.Kind != ref.Kind || x.Chosen != ref.Chosen):
		row.Differs = []string{"the reason"}
	}
	marked := map[int]bool{}
	for _, d := range protocol.DiffReply(ref.Reply, x.Reply) {
		marked[d.Index] = true
		if ref.Reply != "" && x.Reply != "" {
			row.Differs = appendOnce(row.Differs, d.Name)
		}
	}
	if x.Close != ref.Close {
		row.Differs = append(row.Differs, "the close")
	}
	switch {
	case x.Reply != "":
		row.Reply = replyParts(x.Reply, marked)
	case x.Kind == protocol.KindNotSimulated:
		row.Outcome = "not simulated"
	case x.Kind == protocol.KindIgnored:
		row.Outcome = "ignored"
	default:
		row.Outcome = "no reply: " + x.Fault.Text()
	}
	return row
}

// replyParts splits a server line into its fields, as the server parts
// them (an empty field is two spaces), with the fields in marked drawn as
// differing.
func replyParts(reply string, marked map[int]bool) []textPart {
	fields := strings.Split(reply, " ")
	out := make([]textPart, 0, 2*len(fields))
	for i, f := range fields {
		if i > 0 {
			out = append(out, textPart{"gap", " "})
		}
		cls := "fld"
		if marked[i] {
			cls = "fld diff"
		}
		if f == "" {
			f = "‹empty›"
		}
		out = append(out, textPart{cls, printableLine(f)})
	}
	return out
}

// verdict names the presets that reproduce a pasted answer.
func verdict(names []string) string {
	switch len(names) {
	case 0:
		return "No preset reproduces the pasted answer."
	case 1:
		return "The pasted answer is reproduced by " + names[0] + "."
	}
	return "The pasted answer is reproduced by " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + "."
}

func appendOnce(list []string, s string) []string {
	for _, l := range list {
		if l == s {
			return list
		}
	}
	return append(list, s)
}
