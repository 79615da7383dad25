package main

import (
	"fmt"
	"strings"
	"testing"

	"cvq-playground/protocol"
)

func benchTranscript(lines int) string {
	var b strings.Builder
	b.WriteString("VER 1 MSNP12 CVR0\n")
	for i := 2; i <= lines; i++ {
		fmt.Fprintf(&b, "CVR %d 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com\n", i)
	}
	return b.String()
}

// BenchmarkEvaluate5000 is the page's work per keystroke on a pasted
// 5,000-line transcript, before drawing.
func BenchmarkEvaluate5000(b *testing.B) {
	p, _ := protocol.Preset("msn-2006-03")
	text := benchTranscript(5000)
	b.ReportAllocs()
	for b.Loop() {
		evaluate(p, text)
	}
}
