package docs

import (
	"fmt"
	"strings"
	"testing"

	"cvq-playground/protocol"
)

func TestIsTranscript(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"C: VER 1 MSNP8 CVR0\nS: VER 1 MSNP8", true},
		{"C: CVQ 6 spaghetti", true},
		{">>> VER 0 MSNP8 CVR0 <<< VER 0 MSNP8 CVR0", true},
		{"Some prose.\n\n>>> CVR\t4294967295 0x0409", true},
		{"C: CVR 0", true},
		// Syntax blocks, other commands, bare lines, prose.
		{"CVQ TrID locale system-type system-ver system-arch", false},
		{"C: CVQ TrID locale system-type", false},
		{"VER 1 MSNP8 CVR0", false},
		{"CVR 2 7.5.0324 7.5.0324 6.2.0208 http://x http://y", false},
		{"C: USR 6 TWN I example@passport.com\nS: USR 6 OK", false},
		{"The client sends C: VER 1 MSNP8.", false},
		// Only looks like one.
		{"C: ver 1 MSNP8", false},
		{"C:VER 1 MSNP8", false},
		{" C: VER 1 MSNP8", false},
		{"C: VER 4294967296 MSNP8", false},
		{"C: VER 12345678901", false},
		{"C: VERS 1 MSNP8", false},
		{"C: VER -1 MSNP8", false},
		{"C: VER 1x MSNP8", false},
		{"C: VER", false},
		{">>>VER 1", false},
		{"", false},
		{"\x00\x01C: VER 1\xff", false},
	} {
		if got := IsTranscript(c.text); got != c.want {
			t.Errorf("IsTranscript(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

func TestIsTranscriptBounds(t *testing.T) {
	line := "C: VER 1 MSNP8 CVR0\n"
	late := strings.Repeat("x\n", MaxDetectLines) + line
	if IsTranscript(late) {
		t.Errorf("a client line after %d lines makes an example", MaxDetectLines)
	}
	if !IsTranscript(strings.Repeat("x\n", MaxDetectLines-1) + line) {
		t.Errorf("a client line on line %d is not found", MaxDetectLines)
	}
	big := line + strings.Repeat("y", MaxDetectChars)
	if IsTranscript(big) {
		t.Errorf("a block of %d bytes is an example", len(big))
	}
	// Counted as JavaScript counts: é is one unit, 😀 two.
	if fits := line + strings.Repeat("é", MaxDetectChars-len(line)); !IsTranscript(fits) {
		t.Errorf("a block of %d UTF-16 units is left alone", MaxDetectChars)
	}
	if over := line + strings.Repeat("😀", (MaxDetectChars-len(line))/2+1); IsTranscript(over) {
		t.Errorf("a block over %d UTF-16 units is an example", MaxDetectChars)
	}
}

func TestNamesOtherLanguage(t *testing.T) {
	for _, c := range []struct {
		class, lang, language string
		want                  bool
	}{
		{"", "", "", false},
		{"chroma highlight hljs prism-code notranslate", "", "", false},
		{"language-text", "", "", false},
		{"Language-CVQ lang-plaintext highlight-none", "txt", "Plain", false},
		{"language-", "", "", false},
		{"language-go", "", "", true},
		{"chroma language-shell", "", "", true},
		{"highlight-source-cvq", "", "", true},
		{"lang-js", "", "", true},
		{"", "console", "", true},
		{"", "", "python", true},
	} {
		if got := NamesOtherLanguage(c.class, c.lang, c.language); got != c.want {
			t.Errorf("NamesOtherLanguage(%q, %q, %q) = %v, want %v", c.class, c.lang, c.language, got, c.want)
		}
	}
}

func TestHiddenOptions(t *testing.T) {
	for _, c := range []struct {
		comment  string
		want     Options
		skip, ok bool
	}{
		{" cvq policy: msn-2003-09 ", Options{Policy: "msn-2003-09", Theme: "light"}, false, true},
		{"cvq policy: msn-2006-03; sel: 2; theme: dark", Options{Policy: "msn-2006-03", Sel: 2, Theme: "dark"}, false, true},
		{"CVQ Policy:msn-2002-10;color: red", Options{Policy: "msn-2002-10", Theme: "light"}, false, true},
		{"cvq skip", Options{Theme: "light"}, true, true},
		{"cvq", Options{Theme: "light"}, false, true},
		{"cvqpolicy: x", Options{Theme: "light"}, false, false},
		{" a comment ", Options{Theme: "light"}, false, false},
		{"policy: msn-2003-09", Options{Theme: "light"}, false, false},
	} {
		got, skip, ok := HiddenOptions(c.comment, Options{Theme: "light"})
		if got != c.want || skip != c.skip || ok != c.ok {
			t.Errorf("HiddenOptions(%q) = %+v, %v, %v; want %+v, %v, %v", c.comment, got, skip, ok, c.want, c.skip, c.ok)
		}
	}
}

// show writes a transcript's entries as one line each, for comparing.
func show(t protocol.Transcript) string {
	var b strings.Builder
	for _, e := range t.Entries {
		if protocol.IsBlank(e.Client) {
			continue
		}
		fmt.Fprintf(&b, "%d %q %q %v close=%v@%d", e.Line, e.Client, e.Expect, e.ExpectLines, e.ExpectClose, e.CloseLine)
		if e.Hangup {
			b.WriteString(" hangup")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestReadExampleWikiForms(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{">>> VER 0 MSNP8 CVR0 <<< VER 0 MSNP8 CVR0\n>>> VER 0 MYPROTOCOL <<< VER 0 0 --- Server closes connection\n>>> VER MSNP8 CVR0 --- Server closes connection (no trid)\n",
			`1 "VER 0 MSNP8 CVR0" ["VER 0 MSNP8 CVR0"] [1] close=false@0 hangup
2 "VER 0 MYPROTOCOL" ["VER 0 0"] [2] close=true@2 hangup
3 "VER MSNP8 CVR0" [] [] close=true@3
`},
		{">>> VER 0 MYPROTOCOL\n<<< VER 0 0\n--- Server closes connection\n--- a remark\n>>> VER 1 MSNP8\n",
			`1 "VER 0 MYPROTOCOL" ["VER 0 0"] [2] close=true@3 hangup
5 "VER 1 MSNP8" [] [] close=false@0
`},
		{"C: VER 1 DISREGARDANCE FOR A REAL PROTOCOL\nS: VER 1 0\nServer closes connection.\n",
			`1 "VER 1 DISREGARDANCE FOR A REAL PROTOCOL" ["VER 1 0"] [2] close=true@3
`},
		// The engine's own notation is read as ReadTranscript reads it.
		{"C: CVQ 1 a <<< b\nS: x --- y\n", `1 "CVQ 1 a <<< b" ["x"] [2] close=false@0
`},
	} {
		if got := show(ReadExample(c.in)); got != c.want {
			t.Errorf("ReadExample(%q):\n%s\nwant\n%s", c.in, got, c.want)
		}
	}
}

func TestJudge(t *testing.T) {
	p, _ := protocol.Preset("msnp-wiki")
	for _, c := range []struct {
		in     string
		want   []Check
		reason string
	}{
		{"C: CVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com\nS: 710 5", []Check{CheckMatch}, ""},
		{"C: CVQ 5 0x1111 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS\nS: CVQ 5 7.0.0813", []Check{CheckDiffer}, "710: 0x1111 is not in this policy's LCID table"},
		{"C: VER 3 MSNP8 CVR0\nS: VER 3 MSNP8", []Check{CheckDiffer}, "no MSNP dialect in common, but both have CVR0 (server: CVR0)"},
		{"C: CVQ 6 spaghetti\nS: 731 6\nServer disconnects client.\nC: VER 1 MSNP8 CVR0", []Check{CheckMatch, CheckNone}, ""},
		// A second ">>> VER" opens a new connection; a second "C: VER" is refused.
		{">>> VER 1 MSNP8 CVR0\n<<< VER 1 CVR0\n>>> VER 2 CVR0\n<<< VER 2 CVR0", []Check{CheckMatch, CheckMatch}, ""},
		{"C: VER 1 MSNP8 CVR0\nS: VER 1 CVR0\nC: VER 2 CVR0\nS: VER 2 CVR0", []Check{CheckMatch, CheckDiffer}, "VER is only valid as the first line of a connection: the server closes without replying"},
		{"C: VER 1 MSNP8 CVR0\nS: VER 1 CVR0\nC: CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS\nS: CVR 2", []Check{CheckMatch, CheckDiffer}, "this command does not exist in the session's dialect: the server closes without replying"},
	} {
		s := protocol.NewSession(p)
		var got []Check
		reason := ""
		for _, e := range ReadExample(c.in).Entries {
			x := s.StepEntry(&e)
			v := Judge(p, &e, &x)
			got = append(got, v.Check)
			if v.Check == CheckDiffer {
				reason = v.Reason
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) || reason != c.reason {
			t.Errorf("Judge over %q = %v %q, want %v %q", c.in, got, reason, c.want, c.reason)
		}
	}
	if Combine(CheckNone, CheckUnchecked) != CheckNone || Combine(CheckMatch, CheckNone) != CheckMatch || Combine(CheckMatch, CheckDiffer, CheckMatch) != CheckDiffer {
		t.Error("Combine")
	}
	if CheckDiffer.String() != "differ" || Check(9).String() != "check(9)" {
		t.Error("Check.String")
	}
}
