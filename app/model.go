package main

import (
	"strings"

	"cvq-playground/protocol"
)

// maxEvaluatedLines bounds the work done per keystroke: client lines after
// it are not evaluated, and the page says so.
const maxEvaluatedLines = 10000

// row is one evaluated client line of the editor, kept small: the page
// evaluates every line on each keystroke but draws only a window of them,
// so a row keeps where the session stood before the line, and the full
// exchange is computed again for the rows drawn (see exchange).
type row struct {
	Entry   int // index in the transcript
	Line    int // 1-based editor line of the client line
	Conn    int
	NewConn bool // the first line of a connection after a close
	Close   bool
	Differs bool
	before  protocol.SessionState
}

// result is everything the page shows for an input and a policy.
type result struct {
	Transcript protocol.Transcript
	Rows       []row
	Differs    int // rows whose pasted expectations differ
	Skipped    int // client lines not evaluated (beyond maxEvaluatedLines)
}

// evaluate runs the input through a fresh session with p. It is a pure
// function of its arguments.
func evaluate(p *protocol.Policy, input string) result {
	var res result
	res.Transcript = protocol.ReadTranscript(input)
	res.Rows = make([]row, 0, min(len(res.Transcript.Entries), maxEvaluatedLines))
	s := protocol.NewSession(p)
	prevClosed := false
	for i := range res.Transcript.Entries {
		if len(res.Rows) >= maxEvaluatedLines {
			res.Skipped = len(res.Transcript.Entries) - i
			break
		}
		e := &res.Transcript.Entries[i]
		before := s.State()
		x := s.Step(e.Client)
		if x.Kind == protocol.KindIgnored {
			continue
		}
		r := row{Entry: i, Line: e.Line, Conn: x.Conn, NewConn: prevClosed, Close: x.Close, Differs: e.Differs(&x), before: before}
		if r.Differs {
			res.Differs++
		}
		prevClosed = x.Close
		res.Rows = append(res.Rows, r)
	}
	return res
}

// exchange computes row i's exchange again, from where its session stood.
// The Decision it points to belongs to the returned exchange alone.
func (res *result) exchange(p *protocol.Policy, i int) protocol.Exchange {
	r := &res.Rows[i]
	x := protocol.ResumeSession(p, r.before).Step(res.Transcript.Entries[r.Entry].Client)
	if x.Decision != nil {
		d := *x.Decision
		x.Decision = &d
	}
	return x
}

// maxRenderedRows bounds the transcript rows drawn at once; the others
// are a click (or a caret move) away.
const maxRenderedRows = 60

// window returns the rows to draw: all of them, or maxRenderedRows around
// the selected one.
func (res *result) window(sel int) (from, to int) {
	n := len(res.Rows)
	if n <= maxRenderedRows {
		return 0, n
	}
	from = min(max(sel-maxRenderedRows/2, 0), n-maxRenderedRows)
	return from, from + maxRenderedRows
}

// rowAtLine returns the index of the row for the editor line n (1-based):
// the last row that starts at or before it, or -1.
func (res *result) rowAtLine(n int) int {
	best := -1
	for i := range res.Rows {
		if res.Rows[i].Line > n {
			break
		}
		best = i
	}
	return best
}

// respondText is the transcript in the wiki's notation, as the command
// line's respond writes it.
func respondText(p *protocol.Policy, input string) string {
	var b strings.Builder
	protocol.Respond(&b, p, input)
	return b.String()
}

// lineOfOffset returns the 1-based line number of byte offset off in s.
func lineOfOffset(s string, off int) int {
	if off > len(s) {
		off = len(s)
	}
	if off < 0 {
		off = 0
	}
	return strings.Count(s[:off], "\n") + 1
}
