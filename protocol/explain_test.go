package protocol

import (
	"strings"
	"testing"
)

func explainLine(t *testing.T, policy, line string) (Exchange, Explanation) {
	t.Helper()
	p := mustPreset(t, policy)
	x := NewSession(p).Step(line)
	return x, Explain(p, &x)
}

func field(t *testing.T, fs []Field, name string) Field {
	t.Helper()
	for _, f := range fs {
		if f.Name == name {
			return f
		}
	}
	t.Fatalf("no field %q", name)
	return Field{}
}

func TestExplainInterpretsValues(t *testing.T) {
	x, ex := explainLine(t, DefaultPreset, "CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com")
	for name, want := range map[string]string{
		"locale":         "English (United States)",
		"system-ver":     "Windows XP",
		"client-version": "MSN Messenger 6.0, 2003",
		"system-type":    "Windows NT family",
	} {
		if f := field(t, ex.Request, name); !strings.Contains(f.Value, want) {
			t.Errorf("%s value %q, want %q", name, f.Value, want)
		}
	}
	if f := field(t, ex.Response, "recommended"); !strings.Contains(f.Value, "MSN Messenger 7.0") {
		t.Errorf("recommended value %q", f.Value)
	}
	if f := field(t, ex.Request, "locale"); !f.Checked || f.Status != StatusOK || f.Source != SourceDoc {
		t.Errorf("locale row %+v", f)
	}
	if f := field(t, ex.Request, "system-arch"); f.Checked {
		t.Error("system-arch is not checked")
	}
	if f := field(t, ex.Request, "extra"); f.Present || f.Status != StatusMissing {
		t.Errorf("extra row %+v, want missing", f)
	}
	if ex.Reaction != ReactionMustUpgrade || !strings.Contains(ex.ReactionText, "In CVR0 the server closes") {
		t.Errorf("reaction %v %q", ex.Reaction, ex.ReactionText)
	}
	// Spans point at the tokens.
	line := "CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com"
	for _, f := range ex.Request {
		if f.Present && f.Span.In(line) != f.Raw {
			t.Errorf("%s span %v reads %q, raw %q", f.Name, f.Span, f.Span.In(line), f.Raw)
		}
	}
	if len(ex.Response) != 7 {
		t.Fatalf("%d response fields, want 7", len(ex.Response))
	}
	for _, f := range ex.Response {
		if !f.Present || f.Span.In(x.Reply) != f.Raw {
			t.Errorf("response field %s span %v reads %q, raw %q", f.Name, f.Span, f.Span.In(x.Reply), f.Raw)
		}
	}
}

func TestExplainErrorsOnTheirToken(t *testing.T) {
	cases := []struct{ policy, line, field, note string }{
		{DefaultPreset, "CVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com", "locale", "LCID table"},
		{DefaultPreset, "CVQ 3 0x0409 winnt 5.0 i386 MSNMSGR 99.9.9999 MSMSGS", "client-version", "newer than the last MSNMSGR build"},
		{DefaultPreset, "CVQ 4 0x0409 winnt 5.0 i386 YCOMM 0.1.0023 MSMSGS", "requesting-library", "catalog"},
		{DefaultPreset, "CVQ 9 1033 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS", "locale", "decimal form of 0x0409"},
		{DefaultPreset, "CVQ 9 0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS", "locale", "with 0x it would be 0x0409"},
		{DefaultPreset, "cvq 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS", "command", "upper case"},
		{DefaultPreset, "CVQ x1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS", "TrID", "decimal digits"},
	}
	for _, c := range cases {
		_, ex := explainLine(t, c.policy, c.line)
		f := field(t, ex.Request, c.field)
		if f.Status != StatusError || !strings.Contains(f.Note, c.note) {
			t.Errorf("%s: %s row status %v note %q, want an error saying %q", c.line, c.field, f.Status, f.Note, c.note)
		}
	}
	// The wiki's 710 example lacks i386: the shift is pointed out.
	_, ex := explainLine(t, DefaultPreset, "CVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com")
	if f := field(t, ex.Request, "system-arch"); !strings.Contains(f.Note, "shifted") {
		t.Errorf("system-arch note %q should point out the shift", f.Note)
	}
	// 731: the missing required fields have rows.
	_, ex = explainLine(t, DefaultPreset, "CVQ 6 spaghetti")
	if f := field(t, ex.Request, "client-version"); f.Status != StatusMissing || !strings.Contains(f.Note, "required") {
		t.Errorf("731 client-version row %+v", f)
	}
	if ex.Steps[len(ex.Steps)-1].Status != StatusSkipped {
		t.Error("checks after the 731 must be marked not reached")
	}
}

func TestExplainSteps(t *testing.T) {
	_, ex := explainLine(t, "msn-2006-03", "CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 7.5.0311 msmsgs a@b.com")
	var names []string
	for _, s := range ex.Steps {
		names = append(names, s.Name)
		if s.Status != StatusOK {
			t.Errorf("step %s: %v", s.Name, s.Status)
		}
	}
	if got := strings.Join(names, ","); got != "line length,command,TrID,parameter count,locale,client,policy rule" {
		t.Errorf("steps %s", got)
	}
	if last := ex.Steps[len(ex.Steps)-1]; !strings.Contains(last.Detail, "rule 1") {
		t.Errorf("rule step %q should name rule 1", last.Detail)
	}
	if !strings.Contains(ex.ReactionText, "session continues") {
		t.Errorf("MSNP reaction %q", ex.ReactionText)
	}
}

func TestExplainEveryVectorLine(t *testing.T) {
	// Every line of every vector explains without panicking, with spans
	// inside the line and rows in token order.
	for _, v := range loadVectors(t) {
		p := mustPreset(t, v.policy)
		s := NewSession(p)
		for _, e := range ReadTranscript(v.input).Entries {
			x := s.Step(e.Client)
			ex := Explain(p, &x)
			prev := 0
			for _, f := range ex.Request {
				if f.Span.Start < prev || f.Span.End > len(x.Line) || f.Span.Start > f.Span.End {
					t.Errorf("%s %q: field %s span %v out of order or outside the line", v.id, x.Line, f.Name, f.Span)
				}
				prev = f.Span.Start
				// A checked token says how the check went: never
				// "not checked" (as VER's passed-over dialects once did).
				if f.Checked == (f.Status == StatusInfo) && f.Status != StatusMissing && f.Status != StatusWarn && f.Status != StatusSkipped && f.Status != StatusExtra {
					t.Errorf("%s %q: field %s checked %v with status %v", v.id, x.Line, f.Name, f.Checked, f.Status)
				}
			}
			for _, f := range append(ex.Request, ex.Response...) {
				if f.Name == "" || f.Meaning == "" {
					t.Errorf("%s %q: field %+v lacks a name or a meaning", v.id, x.Line, f)
				}
			}
			if x.Kind != KindIgnored && ex.Outcome == "" {
				t.Errorf("%s %q: no outcome", v.id, x.Line)
			}
		}
	}
}

func TestExplainVERSaysWhatWasChecked(t *testing.T) {
	_, ex := explainLine(t, "msn-2006-03", "VER 1 MSNP10 MSNP13 FOO CVR0")
	want := map[string]struct {
		status Status
		value  string
	}{
		"MSNP10": {StatusOK, "chosen: the highest MSNP dialect the server also speaks"},
		"MSNP13": {StatusSetAside, "not among the server's dialects (MSNP8 MSNP9 MSNP10 MSNP11 MSNP12 CVR0)"},
		"FOO":    {StatusSetAside, "not a dialect name: ignored"},
		"CVR0":   {StatusSetAside, "the server speaks it too, but MSNP10 is chosen"},
	}
	for _, f := range ex.Request[2:] {
		if w := want[f.Raw]; !f.Checked || f.Status != w.status || f.Value != w.value {
			t.Errorf("dialect %s: checked %v, status %v, value %q; want checked, %v, %q", f.Raw, f.Checked, f.Status, f.Value, w.status, w.value)
		}
	}
}
