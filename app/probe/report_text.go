package probe

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"cvq-playground/protocol"
)

// WriteText writes the report for a person: a ✔ or × line per case, then
// each case that did not pass with what was sent, expected and received,
// the fields that differ, the engine's explanation and a playground link,
// then the counts and the nearest preset.
func WriteText(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	where := r.Target
	if r.Address != "" && r.Address != r.Target {
		where += " (" + r.Address + ")"
	}
	fmt.Fprintf(bw, "probe: %d cases of %s against %s\n\n", len(r.Results), r.Policy, where)
	for i := range r.Results {
		res := &r.Results[i]
		mark := "✔"
		if !res.Passed() {
			mark = "×"
		}
		fmt.Fprintf(bw, "%s %-7s %s", mark, res.Outcome, res.ID)
		if res.Title != "" {
			fmt.Fprintf(bw, "  %s", res.Title)
		}
		bw.WriteString("\n")
	}
	failed := false
	for i := range r.Results {
		res := &r.Results[i]
		if res.Passed() || res.Outcome == Skip {
			continue
		}
		if !failed {
			bw.WriteString("\nCases that did not pass\n")
			failed = true
		}
		writeFailure(bw, r, res)
	}
	writeSummary(bw, r)
	return bw.Flush()
}

func writeFailure(w *bufio.Writer, r *Report, res *Result) {
	fmt.Fprintf(w, "\n× %s %s\n", res.ID, res.Outcome)
	if res.Err != "" {
		fmt.Fprintf(w, "  error     %s\n", res.Err)
	}
	for i, st := range res.Steps {
		fmt.Fprintf(w, "  sent      %s\n", abbreviate(st.Sent))
		if i < len(res.Expected) {
			fmt.Fprintf(w, "  expected  %s\n", expectedText(&res.Expected[i]))
		}
		fmt.Fprintf(w, "  received  %s\n", receivedText(&st))
	}
	for _, d := range res.Diffs {
		fmt.Fprintf(w, "  differs   %s: expected %s, received %s\n", d.Field, abbreviate(d.Expected), abbreviate(d.Received))
	}
	if res.Why != "" {
		fmt.Fprintf(w, "  why       %s\n", res.Why)
	}
	if res.Source != "" {
		fmt.Fprintf(w, "  source    %s\n", res.Source)
	}
	if l := Link(r.BaseURL, res); l != "" && len(res.Steps) > 0 {
		fmt.Fprintf(w, "  open      %s\n", l)
	}
}

// expectedText is what the policy does with a line, in one line.
func expectedText(x *protocol.Exchange) string {
	s := "(no reply)"
	if x.Kind == protocol.KindReplied {
		s = x.Reply
	}
	if x.Close {
		s += ", then closes"
	}
	return abbreviate(s)
}

// receivedText is what came back, in one line.
func receivedText(st *Step) string {
	var parts []string
	parts = append(parts, st.Lines...)
	switch {
	case st.Garbage != "":
		parts = append(parts, fmt.Sprintf("garbage %q", st.Garbage))
	case st.Partial != "":
		parts = append(parts, fmt.Sprintf("%q without a line end", st.Partial))
	}
	if len(parts) == 0 {
		parts = append(parts, "(no reply)")
	}
	s := strings.Join(parts, " / ")
	switch {
	case st.Closed:
		s += ", then closes"
	case st.Silent:
		s += ", then silence"
	}
	return abbreviate(s)
}

// abbreviate keeps a long line (the too-long case's) readable.
func abbreviate(s string) string {
	if len(s) <= 200 {
		return s
	}
	return fmt.Sprintf("%s… (%d bytes)", strings.ToValidUTF8(s[:120], ""), len(s))
}

func writeSummary(w *bufio.Writer, r *Report) {
	var counts []string
	for _, o := range Outcomes() {
		if r.Counts[o] > 0 {
			counts = append(counts, fmt.Sprintf("%d %s", r.Counts[o], o))
		}
	}
	fmt.Fprintf(w, "\nSummary: %d cases: %s\n", len(r.Results), strings.Join(counts, ", "))
	if len(r.Fields) > 0 {
		var fs []string
		for _, f := range r.fieldNames() {
			fs = append(fs, fmt.Sprintf("%s %d", f, r.Fields[f]))
		}
		fmt.Fprintf(w, "Mismatches per field: %s\n", strings.Join(fs, ", "))
	}
	fmt.Fprintf(w, "Nearest preset: %s\n", r.Nearest.Text)
	if r.Sanity != "" {
		fmt.Fprintf(w, "Note: %s\n", r.Sanity)
	}
	if r.Aborted != "" {
		fmt.Fprintf(w, "Aborted: %s\n", r.Aborted)
	}
}
