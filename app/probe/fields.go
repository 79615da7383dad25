package probe

import (
	"strings"
)

// Diff is one field of one line that differs from what the policy
// expects.
type Diff struct {
	Step     int    // index of the line sent, from 0
	Field    string // e.g. "minimum", "close", "reply"
	Expected string
	Received string
}

// Field names, as reports and JSON give them, in the order of the line.
var replyFields = []string{"command", "trid", "recommended", "recommended2", "minimum", "download", "empty", "fallback"}

// fieldWords say a field in a sentence: "the minimum version".
var fieldWords = map[string]string{
	"command": "the command", "trid": "the TrID", "code": "the error code", "dialects": "the dialects",
	"recommended": "the recommended version", "recommended2": "the second recommended version",
	"minimum": "the minimum version", "download": "the download URL", "empty": "the empty field",
	"fallback": "the fallback page", "reply": "the reply", "close": "the close", "extra": "extra lines",
	"framing": "the line end", "garbage": "the bytes",
}

// compareLines splits both lines into named fields and returns those
// that differ.
func compareLines(step int, want, got string) []Diff {
	if want == got {
		return nil
	}
	wf, gf := named(want), named(got)
	if wf == nil || gf == nil || wf["kind"] != gf["kind"] {
		field := "reply"
		if wf["kind"] == "error" || gf["kind"] == "error" {
			field = "code"
		}
		return []Diff{{step, field, want, got}}
	}
	var out []Diff
	for _, f := range fieldOrder(wf["kind"]) {
		if wf[f] != gf[f] {
			out = append(out, Diff{step, f, wf[f], gf[f]})
		}
	}
	if len(out) == 0 { // same fields, other blanks
		out = append(out, Diff{step, "reply", want, got})
	}
	return out
}

func fieldOrder(kind string) []string {
	switch kind {
	case "error":
		return []string{"code", "trid"}
	case "ver":
		return []string{"command", "trid", "dialects"}
	}
	return replyFields
}

// named splits a server line into its fields: an error (code, TrID), a
// VER answer, or a CVQ/CVR answer with versions; nil for anything else.
func named(l string) map[string]string {
	t := strings.Split(l, " ")
	switch {
	case len(t) == 2 && isDigits(t[0]) && len(t[0]) == 3:
		return map[string]string{"kind": "error", "code": t[0], "trid": t[1]}
	case len(t) >= 2 && t[0] == "VER":
		return map[string]string{"kind": "ver", "command": t[0], "trid": t[1], "dialects": strings.Join(t[2:], " ")}
	case len(t) >= 2 && (t[0] == "CVQ" || t[0] == "CVR"):
		m := map[string]string{"kind": "answer"}
		if len(t) == 8 && t[6] == "" {
			m["empty"] = "(empty)"
			t = append(t[:6], t[7])
		}
		for i, v := range t {
			if i >= 7 {
				m["fallback"] += " " + v // extra tokens count against the last field
				continue
			}
			f := replyFields[i]
			if i == 6 {
				f = "fallback"
			}
			m[f] = v
		}
		return m
	}
	return nil
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
