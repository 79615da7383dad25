package main

import (
	"unicode/utf8"

	"cvq-playground/app/share"
	"cvq-playground/protocol"
)

// pageState is what the playground and the embed show: the client lines,
// the policy in force, what the engine computed, and the messages about
// them. It is plain data with pure methods: no browser, no go-app, so
// that the server prerenders it and tests drive it directly.
type pageState struct {
	input     string
	preset    string           // the chosen built-in policy
	custom    string           // the policy JSON being edited; "" when none
	customErr string           // the mistake in custom, shown next to it
	policy    *protocol.Policy // the policy in force: the last valid one
	res       result
	sel       int    // selected row, -1 for none
	theme     string // "light", "dark", or "" to follow the system
	status    string // a short message about the last action
	linkMsg   string // what went wrong with the link the page was opened with
	previous  string // the user's own text, replaced by a link's or a file's; "" when none
	openedAs  string // the name of the file that replaced it; "" for a link
	fileMsg   string // how opening the last file went
	fileErr   bool   // it failed
	link      string // the fragment that carries the state, as last computed
	caret     caretAt
	eras      eraCache // every preset's answers, in the playground
}

// caretAt remembers the editor line of a caret offset in the current
// input (line 0: nothing remembered), so that the keyup that follows each
// typed character does not count the lines of the whole text again.
type caretAt struct{ units, line int }

// newPageState shows the wiki's examples with the default policy.
func newPageState() pageState {
	var s pageState
	s.setPreset(protocol.DefaultPreset)
	s.setInput(wikiExamples, 1)
	return s
}

// setPreset makes a built-in policy the one in force, dropping a custom one.
func (s *pageState) setPreset(name string) bool {
	pol, err := protocol.Preset(name)
	if err != nil {
		s.status = err.Error()
		return false
	}
	s.preset, s.policy, s.custom, s.customErr = name, pol, "", ""
	s.recompute(-1)
	return true
}

// setCustom takes an edited policy: in force when valid, else the mistake
// is shown and the last valid policy stays.
func (s *pageState) setCustom(text string) {
	s.custom = text
	pol, err := protocol.DecodePolicy([]byte(text))
	if err != nil {
		s.customErr = err.Error()
		return
	}
	s.customErr = ""
	s.policy = pol
	s.recompute(-1)
}

func (s *pageState) setInput(text string, caretLine int) {
	s.input, s.caret = text, caretAt{}
	s.recompute(caretLine)
}

// recompute evaluates the input with the policy in force; caretLine
// (1-based) selects a row, or -1 keeps the selected row's position.
func (s *pageState) recompute(caretLine int) {
	keep := -1
	if caretLine < 0 && s.sel >= 0 && s.sel < len(s.res.Rows) {
		keep = s.res.Rows[s.sel].Line
	}
	s.res = reevaluate(&s.res, s.policy, s.input)
	switch {
	case caretLine > 0:
		s.sel = s.res.rowAtLine(caretLine)
	case keep > 0:
		s.sel = s.res.rowAtLine(keep)
	default:
		s.sel = 0
	}
	if s.sel < 0 && len(s.res.Rows) > 0 {
		s.sel = 0
	}
	if s.sel >= len(s.res.Rows) {
		s.sel = len(s.res.Rows) - 1
	}
}

func (s *pageState) selected() *row {
	if s.sel < 0 || s.sel >= len(s.res.Rows) {
		return nil
	}
	return &s.res.Rows[s.sel]
}

// edited takes the editor's text as typed, with the caret at units
// (UTF-16 code units, as the browser counts them).
func (s *pageState) edited(text string, units int) {
	line := lineAtUnits(text, units)
	s.setInput(text, line)
	s.caret = caretAt{units, line}
}

// caretMoved selects the row under the caret at units, and reports
// whether the selection changed.
func (s *pageState) caretMoved(units int) bool {
	if s.caret.line == 0 || s.caret.units != units {
		s.caret = caretAt{units, lineAtUnits(s.input, units)}
	}
	if i := s.res.rowAtLine(s.caret.line); i >= 0 && i != s.sel {
		s.sel = i
		return true
	}
	return false
}

// step selects the row delta rows away, within the transcript.
func (s *pageState) step(delta int) {
	s.sel = min(max(s.sel+delta, 0), max(len(s.res.Rows)-1, s.sel))
}

// restore takes what local storage held.
func (s *pageState) restore(preset, custom, saved string) {
	if preset != "" && preset != s.preset {
		s.setPreset(preset)
	}
	if custom != "" {
		s.setCustom(custom)
	}
	if saved != "" {
		s.setInput(saved, 1)
	}
}

// applyLink loads the state a link carries. A broken link leaves the
// page as it was (the user's saved text or the default example) and says
// why; a good one replaces the text, and, when keepOwn, keeps the user's
// own for a click on "Restore".
func (s *pageState) applyLink(frag, own string, keepOwn bool) {
	st, ok, err := share.Decode(frag)
	switch {
	case err != nil:
		s.linkMsg = "This link could not be read: " + err.Error() + ". Showing " +
			map[bool]string{true: "your saved text", false: "the default example"}[own != ""] + " instead."
		return
	case !ok:
		return
	}
	s.linkMsg = ""
	if own != "" && own != st.Input && keepOwn {
		s.previous, s.openedAs = own, ""
	}
	s.setPreset(st.Policy)
	if st.Custom != "" {
		s.setCustom(st.Custom)
		if s.customErr != "" {
			s.linkMsg = "The link's edited policy has a mistake (" + s.customErr + "); the preset " + st.Policy + " is in force."
		}
	}
	s.setInput(st.Input, max(st.Sel, 1))
	if st.Theme != "" {
		s.theme = st.Theme
	}
}

// shareState is the state as a link carries it.
func (s *pageState) shareState() share.State {
	st := share.State{Policy: s.preset, Custom: s.custom, Input: s.input, Theme: s.theme}
	if r := s.selected(); r != nil && s.sel > 0 {
		st.Sel = r.Line
	}
	return st
}

// policyText is the policy editor's text: the edited copy, or the preset.
func (s *pageState) policyText() string {
	if s.custom != "" {
		return s.custom
	}
	return string(s.policy.JSON())
}

// lineAtUnits returns the 1-based line of s that holds the offset units,
// counted in UTF-16 code units as the browser counts selectionStart. It
// runs on every keystroke over the text before the caret: one pass, with
// a quick path for ASCII, and no allocation.
func lineAtUnits(s string, units int) int {
	line, n := 1, 0
	for i := 0; i < len(s) && n < units; {
		if c := s[i]; c < utf8.RuneSelf {
			if c == '\n' {
				line++
			}
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x10000 {
			n += 2 // a surrogate pair
		} else {
			n++ // invalid bytes decode to U+FFFD, one unit, as in the browser
		}
	}
	return line
}
