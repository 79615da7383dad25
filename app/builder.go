package main

import (
	"sort"
	"strconv"
	"strings"

	"cvq-playground/protocol"
)

// builder holds the request builder's form.
type builder struct {
	Command, Locale, System, Library, Version, ClientID, Handle string
}

func newBuilder() builder {
	return builder{Command: "CVQ", Locale: "0x0409", System: "winnt 5.1", Library: "MSNMSGR", Version: "6.0.0602", ClientID: "MSMSGS", Handle: "example@hotmail.com"}
}

// line writes the request the form describes, with the given TrID.
func (b builder) line(trid int) string {
	sys := strings.Fields(b.System)
	for len(sys) < 2 {
		sys = append(sys, "")
	}
	parts := []string{b.Command, strconv.Itoa(trid), b.Locale, sys[0], sys[1], "i386", b.Library, b.Version, b.ClientID, b.Handle}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.Join(strings.Fields(p), ""))
		}
	}
	return strings.Join(out, " ")
}

// nextTrID is one more than the largest TrID in the input, so that an
// inserted line reads like the next command of the session.
func nextTrID(res *result) int {
	n := 0
	for _, e := range res.Transcript.Entries {
		r := protocol.Parse(e.Client)
		if r.TrIDErr == protocol.FaultNone && int(r.TrID) > n && r.TrID < 1<<31 {
			n = int(r.TrID)
		}
	}
	return n + 1
}

// The builder's choices, computed once.
var (
	localesByName = sortedLocales()
	libraries     = knownLibraries()
	systems       = protocol.Systems()
	builds        = protocol.Builds()
)

// sortedLocales lists the LCID table in alphabetical order of names.
func sortedLocales() []protocol.Locale {
	ls := protocol.Locales()
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Display < ls[j].Display })
	return ls
}

// knownLibraries lists the known libraries, in release order.
func knownLibraries() []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range protocol.Builds() {
		if !seen[b.Library] {
			seen[b.Library] = true
			out = append(out, b.Library)
		}
	}
	return out
}

// appendLine adds line at the end of the input, on a line of its own.
func appendLine(input, line string) string {
	if input != "" && !strings.HasSuffix(input, "\n") {
		input += "\n"
	}
	return input + line + "\n"
}
