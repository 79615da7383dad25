package protocol

import (
	"errors"
	"strings"
	"testing"
)

func TestVERReplyForms(t *testing.T) {
	for _, tc := range []struct{ preset, line, want string }{
		{"msn-2006-12", "VER 1 MSNP9 MSNP8 CVR0", "VER 1 MSNP9 MSNP8 CVR0"},
		{"msn-2006-03", "VER 1 MSNP9 MSNP8 CVR0", "VER 1 MSNP9"},
		// Echo leaves out what the server does not speak (MSNP15, FOO).
		{"msn-2006-12", "VER 2 MSNP15 FOO MSNP12  CVR0", "VER 2 MSNP12 CVR0"},
		{"msn-2006-12", "VER 3 CVR0", "VER 3 CVR0"},
		{"msn-2006-12", "VER 4 MSNP7", "VER 4 0"},
	} {
		x := NewSession(mustPreset(t, tc.preset)).Step(tc.line)
		if x.Reply != tc.want {
			t.Errorf("%s: %q → %q, want %q", tc.preset, tc.line, x.Reply, tc.want)
		}
	}
}

func TestVERReplyJSON(t *testing.T) {
	p := mustPreset(t, "msn-2006-12")
	if !strings.Contains(string(p.JSON()), `"verReply": "echo"`) {
		t.Errorf("JSON lacks verReply:\n%s", p.JSON())
	}
	if strings.Contains(string(mustPreset(t, "msn-2006-03").JSON()), "verReply") {
		t.Error("the default form is written out")
	}
	bad := strings.Replace(string(p.JSON()), `"verReply": "echo"`, `"verReply": "all"`, 1)
	_, err := DecodePolicy([]byte(bad))
	var pe *PolicyError
	if !errors.As(err, &pe) || pe.Field != "verReply" || !strings.Contains(pe.Msg, `"chosen"`) {
		t.Errorf("verReply all: %v, want a PolicyError on verReply", err)
	}
	if VERReplyEcho.String() != "echo" || VERReplyChosen.String() != "chosen" || VERReply(9).String() != "VERReply(9)" {
		t.Error("VERReply.String")
	}
}

func TestExplainVEREcho(t *testing.T) {
	p := mustPreset(t, "msn-2006-12")
	x := NewSession(p).Step("VER 1 MSNP9 MSNP8 CVR0")
	e := Explain(p, &x)
	if !strings.Contains(e.Outcome, "echoed the whole list you offered") {
		t.Errorf("outcome %q does not say the list was echoed", e.Outcome)
	}
	if len(e.Response) != 5 || e.Response[2].Raw != "MSNP9" || !strings.Contains(e.Response[2].Value, "chosen") || e.Response[4].Raw != "CVR0" {
		t.Errorf("response fields %+v", e.Response)
	}
	q := mustPreset(t, "msn-2006-03")
	x = NewSession(q).Step("VER 1 MSNP9 MSNP8 CVR0")
	if e := Explain(q, &x); strings.Contains(e.Outcome, "echoed") || len(e.Response) != 3 {
		t.Errorf("chosen form explained as an echo: %q", e.Outcome)
	}
}

func TestEmptyDownloadField(t *testing.T) {
	p := mustPreset(t, "msn-2010-03")
	x := NewSession(p).Step("CVR 2 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS a@b.com")
	if !strings.Contains(x.Reply, "microsoft.com  http://download") {
		t.Fatalf("reply %q has no empty field", x.Reply)
	}
	e := Explain(p, &x)
	var keys []string
	for _, f := range e.Response {
		keys = append(keys, f.Key)
		if f.Key == "empty" && (f.Raw != "" || f.Span.Start != f.Span.End || x.Reply[f.Span.Start-1:f.Span.Start+1] != "  " || !strings.Contains(f.Value, "downloaded nothing")) {
			t.Errorf("empty field %+v", f)
		}
	}
	if got := strings.Join(keys, " "); got != "command trid recommended recommended2 minimum download empty fallback" {
		t.Errorf("response fields %s", got)
	}
	if fb := e.Response[7]; fb.Raw != "http://download.live.com/?sku=messenger" {
		t.Errorf("fallback %q", fb.Raw)
	}
	// A known client gets the rule's own URLs, with no empty field.
	x = NewSession(p).Step("CVR 3 0x0409 winnt 5.1 i386 MSNMSGR 8.5.1302 BC01 a@b.com")
	if strings.Contains(x.Reply, "  ") || !strings.HasPrefix(x.Reply, "CVR 3 14.0.8089 14.0.8089 14.0.8089 http://msgruser") {
		t.Errorf("known client: %q", x.Reply)
	}
}
