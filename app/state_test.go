package main

import (
	"strings"
	"testing"
)

// The caret selects the row under it, and says when the selection moved,
// so that the page redraws only then.
func TestCaretAndStep(t *testing.T) {
	s := newPageState()
	text := "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nCVQ 6 spaghetti\n"
	s.edited(text, len(text))
	if s.sel != 1 {
		t.Fatalf("typing at the end selects row %d, want 1", s.sel)
	}
	if s.caretMoved(len(text)) {
		t.Error("the caret stayed on its line, yet the selection moved")
	}
	if !s.caretMoved(0) || s.sel != 0 {
		t.Errorf("caret on line 1: moved to row %d", s.sel)
	}
	s.step(-1)
	if s.sel != 0 {
		t.Errorf("step up from the first row: row %d", s.sel)
	}
	s.step(1)
	s.step(1)
	if s.sel != 1 {
		t.Errorf("step down past the last row: row %d", s.sel)
	}
}

// A link replaces the text and keeps the user's own for "Restore" where
// asked (the playground), not in the embed; a broken one says why and
// leaves the text.
func TestApplyLink(t *testing.T) {
	s := newPageState()
	s.applyLink("policy=msn-2003-09&in=CVQ%206%20spaghetti&sel=1&theme=dark", "my own text", true)
	if s.input != "CVQ 6 spaghetti" || s.preset != "msn-2003-09" || s.theme != "dark" || s.previous != "my own text" {
		t.Errorf("after a link: input %q, preset %s, theme %s, previous %q", s.input, s.preset, s.theme, s.previous)
	}
	e := newPageState()
	e.applyLink("in=x", "my own text", false)
	if e.previous != "" || e.input != "x" {
		t.Errorf("embed: previous %q, input %q", e.previous, e.input)
	}
	b := newPageState()
	b.applyLink("z=broken!", "", true)
	if !strings.Contains(b.linkMsg, "could not be read") || b.input != wikiExamples {
		t.Errorf("broken link: message %q, input changed %v", b.linkMsg, b.input != wikiExamples)
	}
	if st := s.shareState(); st.Policy != "msn-2003-09" || st.Input != "CVQ 6 spaghetti" || st.Theme != "dark" {
		t.Errorf("shareState = %+v", st)
	}
}
