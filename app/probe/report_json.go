package probe

import (
	"encoding/json"
	"io"
	"strings"
)

// The JSON report's shape: stable names, the same report as the text.
type jsonReport struct {
	Policy  string      `json:"policy"`
	Target  string      `json:"target"`
	Address string      `json:"address,omitempty"`
	Summary jsonSummary `json:"summary"`
	Nearest jsonNearest `json:"nearest"`
	Aborted string      `json:"aborted,omitempty"`
	Sanity  string      `json:"sanityNote,omitempty"`
	Cases   []jsonCase  `json:"cases"`
	Exit    int         `json:"exitCode"`
}

type jsonSummary struct {
	Cases    int            `json:"cases"`
	Outcomes map[string]int `json:"outcomes"`
	Fields   map[string]int `json:"mismatchesPerField"`
}

type jsonNearest struct {
	Preset  string  `json:"preset"`
	Failing int     `json:"failing"`
	Text    string  `json:"text"`
	Scores  []Score `json:"presets"`
}

type jsonCase struct {
	ID         string     `json:"id"`
	Title      string     `json:"title,omitempty"`
	Source     string     `json:"source,omitempty"`
	Outcome    string     `json:"outcome"`
	Error      string     `json:"error,omitempty"`
	Diffs      []jsonDiff `json:"diffs,omitempty"`
	Why        string     `json:"why,omitempty"`
	Link       string     `json:"link,omitempty"`
	Transcript string     `json:"transcript"` // the case's wire log, in the recording's notation
}

type jsonDiff struct {
	Line     int    `json:"line"` // the line sent, from 1
	Field    string `json:"field"`
	Expected string `json:"expected"`
	Received string `json:"received"`
}

// WriteJSON writes the report as one JSON document, each case with its
// wire log.
func WriteJSON(w io.Writer, r *Report) error {
	jr := jsonReport{Policy: r.Policy, Target: r.Target, Address: r.Address, Aborted: r.Aborted, Sanity: r.Sanity, Exit: r.ExitCode(),
		Summary: jsonSummary{Cases: len(r.Results), Outcomes: map[string]int{}, Fields: r.Fields},
		Nearest: jsonNearest{Preset: r.Nearest.Preset, Failing: r.Nearest.Failing, Text: r.Nearest.Text, Scores: r.Nearest.Others},
		Cases:   []jsonCase{}}
	for _, o := range Outcomes() {
		jr.Summary.Outcomes[o.String()] = r.Counts[o]
	}
	for i := range r.Results {
		res := &r.Results[i]
		var b strings.Builder
		WriteCase(&b, res)
		c := jsonCase{ID: res.ID, Title: res.Title, Source: res.Source, Outcome: res.Outcome.String(), Error: res.Err, Transcript: b.String()}
		if !res.Passed() && res.Outcome != Skip {
			c.Why = res.Why
			if len(res.Steps) > 0 {
				c.Link = Link(r.BaseURL, res)
			}
		}
		for _, d := range res.Diffs {
			c.Diffs = append(c.Diffs, jsonDiff{d.Step + 1, d.Field, d.Expected, d.Received})
		}
		jr.Cases = append(jr.Cases, c)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(jr)
}
