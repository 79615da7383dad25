package protocol

import (
	"bytes"
	"strings"
	"testing"
)

// seedLines adds every client line of the public vectors to f.
func seedLines(f *testing.F) {
	for _, v := range loadVectors(f) {
		for _, line := range strings.Split(v.input, "\n") {
			f.Add(line)
		}
	}
	f.Add(strings.Repeat("9", 10000))
	f.Add("CVQ 1 0x0409 \x00 \xff\xfe i386 MSMSGS 1.0.0863 \u202e\u200b")
}

func FuzzParse(f *testing.F) {
	seedLines(f)
	p := mustPreset(f, "msn-2007-06")
	f.Fuzz(func(t *testing.T, line string) {
		spans := Tokenize(line)
		prev := 0
		for _, sp := range spans {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(line) {
				t.Fatalf("Tokenize(%q): span %v out of order or outside the line", line, sp)
			}
			if strings.ContainsAny(sp.In(line), " \t") {
				t.Fatalf("Tokenize(%q): token %q holds a blank", line, sp.In(line))
			}
			prev = sp.End
		}
		r := Parse(line)
		want := len(spans) - 2 // the command and the TrID
		if r.Command.Len() == 0 {
			want++ // a leading blank: the command is empty, the first token is read as the TrID
		}
		if want >= 0 && r.NParams != want {
			t.Fatalf("Parse(%q): %d params, Tokenize found %d tokens", line, r.NParams, len(spans))
		}
		// Re-tokenising the request written with single spaces gives the
		// same fields.
		var toks []string
		for _, sp := range spans {
			toks = append(toks, sp.In(line))
		}
		again := Tokenize(strings.Join(toks, " "))
		if len(again) != len(toks) {
			t.Fatalf("re-tokenising %q: %d tokens, want %d", line, len(again), len(toks))
		}
		for _, cmd := range []string{"", "VER 1 MSNP15 CVR0"} {
			s := NewSession(p)
			if cmd != "" {
				s.Step(cmd)
			}
			x := s.Step(line)
			ex := Explain(p, &x)
			for _, fl := range ex.Request {
				if fl.Span.Start < 0 || fl.Span.End > len(line) || fl.Span.Start > fl.Span.End {
					t.Fatalf("Explain(%q): field %s span %v outside the line", line, fl.Name, fl.Span)
				}
			}
			if x.Kind == KindReplied && (strings.ContainsAny(x.Reply, "\r\n") || x.Reply != strings.TrimSpace(x.Reply)) {
				t.Fatalf("reply %q to %q is not one clean line", x.Reply, line)
			}
			Why(p, &x)
		}
	})
}

func FuzzTranscript(f *testing.F) {
	for _, v := range loadVectors(f) {
		f.Add(v.input)
		f.Add(v.want)
	}
	f.Add("S: x\n.. y\n\r\n..\nC:\n>>>\n<<<\n.. z")
	f.Add("# case a/b/c/1: PASS\nC: VER 1 MSNP8\nS: VER 1 MSNP8\nClient disconnects.\n\nC: VER 1 MSNP8\nClient disconnects.\r\nClient disconnects.\n.. x")
	p := mustPreset(f, DefaultPreset)
	f.Fuzz(func(t *testing.T, text string) {
		var out bytes.Buffer
		if _, err := Respond(&out, p, text); err != nil {
			t.Fatal(err)
		}
		tr := ReadTranscript(text)
		for _, e := range tr.Entries {
			for _, sg := range e.Segs {
				if sg.Off < 0 || sg.Off+sg.Len > len(text) || sg.At+sg.Len > len(e.Client) {
					t.Fatalf("segment %+v outside the input or the line", sg)
				}
				if text[sg.Off:sg.Off+sg.Len] != e.Client[sg.At:sg.At+sg.Len] {
					t.Fatalf("segment %+v does not map %q", sg, e.Client)
				}
			}
		}
		// respond's output, read back, gives the same transcript with
		// every expectation met.
		var again bytes.Buffer
		differs, _ := Respond(&again, p, out.String())
		if differs || again.String() != out.String() {
			if !strings.Contains(text, "\r") && !strings.Contains(out.String(), "! expected") && !hasTrickyLine(out.String()) {
				t.Fatalf("respond is not a fixed point:\ninput %q\nfirst  %q\nsecond %q", text, out.String(), again.String())
			}
		}
	})
}

// hasTrickyLine reports client lines that the transcript notation reads
// differently when written back (they look like prefixes or comments).
func hasTrickyLine(out string) bool {
	for _, l := range strings.Split(out, "\n") {
		c, ok := strings.CutPrefix(l, "C: ")
		if !ok {
			continue
		}
		if c == "" || IsBlank(c) || strings.HasPrefix(c, "#") || strings.HasPrefix(c, "..") || strings.HasPrefix(c, "S:") ||
			strings.HasPrefix(c, "C:") || strings.HasPrefix(c, ">>>") || strings.HasPrefix(c, "<<<") ||
			strings.TrimRight(c, " \t") == DisconnectLine || strings.TrimRight(c, " \t") == HangupLine {
			return true
		}
	}
	return false
}

func FuzzPolicy(f *testing.F) {
	for _, p := range Presets() {
		f.Add(p.JSON())
	}
	f.Add([]byte(`{"name":"x","dialects":["CVR0"],"catalog":[{"library":"A","first":"1.0.0","last":"2.0.0"}],"rules":[{"offer":{"recommended":"1.0.0","recommended2":"1.0.0","minimum":"1.0.0"}}],"urls":{"download":"a","fallback":"b"}}`))
	f.Add([]byte(strings.Repeat("[", 5000)))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodePolicy(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		// A valid policy answers every vector line without panicking and
		// survives its own JSON.
		s := NewSession(p)
		for _, line := range []string{"VER 1 MSNP8 CVR0", "CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS a@b.c", "CVQ 3 0x0c0a win 4.10 i386 MSMSGS 1.0.0863"} {
			x := s.Step(line)
			Explain(p, &x)
		}
		if _, err := DecodePolicy(p.JSON()); err != nil {
			t.Fatalf("a valid policy's JSON is refused: %v", err)
		}
	})
}
