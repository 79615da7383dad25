package main

import (
	"regexp"
	"strings"
	"testing"

	"cvq-playground/protocol"
)

// erasText negotiates MSNP8 with whatever offers it, then asks as an old
// client, with the answer msn-2006-03 gave pasted after it.
const erasText = `VER 1 MSNP8 CVR0
CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 5.0.0540 MSMSGS a@hotmail.com
S: CVR 2 7.5.0324 7.5.0324 6.2.0208 http://msgr.dlservice.microsoft.com/download/5/a/8/5a892c0f-5b87-4767-8927-6fe5d8cfc582/Install_MSN_Messenger.exe http://messenger.msn.com
`

func erasPage(t *testing.T, preset, text string, line int) *playground {
	t.Helper()
	p := newPlayground()
	if !p.setPreset(preset) {
		t.Fatal(p.status)
	}
	p.setInput(text, line)
	p.updateEras()
	return p
}

func TestErasNameWhoReproduces(t *testing.T) {
	p := erasPage(t, "msn-2003-09", erasText, 2)
	v := p.eraView()
	if v.Line != 2 || v.Stale || !v.Expected {
		t.Fatalf("view line %d stale %v expected %v", v.Line, v.Stale, v.Expected)
	}
	if want := "The pasted answer is reproduced by msn-2006-03 and msn-2006-12."; v.Verdict != want {
		t.Errorf("verdict %q, want %q", v.Verdict, want)
	}
	if len(v.Rows) != len(protocol.PresetNames()) {
		t.Fatalf("%d rows, want one per preset", len(v.Rows))
	}
	for i, name := range protocol.PresetNames() {
		if v.Rows[i].Name != name {
			t.Errorf("row %d is %s, want %s (timeline order)", i, v.Rows[i].Name, name)
		}
	}
	rows := map[string]eraRow{}
	for _, r := range v.Rows {
		rows[r.Name] = r
	}
	if r := rows["msn-2003-09"]; !r.InForce || len(r.Differs) != 0 || marked(r) != "" {
		t.Errorf("the policy in force: %+v", r)
	}
	// 2006-03 recommends 7.5.0324 with minimum 6.2.0208 and another
	// installer; the command, the TrID and the fallback page are 2003-09's.
	if r := rows["msn-2006-03"]; !r.Reproduces || marked(r) != "7.5.0324 7.5.0324 6.2.0208 "+r.Reply[10].Text ||
		!strings.Contains(r.Reply[10].Text, "Install_MSN_Messenger.exe") ||
		strings.Join(r.Differs, ", ") != "recommended, recommended-2, minimum, download-url" {
		t.Errorf("msn-2006-03: marked %q, differs %v, reproduces %v", marked(r), r.Differs, r.Reproduces)
	}
	// The VER before the line matters: 2002-10 chose CVR0, where a CVR
	// is closed on without a word.
	if r := rows["msn-2002-10"]; r.Reply != nil || r.Outcome != "no reply: "+protocol.FaultWrongDialect.Text() || !r.Close ||
		strings.Join(r.Differs, ", ") != "no reply, the close" {
		t.Errorf("msn-2002-10: %+v", r)
	}
	// 2010-03 writes an empty field after its download host.
	if r := rows["msn-2010-03"]; !strings.Contains(marked(r), "‹empty›") {
		t.Errorf("msn-2010-03 marked %q, want its empty field marked", marked(r))
	}
}

// marked is the text of a row's fields drawn as differing.
func marked(r eraRow) string {
	var out []string
	for _, part := range r.Reply {
		if part.Class == "fld diff" {
			out = append(out, part.Text)
		}
	}
	return strings.Join(out, " ")
}

func TestErasNoneReproduces(t *testing.T) {
	p := erasPage(t, "msnp-wiki", "VER 1 MSNP8\nS: VER 1 MSNP9\n", 1)
	if v := p.eraView(); v.Verdict != "No preset reproduces the pasted answer." {
		t.Errorf("verdict %q", v.Verdict)
	}
	p = erasPage(t, "msnp-wiki", "VER 1 MSNP8\n", 1)
	if v := p.eraView(); v.Verdict != "" || v.Expected {
		t.Errorf("a line without a pasted answer: verdict %q", v.Verdict)
	}
}

func TestErasWaitForTheTextToSettle(t *testing.T) {
	p := erasPage(t, "msn-2003-09", erasText, 2)
	before := p.eraView()
	// A keystroke: the presets' results are not brought up to date; the
	// last view is shown, marked stale.
	p.edited(erasText+"C", len(erasText)+1)
	if p.eras.ready && p.eras.input == p.input {
		t.Fatal("a keystroke evaluated every preset")
	}
	v := p.eraView()
	if !v.Stale || v.Line != before.Line || v.Verdict != before.Verdict {
		t.Errorf("while typing: %+v", v)
	}
	p.updateEras()
	if v := p.eraView(); v.Stale || v.Line != 4 || v.Client != "C" {
		t.Errorf("once settled: line %d client %q stale %v", v.Line, v.Client, v.Stale)
	}
	// Another selection needs no evaluation: the rows are there.
	p.sel = 0
	if v := p.eraView(); v.Line != 1 || v.Stale || v.Rows[0].Reply == nil {
		t.Errorf("line 1: %+v", v)
	}
}

func TestErasMatchGrade(t *testing.T) {
	// After edits, at the start, in the middle and at the end, every
	// preset's answer to any line is the plain replay's (protocol.Grade).
	text := benchTranscript(300)
	text = strings.Replace(text, "CVR 120 ", "CVQ 120 ", 1) + "VER 400 MSNP8\nS: VER 400 MSNP8\nServer disconnects client.\nCVQ 401 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS a@b.c\n"
	p := erasPage(t, "msn-2003-09", text, 1)
	check := func(what string) {
		t.Helper()
		p.updateEras()
		for _, sel := range []int{0, 1, 63, 64, 65, 119, 200, len(p.res.Rows) - 2, len(p.res.Rows) - 1} {
			p.sel = sel
			v := p.eraView()
			want := protocol.Grade(p.eras.presets, &p.res.Transcript, p.res.Rows[sel].Entry)
			for k, a := range want {
				r := eraRowOf(a, &a.Exchange, false)
				if got := v.Rows[k]; got.Outcome != r.Outcome || got.Close != r.Close || got.Reproduces != a.Reproduces {
					t.Fatalf("%s: line %d, %s: %+v, want %+v", what, v.Line, a.Policy.Name, got, r)
				}
				if got := strings.Join(partsText(v.Rows[k].Reply), ""); got != strings.Join(partsText(r.Reply), "") {
					t.Fatalf("%s: line %d, %s answers %q, want %q", what, v.Line, a.Policy.Name, got, strings.Join(partsText(r.Reply), ""))
				}
			}
		}
	}
	check("first")
	p.setInput(strings.Replace(text, "VER 1 MSNP12 CVR0", "VER 1 CVR0", 1), 1)
	check("the first line edited")
	p.setInput(strings.Replace(p.input, "CVR 150 ", "CVQ 150 ", 1), 150)
	check("a middle line edited")
	p.setInput(p.input+"CVQ 9 spaghetti\n", 310)
	check("a line added at the end")
}

// partsText is the text of parts, their marks left out.
func partsText(ps []textPart) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Text)
	}
	return out
}

func TestErasPaneHTML(t *testing.T) {
	p := erasPage(t, "msn-2003-09", erasText, 2)
	html := loadPage(t, p)
	for _, want := range []string{
		`id="eras"`, `id="eras-verdict"`, "The pasted answer is reproduced by msn-2006-03 and msn-2006-12.",
		`<mark class="fld diff">7.5.0324</mark>`, "differs: no reply, the close", "in force", "· ✓ as pasted",
		"compared with msn-2003-09",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if n := len(regexp.MustCompile(`<tr [^>]*data-preset="`).FindAllString(html, -1)); n != len(protocol.PresetNames()) {
		t.Errorf("%d era rows, want %d", n, len(protocol.PresetNames()))
	}
	// An edited policy is what the answers are compared with.
	p.setCustom(string(p.policy.JSON()))
	if v := p.eraView(); v.Reference != "your edited policy" || v.Rows[1].InForce {
		t.Errorf("edited policy: reference %q, in force %v", v.Reference, v.Rows[1].InForce)
	}
}
