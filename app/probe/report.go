package probe

import (
	"slices"
	"strings"
)

// Report is a graded run: what the text, JSON and JUnit reports say.
type Report struct {
	Policy  string // the preset graded against
	Target  string // HOST:PORT as named, or the recording's file
	Address string // the address connected to; "" for a replay
	Results []Result
	Nearest Nearest
	// Aborted says why the run stopped before its last case; "" if it
	// did not.
	Aborted string
	// Sanity says that the server answered the first sanity case and not
	// the last: it may have died or changed during the run.
	Sanity  string
	BaseURL string // the playground, for the links
	Counts  [numOutcomes]int
	// Fields counts, for each field, the cases in which it differs.
	Fields map[string]int
}

// NewReport grades the records against p and against every preset.
func NewReport(policy string, results []Result, target, addr, aborted, base string) *Report {
	r := &Report{Policy: policy, Target: target, Address: addr, Results: results, Aborted: aborted, BaseURL: base, Fields: map[string]int{}}
	recs := make([]Record, len(results))
	for i, res := range results {
		recs[i] = res.Record
		r.Counts[res.Outcome]++
		var seen []string
		for _, d := range res.Diffs {
			if !slices.Contains(seen, d.Field) {
				seen = append(seen, d.Field)
				r.Fields[d.Field]++
			}
		}
	}
	r.Nearest = FindNearest(recs, policy)
	var first, last *Result
	for i := range results {
		if results[i].Sanity() {
			if first == nil {
				first = &results[i]
			}
			last = &results[i]
		}
	}
	if first != nil && last != first && first.Passed() && !last.Passed() && last.Outcome != Skip {
		r.Sanity = "the server answered the sanity case at the start of the run but not at the end (" + last.Outcome.String() +
			"): it may have stopped or changed during the run, and later failures may come from that"
	}
	return r
}

// Sanity reports whether r is one of the run's sanity cases.
func (r *Result) Sanity() bool { return strings.Contains(r.ID, "/sanity/") }

// Exit statuses of probe.
const (
	ExitPass    = 0 // every case passed
	ExitFail    = 1 // a case did not
	ExitUsage   = 2 // the command line is wrong
	ExitAborted = 3 // could not connect, or the run stopped early
)

// ExitCode is the status for r: 3 for an aborted run, 1 if any case did
// not pass, 0 otherwise.
func (r *Report) ExitCode() int {
	switch {
	case r.Aborted != "":
		return ExitAborted
	case r.Counts[Pass] != len(r.Results):
		return ExitFail
	}
	return ExitPass
}

// fieldNames returns the differing fields, most often first.
func (r *Report) fieldNames() []string {
	var fs []string
	for f := range r.Fields {
		fs = append(fs, f)
	}
	slices.SortFunc(fs, func(a, b string) int {
		if r.Fields[a] != r.Fields[b] {
			return r.Fields[b] - r.Fields[a]
		}
		if a < b {
			return -1
		}
		return 1
	})
	return fs
}
