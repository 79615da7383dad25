package probe

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"cvq-playground/protocol"
)

// Nearest is the preset whose answers are closest to what the server
// answered, found by grading the same records against every preset.
type Nearest struct {
	Preset  string
	Failing int    // cases that do not come out as the preset answers
	Diffs   []Diff // its differences, with the sent line's context
	Text    string // e.g. "answers like msn-2003-09 except the minimum version for 0x0804"
	// Others is every preset with its count of failing cases, by date.
	Others []Score
}

// Score is a preset's count of cases that fail against it.
type Score struct {
	Preset  string `json:"preset"`
	Failing int    `json:"failing"`
}

// FindNearest grades recs against every built-in preset and returns the
// one with the fewest failing cases (then the fewest differing fields);
// a tie goes to prefer, then to the earlier preset. Records that were not
// answered (ERROR, SKIP) do not count.
func FindNearest(recs []Record, prefer string) Nearest {
	var best Nearest
	bestFields := 0
	first := true
	for _, p := range presets() {
		n, fields := 0, 0
		var diffs []Diff
		var results []Result
		for _, r := range recs {
			if r.Skipped || r.Err != "" {
				continue
			}
			g := Grade(p, r)
			if !g.Passed() {
				n++
				fields += len(g.Diffs)
				results = append(results, g)
			}
		}
		for _, g := range results {
			for _, d := range g.Diffs {
				d.Received = clientOf(g.Steps[d.Step].Sent)
				diffs = append(diffs, d)
			}
		}
		best.Others = append(best.Others, Score{p.Name, n})
		better := first || n < best.Failing || n == best.Failing && fields < bestFields ||
			n == best.Failing && fields == bestFields && p.Name == prefer
		if better {
			best.Preset, best.Failing, best.Diffs, bestFields = p.Name, n, diffs, fields
			first = false
		}
	}
	best.Text = nearestText(best)
	return best
}

// presets are the built-in presets, compiled once: deciding never
// changes a policy.
var presets = sync.OnceValue(protocol.Presets)

// clientOf names the client a line is about: "0x0804 MSNMSGR 6.2.0133"
// for a query, the line for anything else.
func clientOf(sent string) string {
	r := protocol.Parse(sent)
	if c := r.CommandName(); (c == "CVQ" || c == "CVR") && r.NParams > protocol.ParamVersion {
		return r.ParamText(protocol.ParamLocale) + " " + r.ParamText(protocol.ParamLibrary) + " " + r.ParamText(protocol.ParamVersion)
	}
	if len(sent) > 40 {
		return "“" + sent[:40] + "…”"
	}
	return "“" + sent + "”"
}

// nearestText says it in a sentence: the differing fields, each with the
// clients it differs for (three at most).
func nearestText(n Nearest) string {
	if n.Preset == "" {
		return "no answered case to compare"
	}
	if n.Failing == 0 {
		return "answers like " + n.Preset + " in every case"
	}
	var fields []string
	ctx := map[string][]string{}
	for _, d := range n.Diffs {
		if _, ok := ctx[d.Field]; !ok {
			fields = append(fields, d.Field)
		}
		if !slices.Contains(ctx[d.Field], d.Received) {
			ctx[d.Field] = append(ctx[d.Field], d.Received)
		}
	}
	// Fields that differ for the same clients are named together.
	var groups []string
	byClients := map[string][]string{}
	for _, f := range fields {
		c := ctx[f]
		more := ""
		if len(c) > 3 {
			more = fmt.Sprintf(" and %d more", len(c)-3)
			c = c[:3]
		}
		key := strings.Join(c, ", ") + more
		if _, ok := byClients[key]; !ok {
			groups = append(groups, key)
		}
		w := fieldWords[f]
		if w == "" {
			w = f
		}
		byClients[key] = append(byClients[key], w)
	}
	var parts []string
	for _, g := range groups {
		parts = append(parts, andList(byClients[g])+" for "+g)
	}
	return fmt.Sprintf("answers like %s except %s (%d of the cases differ)", n.Preset, strings.Join(parts, "; "), n.Failing)
}

// andList joins "a", "b" and "c" as "a, b and c".
func andList(s []string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
