package probe_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"cvq-playground/app/probe"
	"cvq-playground/protocol"
)

var fast = probe.Options{Timeout: 2 * time.Second, Quiet: 5 * time.Millisecond}

// TestProbeListen runs every case of every preset, the framing ones too,
// against listen answering as that preset: each passes, the nearest
// preset is listen's, and the recording, read back and graded again,
// says the same and replays in respond with no difference.
func TestProbeListen(t *testing.T) {
	for _, name := range protocol.PresetNames() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			addr := startListen(t, name)
			p, _ := protocol.Preset(name)
			cases := probe.Cases(p, true)
			recs, err := probe.Run(t.Context(), addr, p, cases, fast)
			if err != nil {
				t.Fatal(err)
			}
			results := probe.GradeAll(p, recs)
			for _, r := range results {
				if !r.Passed() {
					var b strings.Builder
					probe.WriteCase(&b, &r)
					t.Errorf("%s: %s %v\n%s", r.ID, r.Outcome, r.Diffs, b.String())
				}
			}
			rep := probe.NewReport(name, results, addr, addr, "", probe.DefaultBaseURL)
			if rep.Nearest.Preset != name || rep.Nearest.Failing != 0 {
				t.Errorf("nearest preset %s (%d failing), want %s: %s", rep.Nearest.Preset, rep.Nearest.Failing, name, rep.Nearest.Text)
			}
			if rep.ExitCode() != probe.ExitPass {
				t.Errorf("exit code %d, want 0", rep.ExitCode())
			}
			var rec bytes.Buffer
			probe.WriteRecording(&rec, []string{"test"}, results)
			back, err := probe.ReadRecording(bytes.NewReader(rec.Bytes()))
			if err != nil || len(back) != len(recs) {
				t.Fatalf("ReadRecording: %d records, %v; want %d", len(back), err, len(recs))
			}
			for i, r := range probe.GradeAll(p, back) {
				if !r.Passed() || r.ID != recs[i].ID {
					t.Errorf("replayed %s: %s %v", r.ID, r.Outcome, r.Diffs)
				}
			}
			var out bytes.Buffer
			if differs, err := protocol.Respond(&out, p, rec.String()); differs || err != nil {
				t.Errorf("respond on the recording: differs %v, %v\n%s", differs, err, out.String())
			}
		})
	}
}

// TestNearestOtherEra asks as one era a server of another: the cases
// fail, and the nearest preset is the server's.
func TestNearestOtherEra(t *testing.T) {
	for _, pair := range [][2]string{{"msn-2003-09", "msn-2006-03"}, {"msn-2009-08", "msn-2007-06"}, {"msnp-wiki", "msn-2010-03"}} {
		server, asked := pair[0], pair[1]
		addr := startListen(t, server)
		p, _ := protocol.Preset(asked)
		recs, err := probe.Run(t.Context(), addr, p, probe.Cases(p, false), fast)
		if err != nil {
			t.Fatal(err)
		}
		rep := probe.NewReport(asked, probe.GradeAll(p, recs), addr, addr, "", "")
		if rep.ExitCode() != probe.ExitFail || rep.Counts[probe.Pass] == len(recs) {
			t.Errorf("%s asked as %s: exit %d, %d of %d pass; want failures", server, asked, rep.ExitCode(), rep.Counts[probe.Pass], len(recs))
		}
		if rep.Nearest.Preset != server {
			t.Errorf("%s asked as %s: nearest %s, want %s (%s)", server, asked, rep.Nearest.Preset, server, rep.Nearest.Text)
		}
	}
}
