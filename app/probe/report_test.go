package probe_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cvq-playground/app/probe"
)

var update = flag.Bool("update", false, "rewrite testdata/report.* from testdata/replay.txt")

// TestReportGoldens grades testdata/replay.txt, a recording with every
// outcome, through the command, and compares the text, JSON and JUnit
// reports with the goldens (go test ./app/probe -update rewrites them).
func TestReportGoldens(t *testing.T) {
	dir := t.TempDir()
	jsonFile, junitFile := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.xml")
	var stdout, stderr bytes.Buffer
	code := probe.Main(t.Context(), []string{"-replay", "testdata/replay.txt", "-policy", "msn-2003-09", "-base", "https://cvq.example/",
		"-json", jsonFile, "-junit", junitFile}, &stdout, &stderr)
	if code != probe.ExitFail || stderr.Len() > 0 {
		t.Errorf("probe -replay: exit %d, stderr %q; want 1 and nothing", code, stderr.String())
	}
	js, _ := os.ReadFile(jsonFile)
	ju, _ := os.ReadFile(junitFile)
	for _, g := range []struct {
		file string
		got  []byte
	}{{"testdata/report.txt", stdout.Bytes()}, {"testdata/report.json", js}, {"testdata/report.xml", ju}} {
		if *update {
			os.WriteFile(g.file, g.got, 0o644)
			continue
		}
		want, err := os.ReadFile(g.file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(g.got, want) {
			t.Errorf("%s differs (go test ./app/probe -update rewrites it):\n%s", g.file, g.got)
		}
	}
	// JUnit parses as XML: a failure per mismatch, an error per fault.
	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Skipped  int `xml:"skipped,attr"`
		Suite    []struct {
			Cases []struct {
				Name    string    `xml:"name,attr"`
				Failure *struct{} `xml:"failure"`
				Error   *struct{} `xml:"error"`
				Skipped *struct{} `xml:"skipped"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(ju, &suites); err != nil {
		t.Fatalf("JUnit does not parse: %v", err)
	}
	var f, e, s int
	for _, c := range suites.Suite[0].Cases {
		if c.Failure != nil {
			f++
		}
		if c.Error != nil {
			e++
		}
		if c.Skipped != nil {
			s++
		}
	}
	if suites.Tests != 10 || f != 6 || e != 1 || s != 1 || suites.Failures != f || suites.Errors != e || suites.Skipped != s {
		t.Errorf("JUnit: %d tests, %d/%d failures, %d/%d errors, %d/%d skipped; want 10, 6, 1, 1", suites.Tests, f, suites.Failures, e, suites.Errors, s, suites.Skipped)
	}
	for _, want := range []string{"Nearest preset: ", "Mismatches per field: ", "× FAIL    msn-2003-09/cvr/outdated/2", "differs   minimum: expected 1.0.0000, received 5.0.0537", "open      https://cvq.example/#"} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("the text report lacks %q", want)
		}
	}
}
