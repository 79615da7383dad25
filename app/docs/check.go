package docs

import (
	"path/filepath"
	"strings"

	"cvq-playground/protocol"
)

// Checked is one example of a file, its documented lines compared with
// the computed ones.
type Checked struct {
	Line   int    `json:"line"` // the file line of its first line
	Policy string `json:"policy"`
	Check  Check  `json:"check"`
	Error  string `json:"error,omitempty"` // an unknown preset: nothing compared
	// Documented server lines (and documented closes), by outcome.
	Documented int `json:"documented"`
	Matching   int `json:"matching"`
	Differing  int `json:"differing"`
	Unchecked  int `json:"unchecked"`
	// NotSimulated names the commands whose documented answers were not
	// checked.
	NotSimulated []string `json:"notSimulated,omitempty"`
	// Suggest lists the presets under which every documented line of a
	// differing example matches.
	Suggest     []string     `json:"suggest,omitempty"`
	Differences []Difference `json:"differences,omitempty"`
}

// Difference is a documented line that is not what the server writes.
type Difference struct {
	Line       int    `json:"line"` // its own line in the file
	Client     string `json:"client"`
	Documented string `json:"documented"`
	Computed   string `json:"computed"`
	Reason     string `json:"reason"`
}

// CheckPage finds the examples of a file, Markdown (.md, .markdown) or
// HTML, and checks each with its options, or when it names no preset, the
// page's (data-policy of its embed.js script tag), else policy.
func CheckPage(name string, src []byte, policy string) []Checked {
	var found []Found
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown":
		found = findMarkdown(src)
	default:
		p := findHTML(src, true)
		found = p.examples
		if p.policy != "" {
			policy = p.policy // the page's own default, as embed.js reads it
		}
	}
	out := make([]Checked, 0, len(found))
	for i := range found {
		out = append(out, checkFound(&found[i], policy))
	}
	return out
}

// checkFound checks one example.
func checkFound(ex *Found, policy string) Checked {
	opts, input := SplitOptions(ex.Text, ex.Opts)
	first := strings.Count(ex.Text[:len(ex.Text)-len(input)], "\n")
	fileLine := func(n int) int { // n: a 1-based line of input
		if k := first + n - 1; k >= 0 && k < len(ex.Lines) {
			return ex.Lines[k]
		}
		return ex.Lines[len(ex.Lines)-1]
	}
	c := Checked{Line: fileLine(1), Policy: opts.Policy}
	if c.Policy == "" {
		c.Policy = policy
	}
	p, err := protocol.Preset(c.Policy)
	if err != nil {
		c.Error = "unknown policy " + clip(c.Policy, 60) + ": use one of " + strings.Join(protocol.PresetNames(), ", ")
		return c
	}
	compare(&c, p, input, fileLine)
	if c.Differing > 0 {
		for _, name := range protocol.PresetNames() {
			if q, _ := protocol.Preset(name); name != c.Policy {
				var try Checked
				if compare(&try, q, input, fileLine); try.Differing == 0 {
					c.Suggest = append(c.Suggest, name)
				}
			}
		}
	}
	return c
}

// compare steps input under p and counts its documented lines into c.
func compare(c *Checked, p *protocol.Policy, input string, fileLine func(int) int) {
	t := ReadExample(input)
	c.Documented += len(t.Stray)
	c.Unchecked += len(t.Stray)
	s := protocol.NewSession(p)
	var checks []Check
	for i := range t.Entries {
		e := &t.Entries[i]
		x := s.StepEntry(e)
		v := Judge(p, e, &x)
		checks = append(checks, v.Check)
		n := len(e.Expect)
		if e.ExpectClose {
			n++
		}
		c.Documented += n
		switch v.Check {
		case CheckUnchecked:
			c.Unchecked += n
			c.NotSimulated = appendNew(c.NotSimulated, x.Req.CommandName())
			continue
		case CheckMatch:
			c.Matching += n
			continue
		case CheckNone:
			continue
		}
		before := len(c.Differences)
		for k, doc := range e.Expect {
			got := ""
			if k == 0 {
				got = x.Reply
			}
			one := protocol.Entry{Expected: true, Expect: []string{doc}}
			if k == 0 && x.Reply != "" && !one.LinesDiffer(&x) {
				continue
			}
			c.Differences = append(c.Differences, Difference{Line: fileLine(e.ExpectLines[k]), Documented: clip(doc, maxShown), Computed: clip(orNone(got, k), maxShown)})
		}
		if e.ExpectClose && (!x.Close || len(e.Expect) == 0 && x.Reply != "") {
			got := "the connection stays open"
			if len(e.Expect) == 0 && x.Reply != "" {
				got = clip(x.Reply, maxShown)
				if x.Close {
					got += ", then " + protocol.DisconnectLine
				}
			}
			c.Differences = append(c.Differences, Difference{Line: fileLine(e.CloseLine), Documented: protocol.DisconnectLine, Computed: got})
		}
		for k := before; k < len(c.Differences); k++ {
			c.Differences[k].Client, c.Differences[k].Reason = clip(e.Client, maxShown), v.Reason
		}
		c.Differing += len(c.Differences) - before
		c.Matching += n - (len(c.Differences) - before)
	}
	c.Check = Combine(checks...)
}

func orNone(reply string, k int) string {
	switch {
	case reply != "":
		return reply
	case k == 0:
		return "no reply"
	}
	return "no further line"
}

func appendNew(list []string, s string) []string {
	for _, l := range list {
		if l == s {
			return list
		}
	}
	return append(list, s)
}
