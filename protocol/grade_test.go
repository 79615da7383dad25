package protocol_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"cvq-playground/protocol"
)

// The servers of each era answer the same client lines; the pasted
// answer names the ones that gave it.
func ExampleGrade() {
	t := protocol.ReadTranscript(`VER 1 MSNP8 CVR0
CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 5.0.0540 MSMSGS a@hotmail.com
S: CVR 2 7.5.0324 7.5.0324 6.2.0208 http://msgr.dlservice.microsoft.com/download/5/a/8/5a892c0f-5b87-4767-8927-6fe5d8cfc582/Install_MSN_Messenger.exe http://messenger.msn.com`)
	answers := protocol.Grade(protocol.Presets(), &t, 1)
	for _, a := range answers[:4] {
		fmt.Printf("%-11s %.40s\n", a.Policy.Name, a.Exchange.Reply+a.Exchange.Fault.String())
	}
	fmt.Println("reproduced by", protocol.Reproducing(answers))
	for _, d := range protocol.DiffReply(answers[3].Exchange.Reply, answers[1].Exchange.Reply)[:2] {
		fmt.Printf("%s: %s, not %s\n", d.Name, d.Got, d.Want)
	}
	// Output:
	// msn-2002-10 wrong-dialect
	// msn-2003-09 CVR 2 6.0.0602 6.0.0602 1.0.0000 http://
	// msnp-wiki   wrong-dialect
	// msn-2006-03 CVR 2 7.5.0324 7.5.0324 6.2.0208 http://
	// reproduced by [msn-2006-03 msn-2006-12]
	// recommended: 6.0.0602, not 7.5.0324
	// recommended-2: 6.0.0602, not 7.5.0324
}

func TestGradeContext(t *testing.T) {
	// The same CVR line: after a VER that agreed on MSNP8 it is answered;
	// where the VER chose CVR0, a CVR is the wrong dialect and the server
	// closes without a word.
	tr := protocol.ReadTranscript("VER 1 MSNP8 CVR0\nCVR 2 0x0409 winnt 5.1 i386 MSNMSGR 5.0.0540 MSMSGS a@hotmail.com\n")
	pols := []*protocol.Policy{mustPreset(t, "msn-2002-10"), mustPreset(t, "msn-2003-09")}
	got := protocol.Grade(pols, &tr, 1)
	if len(got) != 2 {
		t.Fatalf("Grade returned %d answers, want 2", len(got))
	}
	if x := got[0].Exchange; x.Dialect != protocol.DialectCVR0 || x.Fault != protocol.FaultWrongDialect || x.Reply != "" || !x.Close {
		t.Errorf("msn-2002-10: dialect %q fault %v reply %q close %v, want a silent close in CVR0", x.Dialect, x.Fault, x.Reply, x.Close)
	}
	if x := got[1].Exchange; x.Conn != 1 || x.Dialect != "MSNP8" || !strings.HasPrefix(x.Reply, "CVR 2 6.0.0602 ") {
		t.Errorf("msn-2003-09: conn %d dialect %q reply %q, want the MSNP8 answer on connection 1", x.Conn, x.Dialect, x.Reply)
	}
	for _, a := range got {
		if a.Reproduces {
			t.Errorf("%s reproduces a line that has no pasted answer", a.Policy.Name)
		}
	}
	if protocol.Grade(pols, &tr, 2) != nil || protocol.Grade(pols, &tr, -1) != nil {
		t.Error("Grade answered for an entry the transcript does not have")
	}
}

func TestGradeReproducesClose(t *testing.T) {
	// A pasted close counts: the VER answer alone is the same for both,
	// the close only for the one that chose no dialect.
	tr := protocol.ReadTranscript("VER 1 MSNP8\nS: VER 1 0\nServer disconnects client.\n")
	pols := []*protocol.Policy{mustPreset(t, "msn-2002-10"), mustPreset(t, "msn-2003-09")}
	if got := protocol.Reproducing(protocol.Grade(pols, &tr, 0)); !reflect.DeepEqual(got, []string{"msn-2002-10"}) {
		t.Errorf("Reproducing = %v, want [msn-2002-10]", got)
	}
}

func TestDiffReply(t *testing.T) {
	cases := []struct {
		want, got string
		diffs     []protocol.FieldDiff
	}{
		{"CVR 2 1 1 1 a b", "CVR 2 1 1 1 a b", nil},
		{"CVR 2 8.1.0178 8.1.0178 8.1.0178 a b", "CVR 2 8.1.0178 8.1.0178 6.2.0208 a b",
			[]protocol.FieldDiff{{4, "minimum", "8.1.0178", "6.2.0208"}}},
		{"710 2", "CVR 2 1 1 1 a b", []protocol.FieldDiff{
			{0, "command", "710", "CVR"}, {2, "recommended", "", "1"}, {3, "recommended-2", "", "1"},
			{4, "minimum", "", "1"}, {5, "download-url", "", "a"}, {6, "fallback-url", "", "b"}}},
		{"CVR 2 1 1 1 a  b", "CVR 2 1 1 1 a b", []protocol.FieldDiff{{6, "fallback-url", "", "b"}, {7, "field 8", "b", ""}}},
		{"VER 1 MSNP8 CVR0", "VER 1 MSNP8", []protocol.FieldDiff{{3, "dialect", "CVR0", ""}}},
		{"", "420 3", []protocol.FieldDiff{{0, "error code", "", "420"}, {1, "TrID", "", "3"}}},
		{"XYZ 1 2", "XYZ 1 3", []protocol.FieldDiff{{2, "field 3", "2", "3"}}},
	}
	for _, c := range cases {
		if got := protocol.DiffReply(c.want, c.got); !reflect.DeepEqual(got, c.diffs) {
			t.Errorf("DiffReply(%q, %q) = %+v, want %+v", c.want, c.got, got, c.diffs)
		}
	}
}

func mustPreset(t *testing.T, name string) *protocol.Policy {
	t.Helper()
	p, err := protocol.Preset(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A pasted close ends the connection where this server would keep it:
// the next line was sent on a new one, as a recording's next case is.
func TestPastedCloseEndsConnection(t *testing.T) {
	const text = "VER 1 MSNP8\nS: VER 1 MSNP8\nServer disconnects client.\nVER 2 MSNP8\n"
	tr := protocol.ReadTranscript(text)
	s := protocol.NewSession(mustPreset(t, "msn-2003-09"))
	x := s.StepEntry(&tr.Entries[0])
	if x.Close || !x.Ended || x.Hangup {
		t.Errorf("first VER: close %v ended %v hangup %v, want ended only", x.Close, x.Ended, x.Hangup)
	}
	if x = s.StepEntry(&tr.Entries[1]); x.Conn != 2 || x.Reply != "VER 2 MSNP8" {
		t.Errorf("second VER: connection %d, reply %q; want VER 2 MSNP8 on connection 2", x.Conn, x.Reply)
	}
	var out strings.Builder
	protocol.Respond(&out, mustPreset(t, "msn-2003-09"), text)
	if want := "C: VER 1 MSNP8\nS: VER 1 MSNP8\n! expected: Server disconnects client.\n\nC: VER 2 MSNP8\nS: VER 2 MSNP8\n"; out.String() != want {
		t.Errorf("Respond:\n%s\nwant\n%s", out.String(), want)
	}
}
