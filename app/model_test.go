package main

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"cvq-playground/protocol"
)

// reuseLines are client and server lines that open, keep and close
// connections in both dialects, with pasted answers and continuations.
var reuseLines = []string{
	"VER 1 MSNP8 CVR0",
	"VER 1 MSNP12 MSNP11 CVR0",
	"CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS a@b.com",
	"CVR 3 0x1111 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS a@b.com",
	"CVR 4 0x0409 winnt 5.1 i386 YCOMM 0.1.0023 MSMSGS",
	"CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS",
	"CVQ 6 spaghetti",
	"CVQ x1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS",
	"USR 5 TWN I a@b.com",
	"",
	"   ",
	"S: 420 4",
	"S: CVR 2 6.2.0205 6.2.0205 6.0.0602 http://x http://y",
	"Server disconnects client.",
	".. continued",
	"C: CVQ 9 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS",
}

func randomText(r *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = reuseLines[r.IntN(len(reuseLines))]
	}
	return out
}

// edit changes lines as a user does: types into a line, inserts, deletes,
// replaces or duplicates lines.
func edit(r *rand.Rand, lines []string) []string {
	out := append([]string(nil), lines...)
	at := r.IntN(len(out) + 1)
	switch r.IntN(5) {
	case 0:
		if at < len(out) {
			out[at] += string("x 1"[r.IntN(3)])
		}
	case 1:
		out = append(out[:at], append([]string{reuseLines[r.IntN(len(reuseLines))]}, out[at:]...)...)
	case 2:
		if at < len(out) {
			out = append(out[:at], out[at+1:]...)
		}
	case 3:
		if at < len(out) {
			out[at] = reuseLines[r.IntN(len(reuseLines))]
		}
	case 4:
		to := min(len(out), at+r.IntN(6))
		out = append(out[:to], append(append([]string(nil), out[at:to]...), out[to:]...)...)
	}
	return out
}

func sameResult(t *testing.T, got, want result, text string) {
	t.Helper()
	if !reflect.DeepEqual(got.Rows, want.Rows) || got.Differs != want.Differs || got.Skipped != want.Skipped {
		for i := range min(len(got.Rows), len(want.Rows)) {
			if got.Rows[i] != want.Rows[i] {
				t.Fatalf("row %d: reused %+v, evaluated %+v\ntext:\n%s", i, got.Rows[i], want.Rows[i], text)
			}
		}
		t.Fatalf("reused %d rows (%d differ, %d skipped), evaluated %d (%d, %d)\ntext:\n%s",
			len(got.Rows), got.Differs, got.Skipped, len(want.Rows), want.Differs, want.Skipped, text)
	}
}

// Whatever the edit, reusing the previous result gives what evaluating
// the new text from scratch gives.
func TestReevaluateMatchesEvaluate(t *testing.T) {
	for _, preset := range []string{"msnp-wiki", "msn-2007-06"} {
		p, _ := protocol.Preset(preset)
		r := rand.New(rand.NewPCG(1, uint64(len(preset))))
		for range 300 {
			lines := randomText(r, r.IntN(40))
			prev := evaluate(p, strings.Join(lines, "\n"))
			for range 10 {
				lines = edit(r, lines)
				text := strings.Join(lines, "\n")
				got := reevaluate(&prev, p, text)
				sameResult(t, got, evaluate(p, text), text)
				prev = got
			}
		}
	}
}

// A result computed with another policy is not reused.
func TestReevaluateOtherPolicy(t *testing.T) {
	wiki, _ := protocol.Preset("msnp-wiki")
	other, _ := protocol.Preset("msn-2009-06")
	text := "CVR 5 0x0409 winnt 5.1 i386 MSNMSGR 8.5.1302 BC01 someone@hotmail.com\n"
	prev := evaluate(wiki, text)
	sameResult(t, reevaluate(&prev, other, text), evaluate(other, text), text)
}

// Typing at the end of a long session keeps every row before the line
// being typed, and an edit in one connection keeps the others' rows.
func TestReevaluateKeepsRows(t *testing.T) {
	p, _ := protocol.Preset("msn-2006-03")
	text := benchTranscript(300)
	prev := evaluate(p, text)
	next := reevaluate(&prev, p, text+"CVR 301 0x0409")
	if &next.Rows[0] == &prev.Rows[0] || next.Rows[298] != prev.Rows[298] || len(next.Rows) != 301 {
		t.Fatalf("rows not kept: %d rows", len(next.Rows))
	}
	conns := strings.Repeat("CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n", 50)
	wiki, _ := protocol.Preset("msnp-wiki")
	prev = evaluate(wiki, conns)
	changed := strings.Replace(conns, "CVQ 1 0x0409 win 4.10", "CVQ 1 0x0409 win 4.00", 1)
	got := reevaluate(&prev, wiki, changed)
	sameResult(t, got, evaluate(wiki, changed), changed)
	if got.Rows[49].Conn != 50 || !got.Rows[49].NewConn {
		t.Errorf("last row: %+v", got.Rows[49])
	}
}

func FuzzReevaluate(f *testing.F) {
	f.Add("CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nCVQ 2 x\n", "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n\nCVQ 2 x\n")
	f.Add("VER 1 MSNP8 CVR0\nCVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS a@b.com\nS: 420 2", "VER 1 MSNP8 CVR0\nCVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS a@b.com\n")
	p, _ := protocol.Preset("msn-2007-06")
	f.Fuzz(func(t *testing.T, before, after string) {
		prev := evaluate(p, before)
		sameResult(t, reevaluate(&prev, p, after), evaluate(p, after), after)
	})
}

func TestRowAtLine(t *testing.T) {
	p, _ := protocol.Preset("msnp-wiki")
	res := evaluate(p, "\n\nCVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nS: CVQ 1 x\n\nCVQ 2 spaghetti\n")
	for line, want := range map[int]int{1: -1, 2: -1, 3: 0, 4: 0, 5: 0, 6: 1, 99: 1} {
		if got := res.rowAtLine(line); got != want {
			t.Errorf("rowAtLine(%d) = %d, want %d", line, got, want)
		}
	}
}
