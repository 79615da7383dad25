package main

import (
	"regexp"
	"strings"
	"testing"

	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func loadPage(t *testing.T, p *playground) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return app.HTMLString(p)
}

// reply is the server line of row i as the page computes it.
func reply(p *playground, i int) string { return p.res.exchange(p.policy, i).Reply }

func TestDefaultPageShowsTheWikiAnswers(t *testing.T) {
	p := newPlayground()
	html := loadPage(t, p)
	for _, want := range []string{
		" CVQ 1 5.0.0537 5.0.0537 1.0.0863 http://download.microsoft.com/download/msnmessenger/install/5.0/w98nt42kmexp/en-us/setupdl.exe http://messenger.microsoft.com",
		"420 3", "420 4", "710 5", "731 6",
		"6 client lines, 6 connections",
		"0x1111 is not in this policy",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(html, `id="wasm-ready"`) {
		t.Error("the WebAssembly marker must only appear in the browser")
	}
	if len(p.res.Rows) != 6 || p.res.Rows[1].NewConn != true || p.res.Rows[0].NewConn {
		t.Errorf("rows: %d, new connection flags wrong", len(p.res.Rows))
	}
	// Each row computed again from its saved session state is the same as
	// running the whole transcript.
	var want strings.Builder
	protocol.Respond(&want, p.policy, p.input)
	for i := range p.res.Rows {
		if r := reply(p, i); !strings.Contains(want.String(), "S: "+r+"\n") {
			t.Errorf("row %d recomputed as %q, not in\n%s", i, r, want.String())
		}
	}
}

func TestExplanationFollowsSelection(t *testing.T) {
	p := newPlayground()
	p.sel = 4
	html := loadPage(t, p)
	if !strings.Contains(html, "line 5 · connection 5 · CVR0 (implicit)") {
		t.Error("the explanation is not of line 5")
	}
	// The text of the page's first heading, found by its place in the tree
	// (the header is a component: one level more).
	if err := app.Match(app.Text("CVQ playground"), p, 0, 1, 0, 0, 0, 0); err != nil {
		t.Error(err)
	}
	// The caret's line selects the row that starts at or before it.
	p.setInput("CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n\n\nCVQ 6 spaghetti\n", 3)
	if p.sel != 0 {
		t.Errorf("caret on an empty line 3 selects row %d, want 0", p.sel)
	}
	p.recompute(4)
	if p.sel != 1 {
		t.Errorf("caret on line 4 selects row %d, want 1", p.sel)
	}
}

func TestBrokenPolicyKeepsTheLastValid(t *testing.T) {
	p := newPlayground()
	before := reply(p, 1)
	p.setCustom(`{"name": "x", "dialects": ["CVR0"], `)
	if p.customErr == "" || !strings.Contains(p.customErr, "line 1") {
		t.Errorf("customErr = %q, want a positioned message", p.customErr)
	}
	if reply(p, 1) != before || p.policy.Name != protocol.DefaultPreset {
		t.Error("a broken policy replaced the one in force")
	}
	p.tab = tabPolicy
	html := loadPage(t, p)
	if !strings.Contains(html, `id="policy-error"`) || !strings.Contains(html, "the JSON ends too early") {
		t.Error("the policy panel does not show the mistake")
	}
	valid := strings.Replace(string(p.policy.JSON()), `"minimum": "6.2.0205"`, `"minimum": "6.0.0602"`, 1)
	p.setCustom(valid)
	if p.customErr != "" || !strings.Contains(reply(p, 1), " 6.0.0602 ") {
		t.Errorf("a valid edit is not in force: %q %q", p.customErr, reply(p, 1))
	}
}

func TestUserTextIsEscaped(t *testing.T) {
	p := newPlayground()
	p.setInput("CVQ 1 <script>alert(1)</script> win 4.10 i386 MSMSGS 1.0.0863 <img src=x onerror=alert(2)>\n", 1)
	html := loadPage(t, p)
	// Attribute values are quoted (go-app writes them with strconv.Quote);
	// outside them, no element may come from the user's text.
	outside := regexp.MustCompile(`="(\\.|[^"\\])*"`).ReplaceAllString(html, `=""`)
	if strings.Contains(outside, "<script>alert") || strings.Contains(outside, "<img src=x") {
		t.Error("user text reached the page as HTML")
	}
	if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("user text is not shown as text")
	}
}

func TestPresetsInSelector(t *testing.T) {
	p := newPlayground()
	html := loadPage(t, p)
	for _, name := range protocol.PresetNames() {
		if !strings.Contains(html, `value="`+name+`"`) {
			t.Errorf("preset %s missing from the selector", name)
		}
	}
	if !p.setPreset("msn-2003-09") || !strings.HasPrefix(reply(p, 1), "CVQ 2 6.0.0602 6.0.0602 1.0.0000") {
		t.Errorf("switching preset: %q", reply(p, 1))
	}
	if p.setPreset("nope") || p.policy.Name != "msn-2003-09" {
		t.Error("an unknown preset replaced the policy")
	}
}

func TestBuilderLine(t *testing.T) {
	b := newBuilder()
	if got := b.line(7); got != "CVQ 7 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com" {
		t.Errorf("builder line = %q", got)
	}
	b.Handle, b.ClientID = "", " "
	if got := b.line(8); got != "CVQ 8 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602" {
		t.Errorf("builder line without optional fields = %q", got)
	}
	p := newPlayground()
	if n := nextTrID(&p.res); n != 7 {
		t.Errorf("nextTrID = %d, want 7", n)
	}
	if got := appendLine("a", "b"); got != "a\nb\n" {
		t.Errorf("appendLine = %q", got)
	}
}

func TestLineAtUnitsCountsUTF16(t *testing.T) {
	s := "é😀\nCVQ\n\xffx\ny"
	// é is 1 UTF-16 unit (2 bytes), 😀 is 2 units (4 bytes), \n 1 unit;
	// an invalid byte is one unit (U+FFFD), as in the browser.
	for units, want := range map[int]int{0: 1, 1: 1, 3: 1, 4: 2, 7: 2, 8: 3, 9: 3, 10: 3, 11: 4, 99: 4} {
		if got := lineAtUnits(s, units); got != want {
			t.Errorf("lineAtUnits(%d) = %d, want %d", units, got, want)
		}
	}
}

func TestWindowAroundSelection(t *testing.T) {
	p := newPlayground()
	p.setPreset("msn-2006-03")
	p.setInput(benchTranscript(500), 250)
	from, to := p.res.window(p.sel)
	if to-from != maxRenderedRows || p.sel < from || p.sel >= to {
		t.Errorf("window [%d,%d) around %d", from, to, p.sel)
	}
	html := loadPage(t, p)
	if got := strings.Count(html, `class="exchange`); got != maxRenderedRows {
		t.Errorf("%d rows drawn, want %d", got, maxRenderedRows)
	}
	for _, want := range []string{`id="rows-before"`, `id="rows-after"`, "500 client lines, 1 connection"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if from, to := p.res.window(0); from != 0 || to != maxRenderedRows {
		t.Errorf("window at the start [%d,%d)", from, to)
	}
	if from, to := p.res.window(499); to != 500 || from != 500-maxRenderedRows {
		t.Errorf("window at the end [%d,%d)", from, to)
	}
}

func TestTimelinePositions(t *testing.T) {
	builds := timelineBuilds("MSNMSGR")
	v := func(s string) protocol.Version { x, _ := protocol.ParseVersion(s); return x }
	if pos := timelinePos(builds, v("5.0.0537")); pos != 0 {
		t.Errorf("first build at %v", pos)
	}
	if pos := timelinePos(builds, v("99.0.0000")); pos != 100 {
		t.Errorf("future build at %v", pos)
	}
	a, b := timelinePos(builds, v("6.0.0602")), timelinePos(builds, v("6.0.0610"))
	if !(b > a && b < timelinePos(builds, v("6.1.0155"))) {
		t.Errorf("an unknown build sits between its neighbours: %v %v", a, b)
	}
}

// The builder's form changes one field at a time; a new library comes
// with its first build.
func TestBuilderWith(t *testing.T) {
	b := newBuilder().with("b-handle", "me@x.com").with("b-library", "MSMSGS")
	if b.Handle != "me@x.com" || b.Library != "MSMSGS" || b.Version == "6.0.0602" || b.Version == "" {
		t.Errorf("form after two changes: %+v", b)
	}
	if got := b.with("b-nothing", "x"); got != b {
		t.Errorf("an unknown control changed the form: %+v", got)
	}
}
