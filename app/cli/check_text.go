package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"cvq-playground/app/docs"
)

// write writes the report as text: FILE:LINE: for each differing
// documented line and each unknown preset, a note where another preset
// gives the documented answers, and the summary last.
func (r *checkReport) write(w io.Writer) {
	for _, f := range r.Files {
		if f.Error != "" {
			fmt.Fprintf(w, "%s: %s\n", f.Path, f.Error)
			continue
		}
		for _, c := range f.Examples {
			if c.Error != "" {
				fmt.Fprintf(w, "%s:%d: %s\n", f.Path, c.Line, c.Error)
				continue
			}
			if c.Check == docs.CheckDiffer {
				fmt.Fprintf(w, "%s:%d: %s\n", f.Path, c.Line, suggestion(f.Path, &c))
			}
			for _, d := range c.Differences {
				fmt.Fprintf(w, "%s:%d: documented %q, computed %q: %s\n", f.Path, d.Line, d.Documented, d.Computed, d.Reason)
			}
		}
	}
	s := &r.Summary
	fmt.Fprintf(w, "%s, %s, %s: %d matching, %d differing, %d not checkable",
		plural(s.Files, "file"), plural(s.Examples, "example"), plural(s.Documented, "documented line"), s.Matching, s.Differing, s.Unchecked)
	if len(s.NotSimulated) > 0 {
		fmt.Fprintf(w, " (not simulated: %s)", strings.Join(s.NotSimulated, ", "))
	}
	if s.Errors > 0 {
		fmt.Fprintf(w, "; %s", plural(s.Errors, "error"))
	}
	fmt.Fprintln(w)
}

// suggestion says which presets give an example's documented answers,
// and how to give the example one, in the file's markup.
func suggestion(path string, c *docs.Checked) string {
	if len(c.Suggest) == 0 {
		return "this example differs under policy " + c.Policy + ", and under every built-in policy"
	}
	how := fmt.Sprintf(`data-policy="%s" on its pre`, c.Suggest[0])
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".md" || ext == ".markdown" {
		how = "<!-- cvq policy: " + c.Suggest[0] + " --> right before it"
	}
	return "this example needs its own policy: it differs under " + c.Policy + " and matches under " + strings.Join(c.Suggest, ", ") + "; give it " + how
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
