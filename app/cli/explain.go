package cli

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"cvq-playground/protocol"
)

// Explain writes, for each client line, its fields, the checks, the answer
// and the client's reaction, as aligned text or Markdown tables.
func Explain(w io.Writer, p *protocol.Policy, text string, markdown bool) error {
	bw := bufio.NewWriter(w)
	t := protocol.ReadTranscript(text)
	s := protocol.NewSession(p)
	fmt.Fprintf(bw, "Policy: %s (%s). %s\n", p.Name, p.Date, p.Description)
	conn := 0
	for i := range t.Entries {
		e := &t.Entries[i]
		x := s.StepEntry(e)
		if x.Kind == protocol.KindIgnored {
			continue
		}
		if x.Conn != conn {
			conn = x.Conn
			heading(bw, markdown, 2, fmt.Sprintf("Connection %d", conn))
		}
		ex := protocol.Explain(p, &x)
		heading(bw, markdown, 3, "C: "+x.Line)
		if len(ex.Request) > 0 {
			writeFieldTable(bw, markdown, "Request", ex.Request, true)
		}
		stepTable(bw, markdown, ex.Steps)
		if x.Reply != "" {
			para(bw, markdown, "Answer", "S: "+x.Reply)
			writeFieldTable(bw, markdown, "Response", ex.Response, false)
		} else if x.Kind == protocol.KindSilent {
			para(bw, markdown, "Answer", "(no reply)")
		}
		para(bw, markdown, "Outcome", ex.Outcome)
		if ex.ReactionText != "" {
			para(bw, markdown, "Client", ex.ReactionText)
		}
		if x.Close {
			para(bw, markdown, "", protocol.DisconnectLine)
		}
		if x.Hangup {
			para(bw, markdown, "", protocol.HangupLine)
		}
		if e.Differs(&x) {
			para(bw, markdown, "Differs", "the pasted answer was: "+strings.Join(e.Expect, " / "))
		}
	}
	return bw.Flush()
}

func heading(w io.Writer, markdown bool, level int, title string) {
	if markdown {
		fmt.Fprintf(w, "\n%s %s\n", strings.Repeat("#", level), mdEscape(title))
		return
	}
	if level == 2 {
		fmt.Fprintf(w, "\n== %s ==\n", title)
		return
	}
	fmt.Fprintf(w, "\n%s\n", title)
}

func para(w io.Writer, markdown bool, label, text string) {
	switch {
	case markdown && label != "":
		fmt.Fprintf(w, "\n**%s:** %s\n", label, mdEscape(text))
	case markdown:
		fmt.Fprintf(w, "\n%s\n", mdEscape(text))
	case label != "":
		fmt.Fprintf(w, "  %s: %s\n", label, text)
	default:
		fmt.Fprintf(w, "  %s\n", text)
	}
}

func checkedWord(f protocol.Field) string {
	if f.Checked {
		return "checked"
	}
	return "-"
}

// writeFieldTable writes the fields of a request (with how each fared in
// the checks) or of a response (what each says).
func writeFieldTable(w io.Writer, markdown bool, title string, fs []protocol.Field, request bool) {
	header := []string{"field", "raw", "value", "status", "checked", "source", "note"}
	if !request {
		header = []string{"field", "raw", "value", "meaning", "source"}
	}
	var rows [][]string
	for _, f := range fs {
		raw := f.Raw
		if !f.Present {
			raw = "(missing)"
		}
		if !request {
			rows = append(rows, []string{f.Name, raw, f.Value, f.Meaning, f.Source.Text()})
			continue
		}
		rows = append(rows, []string{f.Name, raw, f.Value, f.Status.Text(), checkedWord(f), f.Source.Text(), f.Note})
	}
	table(w, markdown, title, header, rows)
}

func stepTable(w io.Writer, markdown bool, steps []protocol.Step) {
	var rows [][]string
	for i, s := range steps {
		rows = append(rows, []string{fmt.Sprint(i + 1), s.Name, stepWord(s.Status), s.Detail, s.Source.Text()})
	}
	table(w, markdown, "Checks", []string{"#", "check", "result", "detail", "source"}, rows)
}

func stepWord(s protocol.Status) string {
	switch s {
	case protocol.StatusOK:
		return "passed"
	case protocol.StatusError:
		return "decided"
	}
	return s.Text()
}

func table(w io.Writer, markdown bool, title string, header []string, rows [][]string) {
	if markdown {
		fmt.Fprintf(w, "\n**%s**\n\n| %s |\n|%s\n", title, strings.Join(header, " | "), strings.Repeat("---|", len(header)))
		for _, r := range rows {
			for i := range r {
				r[i] = mdCell(r[i])
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(r, " | "))
		}
		return
	}
	fmt.Fprintf(w, "  %s\n", title)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "    %s\n", strings.ToUpper(strings.Join(header, "\t")))
	for _, r := range rows {
		for i := range r {
			r[i] = printable(r[i])
		}
		fmt.Fprintf(tw, "    %s\n", strings.Join(r, "\t"))
	}
	tw.Flush()
}

// printable keeps control characters of user text out of the terminal.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '�'
		}
		return r
	}, s)
}

func mdEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "#", `\#`, "[", `\[`, "]", `\]`).Replace(printable(s))
}

func mdCell(s string) string {
	if s == "" {
		return ""
	}
	return strings.ReplaceAll(mdEscape(s), "|", `\|`)
}
