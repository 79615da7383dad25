package main

import (
	"slices"
	"strconv"
	"strings"

	"cvq-playground/protocol"
)

// maxFileBytes is the largest file the playground opens: a recording of
// every case of a probe run is a few hundred kilobytes, and the page
// evaluates the first maxEvaluatedLines client lines of any text.
const maxFileBytes = 1 << 20

// replacedBy names what replaced the user's text, for the notice that
// offers it back; "" when nothing did.
func (s *pageState) replacedBy() string {
	switch {
	case s.previous == "":
		return ""
	case s.openedAs != "":
		return s.openedAs
	}
	return "The link"
}

// openFile puts an opened file's text in the editor, keeping the text it
// replaces for a click on "Restore your text". A recording of probe or
// listen names the policy its answers were graded against: that preset is
// put in force. The first client line whose pasted answer differs is
// selected. It returns what to tell the user, and whether it was opened.
func (s *pageState) openFile(name, text string) (string, bool) {
	if strings.IndexByte(text, 0) >= 0 {
		return name + " is not a text file (it holds NUL bytes); nothing was opened.", false
	}
	if s.input != "" && s.input != text {
		s.previous, s.openedAs = s.input, name
	}
	msg := "Opened " + name
	if pol := recordingPolicy(text); pol != "" && (pol != s.preset || s.custom != "") && s.setPreset(pol) {
		msg += ", recorded against " + pol + ", now in force"
	}
	s.setInput(text, 1)
	for i := range s.res.Rows {
		if s.res.Rows[i].Differs {
			s.sel = i
			break
		}
	}
	msg += ": " + plural(len(s.res.Rows), "client line")
	if s.res.Differs > 0 {
		msg += ", " + strconv.Itoa(s.res.Differs) + " differ from the pasted answers"
	}
	return msg + ".", true
}

// recordingPolicy returns the preset named by the first line of a
// recording of probe ("# probe recording: policy NAME, server …") or of
// listen ("# listen session N from …, policy NAME, …"), or "".
func recordingPolicy(text string) string {
	first, _, _ := strings.Cut(text, "\n")
	if !strings.HasPrefix(first, "# probe recording: ") && !strings.HasPrefix(first, "# listen session ") {
		return ""
	}
	_, rest, ok := strings.Cut(first, "policy ")
	if !ok {
		return ""
	}
	name, _, _ := strings.Cut(rest, ",")
	if !slices.Contains(protocol.PresetNames(), name) {
		return ""
	}
	return name
}
