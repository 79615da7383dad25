package protocol

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Inputs people paste on purpose or by accident: each must get the answer
// the rules give, in bounded time and memory, without a panic.
func TestHostileLines(t *testing.T) {
	p := mustPreset(t, "msn-2007-06")
	cases := []struct {
		name, line string
		kind       Kind
		fault      Fault
	}{
		{"1 MB line", "CVQ 1 0x0409 " + strings.Repeat("A", 1<<20), KindSilent, FaultTooLong},
		{"10,000-digit TrID", "CVQ " + strings.Repeat("9", 10000) + " 0x0409 win 4.10 i386 MSMSGS 1.0.0863", KindSilent, FaultTooLong},
		{"2,000-digit TrID", "CVQ " + strings.Repeat("9", 2000) + " 0x0409", KindSilent, FaultTrIDTooLarge},
		{"NUL in the command", "CV\x00 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863", KindSilent, FaultUnknownCommand},
		{"control bytes in a field", "CVQ 1 0x0409 win\x01\x7f 4.10 i386 MSMSGS 1.0.0863", KindReplied, FaultNone},
		{"invalid UTF-8", "CVQ 1 0x0409 \xff\xfe 4.10 i386 MSMSGS 1.0.0863", KindReplied, FaultNone},
		{"right-to-left override in the locale", "CVQ 1 \u202e0x0409 win 4.10 i386 MSMSGS 1.0.0863", KindReplied, FaultNone},
		{"zero-width space in the library", "CVQ 1 0x0409 win 4.10 i386 MSMSGS\u200b 1.0.0863", KindReplied, FaultNone},
	}
	for _, c := range cases {
		x := NewSession(p).Step(c.line)
		if x.Kind != c.kind || x.Fault != c.fault {
			t.Errorf("%s: kind %v fault %v, want %v %v", c.name, x.Kind, x.Fault, c.kind, c.fault)
		}
		ex := Explain(p, &x)
		for _, f := range ex.Request {
			if len(f.Raw) > 4096 && f.Name == "line" {
				t.Errorf("%s: the explanation copies %d bytes of the line", c.name, len(f.Raw))
			}
		}
		Why(p, &x)
	}
	// The look-alike locale and library are refused, not normalised.
	if x := NewSession(p).Step(cases[6].line); x.Reply != "710 1" {
		t.Errorf("RLO locale: %q, want 710 1", x.Reply)
	}
	if x := NewSession(p).Step(cases[7].line); x.Reply != "420 1" {
		t.Errorf("zero-width library: %q, want 420 1", x.Reply)
	}
}

func TestLargePaste(t *testing.T) {
	p := mustPreset(t, DefaultPreset)
	var in strings.Builder
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&in, "CVQ %d 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n", i)
	}
	var out bytes.Buffer
	if _, err := Respond(&out, p, in.String()); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out.String(), "Server disconnects client."); n != 50000 {
		t.Errorf("%d connections closed, want 50000", n)
	}
}

func TestHostilePolicies(t *testing.T) {
	// 100,000 rules: larger than a policy may be, refused unread.
	var b strings.Builder
	b.WriteString(`{"name":"big","dialects":["CVR0"],"catalog":[{"library":"A","first":"1.0.0","last":"2.0.0"}],"urls":{"download":"a","fallback":"b"},"rules":[`)
	for i := 0; i < 100000; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"offer":{"recommended":"1.0.0","recommended2":"1.0.0","minimum":"1.0.0"}}`)
	}
	b.WriteString(`]}`)
	_, err := DecodePolicy([]byte(b.String()))
	var pe *PolicyError
	if !errors.As(err, &pe) || !strings.Contains(pe.Msg, "larger than") {
		t.Errorf("100,000 rules: %v, want a size error", err)
	}
	// Deeply nested JSON: an error, not a stack overflow.
	deep := strings.Repeat(`{"name":`, 200000) + `"x"` + strings.Repeat("}", 200000)
	if _, err := DecodePolicy([]byte(deep[:min(len(deep), maxPolicyBytes)])); err == nil {
		t.Error("deeply nested JSON accepted")
	}
	deepArray := `{"name":"x","dialects":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`
	if _, err := DecodePolicy([]byte(deepArray)); err == nil {
		t.Error("deeply nested array accepted")
	}
	// HTML in a policy is data like any other text.
	evil := strings.Replace(string(mustPreset(t, DefaultPreset).JSON()), `"name": "msnp-wiki"`, `"name": "<script>alert(1)</script>"`, 1)
	q, err := DecodePolicy([]byte(evil))
	if err != nil || q.Name != "<script>alert(1)</script>" {
		t.Errorf("policy name with markup: %v", err)
	}
}
