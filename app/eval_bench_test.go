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

// BenchmarkKeystroke5000 is the page's work when a character is typed at
// the end of a pasted 5,000-line session: the previous result is reused.
func BenchmarkKeystroke5000(b *testing.B) {
	p, _ := protocol.Preset("msn-2006-03")
	text := benchTranscript(5000)
	prev := evaluate(p, text)
	edited := text + "C"
	b.ReportAllocs()
	for b.Loop() {
		reevaluate(&prev, p, edited)
	}
}

// connectionLines is 5,000 CVQ lines, each on its own connection (the
// server closes after answering in CVR0).
func connectionLines() []string {
	lines := make([]string, 5000)
	for i := range lines {
		lines[i] = fmt.Sprintf("CVQ %d 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com", i+1)
	}
	return lines
}

// BenchmarkEvaluateConnections5000 evaluates 5,000 connections afresh.
func BenchmarkEvaluateConnections5000(b *testing.B) {
	p, _ := protocol.Preset("msnp-wiki")
	text := strings.Join(connectionLines(), "\n")
	b.ReportAllocs()
	for b.Loop() {
		evaluate(p, text)
	}
}

// BenchmarkKeystrokeMiddle5000 types into the middle one of 5,000
// connections: the others are reused.
func BenchmarkKeystrokeMiddle5000(b *testing.B) {
	p, _ := protocol.Preset("msnp-wiki")
	lines := connectionLines()
	prev := evaluate(p, strings.Join(lines, "\n"))
	lines[2500] += "x"
	edited := strings.Join(lines, "\n")
	b.ReportAllocs()
	for b.Loop() {
		reevaluate(&prev, p, edited)
	}
}

// erasAfterKeystroke is a page with every era's answer to the last line
// of a pasted 5,000-line session, a character then typed at its end.
func erasAfterKeystroke(b *testing.B) (*pageState, eraCache) {
	s := newPageState()
	s.setPreset("msn-2006-03")
	text := benchTranscript(5000)
	s.setInput(text, 5000)
	s.updateEras()
	s.computeEras()
	prev := s.eras
	prev.marks = append([][]protocol.SessionState(nil), s.eras.marks...)
	s.edited(text+"C", len(text)+1)
	return &s, prev
}

// BenchmarkErasSettle5000 is the work when typing pauses after that
// keystroke: the states after the change dropped, and every preset's
// answer to the typed line.
func BenchmarkErasSettle5000(b *testing.B) {
	s, prev := erasAfterKeystroke(b)
	b.ReportAllocs()
	for b.Loop() {
		s.eras = prev
		s.eras.marks = append(s.eras.marks[:0:0], prev.marks...)
		s.updateEras()
		s.computeEras()
	}
}

// BenchmarkErasSelect5000 is the work of selecting another line of the
// 5,000, once each preset has gone through them: every preset's answer
// to it, compared.
func BenchmarkErasSelect5000(b *testing.B) {
	s, _ := erasAfterKeystroke(b)
	s.updateEras()
	s.computeEras()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		s.sel = 1 + i%4998
		s.computeEras()
		i += 997
	}
}

// BenchmarkErasFirst5000 is the work of the first answers of every era
// to the last of 5,000 lines: each preset steps through all of them.
func BenchmarkErasFirst5000(b *testing.B) {
	s, _ := erasAfterKeystroke(b)
	b.ReportAllocs()
	for b.Loop() {
		s.eras = eraCache{}
		s.updateEras()
		s.computeEras()
	}
}
