package main

import (
	"sort"
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
	Close   bool // the server closed the connection after the line
	Hangup  bool // the client did ("Client disconnects.")
	Ended   bool // the transcript has the server close, where this one would not
	Differs bool
	before  protocol.SessionState
}

// result is everything the page shows for an input and a policy.
type result struct {
	Transcript protocol.Transcript
	Rows       []row
	Differs    int // rows whose pasted expectations differ
	Skipped    int // client lines not evaluated (beyond maxEvaluatedLines)
	policy     *protocol.Policy
}

// evaluate runs the input through a fresh session with p. It is a pure
// function of its arguments.
func evaluate(p *protocol.Policy, input string) result {
	return reevaluate(nil, p, input)
}

// reevaluate is evaluate, reusing what prev (computed for an earlier text)
// already knows. A row depends only on the lines before it on its
// connection, and a connection starts afresh, whatever came before it:
// so the rows of the lines before the first change are kept as they are,
// and after it, each connection whose lines are unchanged (found where
// the change moved it) takes its rows from prev, renumbered, instead of
// being stepped through again.
func reevaluate(prev *result, p *protocol.Policy, input string) result {
	return reevaluateTranscript(prev, p, protocol.ReadTranscript(input))
}

// reevaluateTranscript is reevaluate of a transcript already read.
func reevaluateTranscript(prev *result, p *protocol.Policy, t protocol.Transcript) result {
	res := result{Transcript: t, policy: p}
	entries := res.Transcript.Entries
	res.Rows = make([]row, 0, min(len(entries), maxEvaluatedLines))
	if prev != nil && prev.policy != p {
		prev = nil
	}
	s := protocol.NewSession(p)
	start, prevClosed := 0, false
	if prev != nil {
		start, prevClosed, s = res.keepPrefix(prev, p)
	}
	for i := start; i < len(entries); i++ {
		if len(res.Rows) >= maxEvaluatedLines {
			res.Skipped = len(entries) - i
			break
		}
		e := &entries[i]
		before := s.State()
		if prev != nil && before.Fresh() {
			// Entries after the change sit where they were, moved by the
			// change in their count.
			if next, ok := res.reuse(prev, i-len(entries)+len(prev.Transcript.Entries), i, before); ok {
				last := &res.Rows[len(res.Rows)-1]
				s.Resume(last.before)
				s.StepEntry(&entries[last.Entry])
				i, prevClosed = next-1, true
				continue
			}
		}
		x := s.StepEntry(e)
		if x.Kind == protocol.KindIgnored {
			continue
		}
		r := row{Entry: i, Line: e.Line, Conn: x.Conn, NewConn: prevClosed, Close: x.Close, Hangup: x.Hangup, Ended: x.Ended, Differs: e.Differs(&x), before: before}
		if r.Differs {
			res.Differs++
		}
		prevClosed = x.Close || x.Hangup || x.Ended
		res.Rows = append(res.Rows, r)
	}
	return res
}

// keepPrefix copies prev's rows for the entries before the first one that
// changed, and returns where to go on: the next entry, whether the last
// kept row closed its connection, and the session after it.
func (res *result) keepPrefix(prev *result, p *protocol.Policy) (int, bool, *protocol.Session) {
	old, cur := prev.Transcript.Entries, res.Transcript.Entries
	same := 0
	for same < len(old) && same < len(cur) && sameEntry(&old[same], &cur[same]) {
		same++
	}
	n := sort.Search(len(prev.Rows), func(k int) bool { return prev.Rows[k].Entry >= same })
	if n == 0 {
		return 0, false, protocol.NewSession(p)
	}
	res.Rows = append(res.Rows, prev.Rows[:n]...)
	for i := range res.Rows {
		res.Rows[i].Line = cur[res.Rows[i].Entry].Line
		if res.Rows[i].Differs {
			res.Differs++
		}
	}
	last := &res.Rows[n-1]
	s := protocol.ResumeSession(p, last.before)
	s.StepEntry(&cur[last.Entry])
	return last.Entry + 1, last.ends(), s
}

// reuse appends the rows of prev's connection that opens with prev's
// entry from, if it closes and its entries are those from entry i on,
// renumbered for a connection that opens in state st. It returns the
// entry after the connection's last.
func (res *result) reuse(prev *result, from, i int, st protocol.SessionState) (int, bool) {
	old, cur := prev.Transcript.Entries, res.Transcript.Entries
	rows := prev.Rows
	first := sort.Search(len(rows), func(k int) bool { return rows[k].Entry >= from })
	if first == len(rows) || rows[first].Entry != from || (first > 0 && rows[first-1].Conn == rows[first].Conn) {
		return 0, false // no row there, or not the first of its connection
	}
	end := first
	for end < len(rows) && rows[end].Conn == rows[first].Conn && !rows[end].ends() {
		end++
	}
	if end == len(rows) || rows[end].Conn != rows[first].Conn {
		return 0, false // the connection does not close
	}
	end++
	to := rows[end-1].Entry + 1
	if i+to-from > len(cur) || len(res.Rows)+end-first > maxEvaluatedLines {
		return 0, false
	}
	for k := from; k < to; k++ {
		if !sameEntry(&old[k], &cur[i+k-from]) {
			return 0, false
		}
	}
	shift := st.NextConn() - rows[first].Conn
	for k := first; k < end; k++ {
		r := rows[k]
		r.Entry += i - from
		r.Line = cur[r.Entry].Line
		r.Conn += shift
		r.before = r.before.Renumbered(shift)
		if k == first {
			r.NewConn, r.before = len(res.Rows) > 0, st
		}
		if r.Differs {
			res.Differs++
		}
		res.Rows = append(res.Rows, r)
	}
	return i + to - from, true
}

// sameEntry reports whether two entries have the same client line and
// pasted answers (their place in the text may differ).
func sameEntry(a, b *protocol.Entry) bool {
	if a.Client != b.Client || a.Expected != b.Expected || a.ExpectClose != b.ExpectClose || a.Hangup != b.Hangup || len(a.Expect) != len(b.Expect) {
		return false
	}
	for i := range a.Expect {
		if a.Expect[i] != b.Expect[i] {
			return false
		}
	}
	return true
}

// ends reports whether the row's connection ends after it, closed by
// either side.
func (r *row) ends() bool { return r.Close || r.Hangup || r.Ended }

// exchange computes row i's exchange again, from where its session stood.
func (res *result) exchange(p *protocol.Policy, i int) protocol.Exchange {
	r := &res.Rows[i]
	return protocol.ResumeSession(p, r.before).StepEntry(&res.Transcript.Entries[r.Entry])
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
	return sort.Search(len(res.Rows), func(i int) bool { return res.Rows[i].Line > n }) - 1
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
