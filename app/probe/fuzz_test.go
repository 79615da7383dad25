package probe_test

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"cvq-playground/app/probe"
	"cvq-playground/protocol"
)

// FuzzRecording: any text read as a recording never panics, grades and
// reports without panicking, and a recording written from what was read
// reads back as the same records.
func FuzzRecording(f *testing.F) {
	golden, _ := os.ReadFile("testdata/replay.txt")
	f.Add(string(golden))
	f.Add("# case a: PASS\nC: VER 1 MSNP8\nS: VER 1 MSNP8\n# garbage: \"\\x00\"\n# partial: \"x\"\nServer disconnects client.\nClient disconnects.\n")
	f.Add("# case x\n# sent: LF\nC:\nS:\n# error: e\n# skipped: the run was aborted first\n# garbage: bad\n")
	p, _ := protocol.Preset("msn-2003-09")
	f.Fuzz(func(t *testing.T, text string) {
		recs, err := probe.ReadRecording(strings.NewReader(text))
		if err != nil {
			return
		}
		results := probe.GradeAll(p, recs)
		rep := probe.NewReport(p.Name, results, "fuzz", "", "", "")
		var out bytes.Buffer
		probe.WriteText(&out, rep)
		probe.WriteJSON(&out, rep)
		probe.WriteJUnit(&out, rep)
		out.Reset()
		probe.WriteRecording(&out, nil, results)
		again, err := probe.ReadRecording(&out)
		if err != nil {
			t.Fatalf("a written recording does not read: %v\n%s", err, out.String())
		}
		for i := range recs {
			recs[i].Title, recs[i].Source = "", ""
		}
		if len(recs) > 0 && !reflect.DeepEqual(again, recs) {
			t.Fatalf("round trip:\n%#v\n%#v", recs, again)
		}
	})
}
