package probe

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// JUnit's XML, as CI systems read it: a <failure> for an answer that
// differs (and TIMEOUT, CLOSED, GARBAGE, which are the server's answers
// too), an <error> for a network fault, <skipped/> for a case not run.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Hostname string      `xml:"hostname,attr,omitempty"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *struct{}     `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes the report as JUnit XML, one test suite for the
// policy, each case's wire log in its system-out.
func WriteJUnit(w io.Writer, r *Report) error {
	s := junitSuite{Name: "probe " + r.Policy, Hostname: r.Target}
	for i := range r.Results {
		res := &r.Results[i]
		var log strings.Builder
		WriteCase(&log, res)
		c := junitCase{Name: res.ID, Classname: classname(res.ID), SystemOut: log.String()}
		switch {
		case res.Outcome == Skip:
			c.Skipped = &struct{}{}
			s.Skipped++
		case res.Outcome.Fault():
			c.Error = &junitProblem{Message: res.Err, Type: res.Outcome.String(), Text: res.Err}
			s.Errors++
		case !res.Passed():
			var detail strings.Builder
			for _, d := range res.Diffs {
				fmt.Fprintf(&detail, "line %d, %s: expected %s, received %s\n", d.Step+1, d.Field, d.Expected, d.Received)
			}
			if res.Why != "" {
				fmt.Fprintf(&detail, "why: %s\n", res.Why)
			}
			if l := Link(r.BaseURL, res); l != "" && len(res.Steps) > 0 {
				fmt.Fprintf(&detail, "open: %s\n", l)
			}
			c.Failure = &junitProblem{Message: res.Outcome.String() + fieldList(res.Diffs), Type: res.Outcome.String(), Text: detail.String()}
			s.Failures++
		}
		s.Cases = append(s.Cases, c)
		s.Tests++
	}
	all := junitSuites{Name: "probe", Tests: s.Tests, Failures: s.Failures, Errors: s.Errors, Skipped: s.Skipped, Suites: []junitSuite{s}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// classname groups the cases by preset and verb: "msn-2003-09.cvr".
func classname(id string) string {
	parts := strings.SplitN(id, "/", 3)
	if len(parts) < 2 {
		return id
	}
	return parts[0] + "." + parts[1]
}
