package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// replayRecording is a probe recording: its cases, each on a connection of
// its own, the failing ones among them.
func replayRecording(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("probe/testdata/replay.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestOpenRecording(t *testing.T) {
	rec := replayRecording(t)
	p := newPlayground()
	own := p.input
	msg, ok := p.openFile("replay.txt", rec)
	if !ok || p.input != rec {
		t.Fatalf("not opened: %s", msg)
	}
	if want := "Opened replay.txt, recorded against msn-2003-09, now in force: 15 client lines, 3 differ from the pasted answers."; msg != want {
		t.Errorf("message %q, want %q", msg, want)
	}
	if p.preset != "msn-2003-09" || p.previous != own || p.replacedBy() != "replay.txt" {
		t.Errorf("preset %s, previous kept %v, replaced by %q", p.preset, p.previous == own, p.replacedBy())
	}
	if n := conns(&p.res); n != 8 {
		t.Errorf("%d connections, want 8: one per case that sent a line", n)
	}
	// The first failing case's differing line is selected.
	if r := p.selected(); r == nil || !r.Differs || !strings.Contains(p.res.Transcript.Entries[r.Entry].Client, "5.0.0537") {
		t.Errorf("selected %+v, want the outdated client's line", r)
	}
	// Restoring brings the user's text back.
	p.setInput(p.previous, 1)
	if p.input != own {
		t.Error("the user's text did not come back")
	}
}

func TestOpenRecordingPage(t *testing.T) {
	p := newPlayground()
	p.openFile("replay.txt", replayRecording(t))
	p.sel = 0 // the window from the first case on
	html := loadPage(t, p)
	for _, want := range []string{
		`>case msn-2003-09/sanity/first/1 · PASS<`,
		`>case msn-2003-09/cvr/outdated/2 · FAIL<`,
		`>case msn-2003-09/cvq/known/2 · TIMEOUT<`,
		`># silent: nothing more within the wait<`,
		`># garbage: &#34;\x00\xffVER&#34;<`,
		`>Client disconnects.<`,
		`# probe recording: policy msn-2003-09, server 192.0.2.7:1863 (revival.example:1863), 2026-12-07T05:40:00Z`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// The received answer, pasted, with the fields where it differs from
	// msn-2003-09's marked: the versions and both URLs.
	if n := strings.Count(html, `<mark class="fld diff">5.0.0537</mark>`); n != 3 {
		t.Errorf("%d marked 5.0.0537 fields, want 3", n)
	}
	if n := strings.Count(html, `<mark class="fld diff">https://revival.example</mark>`); n != 2 {
		t.Errorf("%d marked URLs, want 2", n)
	}
	heads := regexp.MustCompile(`class="case-head (case-\w+)"[^>]*>case ([^ ]+)`).FindAllStringSubmatch(html, -1)
	if len(heads) != 8 {
		t.Fatalf("%d case headings, want the 8 cases with client lines", len(heads))
	}
	for _, h := range heads {
		pass := h[2] == "msn-2003-09/sanity/first/1" || h[2] == "msn-2003-09/cvr/trid/1"
		if (h[1] == "case-pass") != pass {
			t.Errorf("case %s drawn as %s", h[2], h[1])
		}
	}
	// A comment after a client line stays under it, not above the next.
	silent := strings.Index(html, "# silent: nothing more")
	if next := strings.Index(html, "case msn-2003-09/cvr/too-long/1"); silent < 0 || next < silent || strings.Index(html, "case msn-2003-09/cvq/known/2") > silent {
		t.Error("the silent note is not under its case's line")
	}
}

func TestOpenFileRefused(t *testing.T) {
	p := newPlayground()
	own := p.input
	if msg, ok := p.openFile("a.bin", "CVQ 1\x00\x01"); ok || p.input != own || !strings.Contains(msg, "not a text file") {
		t.Errorf("a binary file: %q, opened %v", msg, ok)
	}
	// A text that is no recording leaves the policy as it is.
	p.setPreset("msn-2006-03")
	if _, ok := p.openFile("lines.txt", "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n"); !ok || p.preset != "msn-2006-03" {
		t.Errorf("a plain text changed the policy to %s", p.preset)
	}
}

func TestRecordingPolicy(t *testing.T) {
	for text, want := range map[string]string{
		"# probe recording: policy msn-2003-09, server 127.0.0.1:1863 (localhost), 2026-12-07T05:40:00Z\n": "msn-2003-09",
		"# listen session 3 from 127.0.0.1:53412, policy msn-2006-03, 2026-12-07T05:39:10Z\nC: VER 1\n":    "msn-2006-03",
		"# probe recording: policy no-such-era, server x\n":                                                "",
		"# a comment naming policy msn-2003-09, of no recording\n":                                         "",
		"C: VER 1 MSNP8\n# probe recording: policy msn-2003-09, x\n":                                       "",
	} {
		if got := recordingPolicy(text); got != want {
			t.Errorf("recordingPolicy(%q) = %q, want %q", text, got, want)
		}
	}
}
