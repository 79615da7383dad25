package protocol

import (
	"io"
	"strings"
	"testing"
)

const typicalLine = "CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com"

// BenchmarkParseAndAnswer measures one typical CVR line parsed, checked
// and answered inside an MSNP session, without explanations.
func BenchmarkParseAndAnswer(b *testing.B) {
	p := mustPreset(b, "msn-2006-03")
	s := NewSession(p)
	s.Step("VER 1 MSNP12 CVR0")
	b.ReportAllocs()
	for b.Loop() {
		x := s.Step(typicalLine)
		if x.Kind != KindReplied {
			b.Fatal(x.Kind)
		}
	}
}

// BenchmarkExplain measures the full explanation of the same line.
func BenchmarkExplain(b *testing.B) {
	p := mustPreset(b, "msn-2006-03")
	s := NewSession(p)
	s.Step("VER 1 MSNP12 CVR0")
	x := s.Step(typicalLine)
	b.ReportAllocs()
	for b.Loop() {
		Explain(p, &x)
	}
}

// BenchmarkRespond100k runs respond on a 100,000-line transcript: one
// VER, then CVR lines of one long MSNP12 session, with a 710 every tenth.
func BenchmarkRespond100k(b *testing.B) {
	p := mustPreset(b, "msn-2006-03")
	var sb strings.Builder
	sb.WriteString("VER 1 MSNP12 CVR0\n")
	for i := 1; i < 100000; i++ {
		if i%10 == 0 {
			sb.WriteString("CVR 3 0x1111 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com\n")
			continue
		}
		sb.WriteString(typicalLine + "\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Respond(io.Discard, p, text); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(100000*b.N)/b.Elapsed().Seconds(), "lines/s")
}
