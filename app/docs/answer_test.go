package docs

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAnswerWikiExamples(t *testing.T) {
	res := Answer(Request{ID: 7, Input: "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n# a comment\n\nCVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com\n", Sel: 4})
	if res.ID != 7 || res.Policy != "msnp-wiki" || res.Error != "" {
		t.Fatalf("Answer = id %d policy %q error %q", res.ID, res.Policy, res.Error)
	}
	if len(res.Rows) != 2 {
		t.Fatalf("%d rows, want 2", len(res.Rows))
	}
	r0, r1 := res.Rows[0], res.Rows[1]
	if r0.Line != 1 || !strings.HasPrefix(r0.Reply, "CVQ 1 5.0.0537 5.0.0537 1.0.0863 ") || r0.Status != "ok" || r0.Reaction != "upgrade offered" || !r0.Close {
		t.Errorf("row 1 = %+v", r0)
	}
	if r1.Line != 4 || r1.Reply != "710 5" || r1.Status != "error" || r1.Reaction != "" || !r1.NewConn || r1.Conn != 2 {
		t.Errorf("row 2 = %+v", r1)
	}
	if res.Explain == nil || res.Explain.Line != 4 || len(res.Explain.Fields) == 0 || len(res.Explain.Steps) == 0 {
		t.Fatalf("explanation of line 4 = %+v", res.Explain)
	}
	if f := res.Explain.Fields[2]; f.Name != "locale" || f.Raw != "0x1111" || f.Status != "error" {
		t.Errorf("locale field = %+v", f)
	}
}

func TestAnswerSelectsAContinuedLine(t *testing.T) {
	// Line 2 continues line 1: selecting it explains line 1.
	res := Answer(Request{Input: "CVQ 1 0x0409 win 4.10\n.. i386 MSMSGS 1.0.0863 MSMSGS\n", Sel: 2})
	if res.Explain == nil || res.Explain.Line != 1 {
		t.Errorf("explanation = %+v, want line 1's", res.Explain)
	}
	if res := Answer(Request{Input: "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS", Sel: 0}); res.Explain != nil {
		t.Errorf("no line selected, explanation %+v", res.Explain)
	}
}

func TestAnswerUnknownPolicy(t *testing.T) {
	res := Answer(Request{Policy: "<b>x</b>", Input: "CVQ 1"})
	if !strings.HasPrefix(res.Error, "unknown policy <b>x</b>") || len(res.Rows) != 0 || res.Rows == nil {
		t.Errorf("Answer with an unknown policy = %+v", res)
	}
}

func TestAnswerBounded(t *testing.T) {
	long := strings.Repeat("x", 100000)
	in := strings.Repeat("CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n", 250) + "CVQ 2 " + long + "\xff\x01\n"
	res := Answer(Request{Input: in})
	if len(res.Rows) != MaxRows || res.More != 151 {
		t.Errorf("%d rows and %d more, want %d and 151", len(res.Rows), res.More, MaxRows)
	}
	res = Answer(Request{Input: "CVQ 2 " + long + "\xff\x01"})
	if c := res.Rows[0].Client; len(c) > maxShown+40 || !utf8.ValidString(c) || !strings.HasSuffix(c, fmt.Sprintf("… (%d bytes)", len(long)+8)) {
		t.Errorf("a 100 kB line is shown as %d bytes ending %q", len(c), c[max(0, len(c)-30):])
	}
}

func TestSplitOptions(t *testing.T) {
	for _, c := range []struct {
		in, rest string
		attrs    Options
		want     Options
	}{
		{"# policy: msn-2003-09\n# theme: dark\n# sel: 2\nVER 1\nCVR 2", "VER 1\nCVR 2", Options{}, Options{Policy: "msn-2003-09", Theme: "dark", Sel: 2}},
		{"\n#Policy:msn-2007-06\r\nCVQ 1", "CVQ 1", Options{Policy: "msnp-wiki"}, Options{Policy: "msn-2007-06"}},
		{"# a comment\n# policy: msn-2003-09\nCVQ 1", "# a comment\n# policy: msn-2003-09\nCVQ 1", Options{Policy: "msnp-wiki"}, Options{Policy: "msnp-wiki"}},
		{"# theme: purple\n# sel: -1\nCVQ 1", "CVQ 1", Options{Theme: "dark", Sel: 3}, Options{Sel: 3}},
		{"CVQ 1", "CVQ 1", Options{Theme: "light"}, Options{Theme: "light"}},
	} {
		got, rest := SplitOptions(c.in, c.attrs)
		if got != c.want || rest != c.rest {
			t.Errorf("SplitOptions(%q, %+v) = %+v, %q; want %+v, %q", c.in, c.attrs, got, rest, c.want, c.rest)
		}
	}
}

func TestOpenURL(t *testing.T) {
	got := OpenURL("https://cvq.example/", "msn-2003-09", "VER 1 MSNP8 CVR0\nCVR 2 a@b.com!'()*", Options{Sel: 2, Theme: "dark"})
	want := "https://cvq.example/#policy=msn-2003-09&in=VER%201%20MSNP8%20CVR0%0ACVR%202%20a%40b.com%21%27%28%29%2A&sel=2&theme=dark"
	if got != want {
		t.Errorf("OpenURL = %s\nwant       %s", got, want)
	}
}
