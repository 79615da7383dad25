package protocol

import (
	"reflect"
	"testing"
)

// A checker points at documented lines: each expected line knows the
// input line it starts on, across continuations and CR LF.
func TestReadTranscriptExpectLines(t *testing.T) {
	text := "C: VER 1 MSNP8 CVR0\r\nS: VER 1\r\n.. MSNP8\r\n\r\nC: CVR 2 0x0409 winnt 5.1 i386\n.. MSNMSGR 6.0.0602 MSMSGS a@b.c\nS: CVR 2 x\nS: extra\nServer disconnects client.\nServer disconnects client.\nC: CVQ 3"
	tr := ReadTranscript(text)
	var got [][]int
	var closes []int
	for _, e := range tr.Entries {
		if IsBlank(e.Client) {
			continue
		}
		got = append(got, e.ExpectLines)
		closes = append(closes, e.CloseLine)
	}
	if want := [][]int{{2}, {7, 8}, nil}; !reflect.DeepEqual(got, want) {
		t.Errorf("ExpectLines = %v, want %v", got, want)
	}
	if want := []int{0, 9, 0}; !reflect.DeepEqual(closes, want) {
		t.Errorf("CloseLine = %v, want %v", closes, want)
	}
	if e := tr.Entries[0]; len(e.Expect) != 1 || e.Expect[0] != "VER 1 MSNP8" {
		t.Errorf("the continued server line = %q", e.Expect)
	}
}
