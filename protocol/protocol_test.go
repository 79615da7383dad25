package protocol

import (
	"bytes"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func mustPreset(t testing.TB, name string) *Policy {
	t.Helper()
	p, err := Preset(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func respond(t *testing.T, p *Policy, input string) string {
	t.Helper()
	var b bytes.Buffer
	if _, err := Respond(&b, p, input); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestPureImports keeps the engine free of the browser and the network.
func TestPureImports(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range ast.Imports {
			path := strings.Trim(imp.Path.Value, `"`)
			if path == "syscall/js" || path == "net/http" || strings.HasPrefix(path, "net/") ||
				strings.Contains(path, "go-app") || strings.Contains(path, "safejs") {
				t.Errorf("%s imports %s: the protocol package must stay pure", f, path)
			}
		}
	}
}

func TestLineEnds(t *testing.T) {
	p := mustPreset(t, DefaultPreset)
	lf := respond(t, p, "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nCVQ 6 spaghetti\n")
	crlf := respond(t, p, "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\r\nCVQ 6 spaghetti\r\n")
	noFinal := respond(t, p, "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\r\nCVQ 6 spaghetti")
	if lf != crlf || lf != noFinal {
		t.Errorf("line ends change the answer:\nLF:\n%s\nCRLF:\n%s\nno final LF:\n%s", lf, crlf, noFinal)
	}
	if strings.Contains(crlf, "\r") {
		t.Errorf("a CR survived: %q", crlf)
	}
	if !strings.Contains(lf, "S: 731 6\n") {
		t.Errorf("second line not answered:\n%s", lf)
	}
}

func TestLineLimit(t *testing.T) {
	p := mustPreset(t, DefaultPreset)
	base := "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS "
	exact := base + strings.Repeat("x", 2048-len(base))
	over := exact + "x"
	s := NewSession(p)
	if x := s.Step(exact); x.Kind != KindReplied {
		t.Errorf("2048-byte line: kind %v, want a reply", x.Kind)
	}
	s = NewSession(p)
	x := s.Step(over)
	if x.Kind != KindSilent || x.Fault != FaultTooLong || !x.Close {
		t.Errorf("2049-byte line: %+v, want a silent close for length", x)
	}
	// A blank line over the limit is still too long: the server reads the
	// line before looking at it.
	if x := NewSession(p).Step(strings.Repeat(" ", 3000)); x.Fault != FaultTooLong {
		t.Errorf("long blank line: fault %v", x.Fault)
	}
	// The limit is a policy field.
	small := mustPreset(t, DefaultPreset)
	small.MaxLine = 40
	if err := small.Compile(); err != nil {
		t.Fatal(err)
	}
	if x := NewSession(small).Step(base); x.Fault != FaultTooLong {
		t.Errorf("maxLine 40: fault %v", x.Fault)
	}
}

func TestTokenizeSpans(t *testing.T) {
	line := "CVQ 10 0x0409\twin\t4.10  i386 MSMSGS 1.0.0863 MSMSGS \t "
	got := Tokenize(line)
	want := []string{"CVQ", "10", "0x0409", "win", "4.10", "i386", "MSMSGS", "1.0.0863", "MSMSGS"}
	if len(got) != len(want) {
		t.Fatalf("Tokenize(%q) = %d tokens, want %d", line, len(got), len(want))
	}
	for i, sp := range got {
		if sp.In(line) != want[i] {
			t.Errorf("token %d = %q, want %q", i, sp.In(line), want[i])
		}
	}
	r := Parse(line)
	if r.NParams != 7 || r.TrID != 10 || r.ParamText(ParamVersion) != "1.0.0863" {
		t.Errorf("Parse(%q) = %d params, TrID %d, version %q", line, r.NParams, r.TrID, r.ParamText(ParamVersion))
	}
}

func TestParamsBeyondInline(t *testing.T) {
	line := "CVR 1 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS a@b.c 0 e1 e2 e3 e4 e5 last"
	r := Parse(line)
	if r.NParams != 15 {
		t.Fatalf("NParams = %d", r.NParams)
	}
	if got := r.ParamText(14); got != "last" {
		t.Errorf("ParamText(14) = %q, want last", got)
	}
	if got := r.ParamText(15); got != "" {
		t.Errorf("ParamText(15) = %q, want empty", got)
	}
}

func TestVersionCompare(t *testing.T) {
	order := []string{"1.0.0000", "6.2.0205", "6.2.0208", "7.0.0813", "14.0.8064", "14.0.8117.0416"}
	for i := 1; i < len(order); i++ {
		a, _ := ParseVersion(order[i-1])
		b, _ := ParseVersion(order[i])
		if a.Compare(b) >= 0 || b.Compare(a) <= 0 {
			t.Errorf("%s should be older than %s", order[i-1], order[i])
		}
	}
	a, _ := ParseVersion("7.0.0813")
	b, _ := ParseVersion("7.0.813.0")
	if a.Compare(b) != 0 {
		t.Error("7.0.0813 and 7.0.813.0 compare numerically equal")
	}
	for _, bad := range []string{"", "6.0", "6..0602", "6.0.0602.", ".6.0.0602", "6.0.060200", "6.0.0602.1.2", "a.b.c", "6.0.0602 "} {
		if _, ok := ParseVersion(bad); ok {
			t.Errorf("ParseVersion(%q) accepted", bad)
		}
	}
}

func TestReactions(t *testing.T) {
	p := mustPreset(t, DefaultPreset)
	cases := []struct {
		line string
		want Reaction
	}{
		{"CVQ 1 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS", ReactionMustUpgrade},
		{"CVQ 1 0x0409 winnt 5.1 i386 MSNMSGR 6.2.0205 MSMSGS", ReactionUpgradeOffered},
		{"CVQ 1 0x0409 winnt 5.1 i386 MSNMSGR 7.0.0813 MSMSGS", ReactionUpToDate},
		{"CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS", ReactionUpgradeOffered},
		{"CVQ 1 0x1111 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS", ReactionNone},
	}
	for _, c := range cases {
		x := NewSession(p).Step(c.line)
		if got := x.Decision.Reaction(); got != c.want {
			t.Errorf("%s: reaction %v, want %v", c.line, got, c.want)
		}
	}
}

func TestUnknownClientEcho(t *testing.T) {
	p := mustPreset(t, "msn-2002-10")
	p.UnknownClientCVR = UnknownEcho
	if err := p.Compile(); err != nil {
		t.Fatal(err)
	}
	s := NewSession(p)
	s.Step("VER 1 MSNP7")
	x := s.Step("CVR 8 0x0409 win 4.10 i386 MSGSTRST 3.6.0025 MSMSGS")
	if !strings.HasPrefix(x.Reply, "CVR 8 1.0.0000 1.0.0000 3.6.0025 ") {
		t.Errorf("echo policy reply = %q", x.Reply)
	}
}

func TestNoRuleMatches(t *testing.T) {
	p := mustPreset(t, DefaultPreset)
	p.Rules = p.Rules[:1] // only MSMSGS clients have a rule now
	if err := p.Compile(); err != nil {
		t.Fatal(err)
	}
	x := NewSession(p).Step("CVQ 3 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS")
	if x.Reply != "420 3" || x.Decision.Reason != ReasonNoRule {
		t.Errorf("no rule: reply %q reason %v, want 420 for ReasonNoRule", x.Reply, x.Decision.Reason)
	}
}

func TestRuleMatchFields(t *testing.T) {
	p := mustPreset(t, DefaultPreset)
	p.Rules = append([]Rule{{
		Library: "MSNMSGR", From: "6.0.0000", To: "6.9.9999", Locales: []string{"0x0c0a"}, Systems: []string{"winnt"},
		Offer: Offer{Recommended: "6.2.0208", Recommended2: "6.2.0208", Minimum: "6.0.0602", URLs: &URLs{Download: "http://es.example/dl", Fallback: "http://es.example"}},
	}}, p.Rules...)
	if err := p.Compile(); err != nil {
		t.Fatal(err)
	}
	match := "CVQ 1 0x0c0a winnt 5.1 i386 MSNMSGR 6.1.0211 MSMSGS"
	for line, want := range map[string]string{
		match: "CVQ 1 6.2.0208 6.2.0208 6.0.0602 http://es.example/dl http://es.example",
		strings.Replace(match, "0x0c0a", "0x0409", 1):     "CVQ 1 7.0.0813",
		strings.Replace(match, "winnt", "win", 1):         "CVQ 1 7.0.0813",
		strings.Replace(match, "6.1.0211", "7.0.0813", 1): "CVQ 1 7.0.0813",
	} {
		if x := NewSession(p).Step(line); !strings.HasPrefix(x.Reply, want) {
			t.Errorf("%s: reply %q, want prefix %q", line, x.Reply, want)
		}
	}
}

func TestPolicyErrorsNameTheField(t *testing.T) {
	valid := string(mustPreset(t, "msn-2007-06").JSON())
	cases := []struct{ json, field string }{
		{strings.Replace(valid, `"minimum": "8.1.0178"`, `"minimum": "8.1"`, 1), "rules[0].offer.minimum"},
		{strings.Replace(valid, `"MSNP13"`, `"MSNP99"`, 1), "dialects[5]"},
		{strings.Replace(valid, `"0x0c0a": {`, `"0xzz": {`, 1), "localUrls.0xzz"},
		{strings.Replace(valid, `"last": "8.1.0178"`, `"last": "4.0.0000"`, 1), "catalog[1].last"},
		{strings.Replace(valid, `"name": "msn-2007-06"`, `"name": "x", "colour": "blue"`, 1), "colour"},
		{strings.Replace(valid, `"name": "msn-2007-06"`, `"name": "msn-2007-06", "maxLine": "long"`, 1), "maxLine"},
		{strings.Replace(valid, `"fallback": "http://get.live.com"`, `"fallback": ""`, 1), "urls.fallback"},
	}
	for _, c := range cases {
		_, err := DecodePolicy([]byte(c.json))
		var pe *PolicyError
		if !errors.As(err, &pe) {
			t.Errorf("want a PolicyError for field %s, got %v", c.field, err)
			continue
		}
		if pe.Field != c.field {
			t.Errorf("error %q names field %q, want %q", pe, pe.Field, c.field)
		}
	}
	_, err := DecodePolicy([]byte("{\n  \"name\": \"x\",\n  \"dialects\": [\"CVR0\",]\n}"))
	var pe *PolicyError
	if !errors.As(err, &pe) || pe.Line != 3 {
		t.Errorf("syntax error: %v, want one on line 3", err)
	}
	if _, err := DecodePolicy([]byte(valid)); err != nil {
		t.Errorf("a preset's own JSON is refused: %v", err)
	}
}

func TestPresetsRoundTrip(t *testing.T) {
	names := PresetNames()
	if len(names) != 11 || !slices.Contains(names, DefaultPreset) {
		t.Fatalf("PresetNames() = %v", names)
	}
	prev := ""
	for _, p := range Presets() {
		if p.Date[:4] < prev[:min(4, len(prev))] || len(p.Date) == len(prev) && p.Date < prev {
			t.Errorf("preset %s (%s) comes after one of %s: the list is a timeline", p.Name, p.Date, prev)
		}
		prev = p.Date
		q, err := DecodePolicy(p.JSON())
		if err != nil {
			t.Errorf("%s: %v", p.Name, err)
			continue
		}
		if !bytes.Equal(q.JSON(), p.JSON()) {
			t.Errorf("%s: JSON round trip changed the policy", p.Name)
		}
		if p.Date == "" || p.Description == "" || p.Source == "" {
			t.Errorf("%s: needs a date, a description and a source", p.Name)
		}
	}
	if _, err := Preset("msn-1999"); err == nil || !strings.Contains(err.Error(), "msnp-wiki") {
		t.Errorf("unknown preset error %v should list the known ones", err)
	}
	if _, err := Preset("../presets/msnp-wiki"); err == nil {
		t.Error("a path is not a preset name")
	}
}

func TestCodeText(t *testing.T) {
	for c, want := range map[Code]string{CodeBadLocale: "710 bad locale", CodeUnknownClient: "420 unknown client or version", CodeBadParams: "731 bad parameters", 999: "999"} {
		if got := c.Text(); got != want {
			t.Errorf("Code(%d).Text() = %q, want %q", int(c), got, want)
		}
	}
	if Fault(-1).Text() == "" || Fault(1000).Text() == "" {
		t.Error("Fault.Text must not be empty for unknown faults")
	}
}

// A session is fresh at its start, after a close and after a blank line
// that follows a close; renumbered, it resumes on another connection.
func TestSessionStateFresh(t *testing.T) {
	p, _ := Preset(DefaultPreset)
	s := NewSession(p)
	if st := s.State(); !st.Fresh() || st.NextConn() != 1 {
		t.Errorf("new session: fresh %v, next connection %d", st.Fresh(), st.NextConn())
	}
	s.Step("VER 1 MSNP8 CVR0")
	if st := s.State(); st.Fresh() || st.NextConn() != 1 {
		t.Errorf("after VER: fresh %v, next connection %d", st.Fresh(), st.NextConn())
	}
	s.Step("CVQ 2 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS") // CVR0 closes
	if st := s.State(); !st.Fresh() || st.NextConn() != 2 {
		t.Errorf("after a close: fresh %v, next connection %d", st.Fresh(), st.NextConn())
	}
	s.Step("")
	st := s.State()
	if !st.Fresh() || st.NextConn() != 2 {
		t.Errorf("blank line after a close: fresh %v, next connection %d", st.Fresh(), st.NextConn())
	}
	moved := ResumeSession(p, st.Renumbered(5))
	if x := moved.Step("CVQ 3 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS"); x.Conn != 7 {
		t.Errorf("renumbered by 5: connection %d, want 7", x.Conn)
	}
	s.Resume(st)
	if x := s.Step("CVQ 3 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS"); x.Conn != 2 || x.Kind != KindReplied {
		t.Errorf("resumed: connection %d kind %v", x.Conn, x.Kind)
	}
}

// TestHangup holds the client's close: the next line opens a new
// connection, an entry that says so hangs up after its answer, and a
// connection closed already, or not opened, is left as it is.
func TestHangup(t *testing.T) {
	p := mustPreset(t, "msn-2003-09")
	s := NewSession(p)
	if s.Hangup() {
		t.Error("Hangup on a connection with no line reported a close")
	}
	tr := ReadTranscript("VER 1 MSNP8\nS: VER 1 MSNP8\nClient disconnects.\nVER 2 MSNP8\nCVQ 3 x\nClient disconnects.\nVER 4 CVR0\n")
	var got []string
	for i := range tr.Entries {
		x := s.StepEntry(&tr.Entries[i])
		got = append(got, fmt.Sprintf("%d %s close=%v hangup=%v", x.Conn, x.Reply, x.Close, x.Hangup))
	}
	want := []string{
		"1 VER 1 MSNP8 close=false hangup=true",
		"2 VER 2 MSNP8 close=false hangup=false",
		"2  close=true hangup=false", // CVQ in an MSNP session: the server closes, the client's close is moot
		"3 VER 4 CVR0 close=false hangup=false",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("StepEntry:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !tr.Entries[0].Hangup || tr.Entries[1].Hangup || !tr.Entries[2].Hangup {
		t.Errorf("Entry.Hangup = %v %v %v, want true false true", tr.Entries[0].Hangup, tr.Entries[1].Hangup, tr.Entries[2].Hangup)
	}
	if st := s.State(); st.Fresh() || st.NextConn() != 3 {
		t.Errorf("after VER 4: Fresh %v NextConn %d, want false 3", st.Fresh(), st.NextConn())
	}
	s.Hangup()
	if st := s.State(); !st.Fresh() || st.NextConn() != 4 {
		t.Errorf("after Hangup: Fresh %v NextConn %d, want true 4", st.Fresh(), st.NextConn())
	}
}
