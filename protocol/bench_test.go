package protocol

import (
	"io"
	"testing"
	"time"
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

// sampleLines is the size of the benchmarks' sample transcript.
const sampleLines = 200000

// BenchmarkRespond runs respond on the 200,000-line sample transcript.
func BenchmarkRespond(b *testing.B) {
	p := mustPreset(b, SamplePolicy)
	text := string(SampleTranscript(1, sampleLines))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := Respond(io.Discard, p, text); err != nil {
			b.Fatal(err)
		}
	}
	reportLines(b, sampleLines, cpuTime()-cpu)
}

// reportLines reports lines per second of the wall clock, and of the CPU
// time the benchmark used where it is known (the machine may be busy).
func reportLines(b *testing.B, lines int, cpu time.Duration) {
	b.ReportMetric(float64(lines*b.N)/b.Elapsed().Seconds(), "lines/s")
	if cpu > 0 {
		b.ReportMetric(float64(lines*b.N)/cpu.Seconds(), "lines/cpu-s")
	}
}

// BenchmarkReadTranscript reads the sample transcript whole, as the page
// does.
func BenchmarkReadTranscript(b *testing.B) {
	text := string(SampleTranscript(1, sampleLines))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		ReadTranscript(text)
	}
	reportLines(b, sampleLines, cpuTime()-cpu)
}
