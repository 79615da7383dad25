package main

import (
	"strings"

	"cvq-playground/protocol"
)

// The comment lines of a transcript are shown where they stand: a
// recording's "# case ID: OUTCOME" as a heading above its first client
// line, the notes about what came back ("# silent: …", "# garbage: …")
// under the line they are about, any other comment above the line that
// follows it. Only the rows drawn look at the text around them.

// caseHead is a recording's case heading.
const caseHead = "# case "

// afterNotes are the comments a recording writes after the client line
// they are about.
var afterNotes = []string{"# silent:", "# garbage:", "# partial:", "# kept open:", "# framing:", "# error:", "# skipped:", "# client:", "# listen closed", "# C: ", "# S: ", "# ("}

// entrySpan returns the bytes of the input e's client line spans.
func entrySpan(e *protocol.Entry) (start, end int) {
	if len(e.Segs) == 0 {
		return 0, 0
	}
	last := e.Segs[len(e.Segs)-1]
	return e.Segs[0].Off, last.Off + last.Len
}

// commentsBetween returns the comment lines of input[from:to].
func commentsBetween(input string, from, to int) []string {
	if from >= to || to > len(input) {
		return nil
	}
	var out []string
	for rest := input[from:to]; rest != ""; {
		line, next, _ := strings.Cut(rest, "\n")
		rest = next
		if line = strings.TrimRight(line, "\r"); strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

func isAfterNote(c string) bool {
	for _, p := range afterNotes {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	return false
}

// rowNotes returns the comments drawn with row i: above it (a case
// heading, with class "case-head" and its outcome's class) and under it.
func rowNotes(res *result, input string, i int) (before []textPart, after []string) {
	entries := res.Transcript.Entries
	start, end := entrySpan(&entries[res.Rows[i].Entry])
	from := 0
	if i > 0 {
		_, from = entrySpan(&entries[res.Rows[i-1].Entry])
	}
	for _, c := range commentsBetween(input, from, start) {
		switch {
		case strings.HasPrefix(c, caseHead):
			before = append(before, caseHeading(c))
		case !isAfterNote(c) || i == 0:
			before = append(before, textPart{"comment", c})
		}
	}
	to := len(input)
	if i+1 < len(res.Rows) {
		to, _ = entrySpan(&entries[res.Rows[i+1].Entry])
	}
	for _, c := range commentsBetween(input, end, to) {
		if isAfterNote(c) {
			after = append(after, c)
		}
	}
	return before, after
}

// caseHeading reads "# case ID: OUTCOME[ fields]" as a heading: the ID,
// then the outcome, coloured by whether the case passed.
func caseHeading(c string) textPart {
	id, outcome, _ := strings.Cut(strings.TrimPrefix(c, caseHead), ": ")
	word, _, _ := strings.Cut(outcome, " ")
	cls := "case-head case-fail"
	switch word {
	case "PASS":
		cls = "case-head case-pass"
	case "SKIP", "":
		cls = "case-head case-skip"
	}
	text := "case " + id
	if outcome != "" {
		text += " · " + outcome
	}
	return textPart{cls, text}
}
