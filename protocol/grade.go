package protocol

import (
	"strconv"
	"strings"
)

// Answer is how one policy answers a client line of a transcript, in
// the context of the lines before it.
type Answer struct {
	Policy   *Policy
	Exchange Exchange
	// Reproduces reports that the exchange is what the transcript pasted
	// after the line: its server lines and, where pasted, the close.
	// It is false when nothing was pasted.
	Reproduces bool
}

// NewAnswer grades x, p's answer to the client line of e.
func NewAnswer(p *Policy, e *Entry, x Exchange) Answer {
	return Answer{Policy: p, Exchange: x, Reproduces: e.Expected && !e.Differs(&x)}
}

// Grade runs the client lines of t up to entry i with each policy, each
// in a session of its own, and returns how each answers entry i, in the
// order of policies. The lines before i matter: they negotiate the
// dialect and open or close connections (a "Client disconnects." too). Grade returns nil when i is not
// an entry of t.
func Grade(policies []*Policy, t *Transcript, i int) []Answer {
	if i < 0 || i >= len(t.Entries) {
		return nil
	}
	out := make([]Answer, 0, len(policies))
	for _, p := range policies {
		s := NewSession(p)
		for k := 0; k < i; k++ {
			s.StepEntry(&t.Entries[k])
		}
		out = append(out, NewAnswer(p, &t.Entries[i], s.StepEntry(&t.Entries[i])))
	}
	return out
}

// Reproducing returns the names of the policies whose answers reproduce
// the pasted answer, in the order of answers.
func Reproducing(answers []Answer) []string {
	var names []string
	for _, a := range answers {
		if a.Reproduces {
			names = append(names, a.Policy.Name)
		}
	}
	return names
}

// FieldDiff is a field where two server lines differ.
type FieldDiff struct {
	Index     int    // the field's place in the line, 0 for the first
	Name      string // what the field is, e.g. "minimum"
	Want, Got string // the field in each line; "" where the line has none
}

// DiffReply compares the server lines want and got field by field, and
// returns the fields that differ, in order. Fields are what the lines'
// single spaces part: an empty field (two spaces) counts as one, as the
// server writes it, so that a missing one shifts those after it.
func DiffReply(want, got string) []FieldDiff {
	w, g := strings.Split(want, " "), strings.Split(got, " ")
	if want == "" {
		w = nil
	}
	if got == "" {
		g = nil
	}
	var out []FieldDiff
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b || (i >= len(w)) != (i >= len(g)) {
			name := ReplyFieldName(got, i)
			if i >= len(g) {
				name = ReplyFieldName(want, i)
			}
			out = append(out, FieldDiff{Index: i, Name: name, Want: a, Got: b})
		}
	}
	return out
}

// replyKeys are the fields of the server's lines, by the kind of line,
// as data/fields.tsv names them.
var replyKeys = map[string][]string{
	"S:VER":   {"command", "trid", "dialect"},
	"S:error": {"code", "trid"},
	"S:query": {"command", "trid", "recommended", "recommended2", "minimum", "download", "fallback"},
}

// ReplyFieldName names field i (0 for the first) of the server line s
// as the explanation's response table does: "minimum", "download-url",
// "TrID". A field past the known ones is "field 8" (counted from 1).
func ReplyFieldName(s string, i int) string {
	cmd, _, _ := strings.Cut(s, " ")
	kind := ""
	switch {
	case cmd == "VER":
		kind = "S:VER"
	case cmd == "CVQ" || cmd == "CVR":
		kind = "S:query"
	case cmd != "" && strings.Trim(cmd, "0123456789") == "":
		kind = "S:error"
	}
	if kind == "S:VER" && i > 2 {
		i = 2 // an echoing server lists every dialect it speaks
	}
	if keys := replyKeys[kind]; i >= 0 && i < len(keys) {
		return describe(kind, keys[i]).Name
	}
	return "field " + strconv.Itoa(i+1)
}
