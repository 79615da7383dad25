package probe

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"cvq-playground/protocol"
)

// The recording is a transcript in the notation respond reads and the
// playground opens, one case after another, each its own connection:
//
//	# case msn-2003-09/cvq/error-731/1: FAIL close
//	C: VER 1 CVR0
//	S: VER 1 CVR0
//	C: CVQ 2 spaghetti
//	S: 731 2
//	Client disconnects.
//
// S: lines are the server's lines as received (CR LF removed). What is
// not a line goes in comments: "# garbage: ", "# silent: ", "# partial: ",
// "# framing: LF without CR", "# error: ", "# skipped"; a case ends with
// "Server disconnects client." or "Client disconnects.".
const (
	caseHeader  = "# case "
	noteGarbage = "# garbage: "
	noteSilent  = "# silent: nothing more within the wait"
	notePartial = "# partial: "
	noteLF      = "# framing: LF without CR"
	noteError   = "# error: "
	noteSkipped = "# skipped: the run was aborted first"
	noteSent    = "# sent: "
)

// WriteCase writes one graded case in the recording's notation.
func WriteCase(w io.Writer, r *Result) {
	fmt.Fprintf(w, "%s%s: %s%s\n", caseHeader, r.ID, r.Outcome, fieldList(r.Diffs))
	writeSteps(w, &r.Record)
}

// writeSteps writes a record's exchange.
func writeSteps(w io.Writer, rec *Record) {
	if rec.Skipped {
		fmt.Fprintln(w, noteSkipped)
	}
	for _, st := range rec.Steps {
		if st.Note != "" {
			fmt.Fprintln(w, noteSent+st.Note)
		}
		fmt.Fprintln(w, "C: "+st.Sent)
		for _, l := range st.Lines {
			fmt.Fprintln(w, "S: "+l)
		}
		if st.LF {
			fmt.Fprintln(w, noteLF)
		}
		if st.Garbage != "" {
			fmt.Fprintln(w, noteGarbage+strconv.Quote(st.Garbage))
		}
		if st.Partial != "" {
			fmt.Fprintln(w, notePartial+strconv.Quote(st.Partial))
		}
		if st.Silent && len(st.Lines) == 0 {
			fmt.Fprintln(w, noteSilent)
		}
		if st.Closed {
			fmt.Fprintln(w, protocol.DisconnectLine)
		}
	}
	if rec.Err != "" {
		fmt.Fprintln(w, noteError+oneLine(rec.Err))
	}
	if rec.Hangup {
		fmt.Fprintln(w, protocol.HangupLine)
	}
}

// fieldList writes " minimum, close" for the differing fields.
func fieldList(ds []Diff) string {
	var fs []string
	for _, d := range ds {
		if !contains(fs, d.Field) {
			fs = append(fs, d.Field)
		}
	}
	if len(fs) == 0 {
		return ""
	}
	return " " + strings.Join(fs, ", ")
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func oneLine(s string) string { return strings.NewReplacer("\r", " ", "\n", " ").Replace(s) }

// WriteRecording writes a run's header and every case.
func WriteRecording(w io.Writer, header []string, results []Result) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		fmt.Fprintln(bw, "# "+oneLine(h))
	}
	for i := range results {
		fmt.Fprintln(bw)
		WriteCase(bw, &results[i])
	}
	return bw.Flush()
}

// maxRecording bounds a recording ReadRecording reads.
const maxRecording = 64 << 20

// ReadRecording reads the records of a recording back, to grade them
// again: every "# case" starts one; other comments and lines before the
// first are skipped.
func ReadRecording(r io.Reader) ([]Record, error) {
	sc := bufio.NewScanner(io.LimitReader(r, maxRecording))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var recs []Record
	var cur *Record
	n, note := 0, ""
	for sc.Scan() {
		n++
		l := strings.TrimSuffix(sc.Text(), "\r")
		if rest, ok := strings.CutPrefix(l, caseHeader); ok {
			id, _, _ := strings.Cut(rest, ":")
			recs = append(recs, Record{ID: strings.TrimSpace(id)})
			cur = &recs[len(recs)-1]
			continue
		}
		if cur == nil {
			continue
		}
		if rest, ok := strings.CutPrefix(l, noteSent); ok {
			note = rest // says how the next C: line was sent
			continue
		}
		if c, ok := strings.CutPrefix(l, "C: "); ok || l == "C:" {
			cur.Steps = append(cur.Steps, Step{Sent: c, Note: note})
			note = ""
			continue
		}
		var st *Step
		if len(cur.Steps) > 0 {
			st = &cur.Steps[len(cur.Steps)-1]
		}
		if err := readLine(cur, st, l); err != nil {
			return nil, fmt.Errorf("recording line %d: %v", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return recs, nil
}

// readLine adds one line of a case to its record.
func readLine(cur *Record, st *Step, l string) error {
	switch {
	case l == "":
		return nil
	case l == noteSkipped:
		cur.Skipped = true
		return nil
	case strings.HasPrefix(l, noteError):
		cur.Err = strings.TrimPrefix(l, noteError)
		return nil
	case l == protocol.HangupLine:
		cur.Hangup = true
		return nil
	}
	if st == nil {
		return fmt.Errorf("%q before the case's first C: line", l)
	}
	switch {
	case strings.HasPrefix(l, "S: ") || l == "S:":
		st.Lines = append(st.Lines, strings.TrimPrefix(strings.TrimPrefix(l, "S:"), " "))
	case l == protocol.DisconnectLine:
		st.Closed = true
	case l == noteLF:
		st.LF = true
	case l == noteSilent:
		st.Silent = true
	case strings.HasPrefix(l, noteGarbage), strings.HasPrefix(l, notePartial):
		prefix, to := noteGarbage, &st.Garbage
		if strings.HasPrefix(l, notePartial) {
			prefix, to = notePartial, &st.Partial
		}
		v, err := strconv.Unquote(strings.TrimPrefix(l, prefix))
		if err != nil {
			return fmt.Errorf("%q: not a quoted string", l)
		}
		*to = v
	}
	return nil
}
