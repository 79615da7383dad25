package main

import (
	"html"
	"io"
	"strings"
	"testing"

	"cvq-playground/protocol"
)

// The gallery lists every capture with its source and preset, and the ✓
// is the engine's own verdict.
func TestGalleryShowsEveryCapture(t *testing.T) {
	caps := protocol.Captures()
	checks := captureChecks()
	if len(checks) != len(caps) || len(caps) != 24 {
		t.Fatalf("%d checks for %d captures", len(checks), len(caps))
	}
	page := loadPage(t, newPlayground())
	if !strings.Contains(page, "24 of 24 reproduced") {
		t.Error("the gallery does not say 24 of 24")
	}
	if n := strings.Count(page, `class="cap-ok"`); n != 24 {
		t.Errorf("%d captures marked ✓, want 24", n)
	}
	for _, c := range checks {
		for _, want := range []string{`data-capture="` + c.Name + `"`, `class="cap-preset">` + c.Preset + "</code>", html.EscapeString(c.Source)} {
			if !strings.Contains(page, want) {
				t.Errorf("%s: the gallery lacks %q", c.Name, want)
			}
		}
		// Loaded in the editor, the pasted reply agrees with the answer.
		ex := captureExample(&c)
		p, _ := protocol.Preset(ex.Policy)
		if differs, err := protocol.Respond(io.Discard, p, ex.Input); differs || err != nil {
			t.Errorf("%s loaded as an example differs (err %v):\n%s", c.Name, err, ex.Input)
		}
	}
}

// The request builder can write every captured request whose library it
// offers, the 2010 one included.
func TestBuilderExpressesCaptures(t *testing.T) {
	built := map[string]bool{}
	for _, c := range protocol.Captures() {
		f := strings.Fields(c.Request)
		if len(f) != 10 || f[0] == "VER" || f[5] != "i386" || !offered(f[2], f[3]+" "+f[4], f[6], f[7]) {
			continue
		}
		b := builder{Command: f[0], Locale: f[2], System: f[3] + " " + f[4], Library: f[6], Version: f[7], ClientID: f[8], Handle: f[9]}
		if got := b.line(int(protocol.Parse(c.Request).TrID)); got != c.Request {
			t.Errorf("%s: the builder writes %q, want %q", c.Name, got, c.Request)
		}
		built[c.Name] = true
	}
	if !built["C13"] || len(built) < 10 {
		t.Errorf("the builder writes only %v", built)
	}
}

// offered reports whether the builder's lists hold this locale, system,
// library and build.
func offered(locale, system, lib, version string) bool {
	var loc, sys, build bool
	for _, l := range localesByName() {
		loc = loc || l.Hex() == locale
	}
	for _, s := range systems() {
		sys = sys || s.Type+" "+s.Ver == system
	}
	for _, b := range builds() {
		build = build || b.Library == lib && b.Version == version
	}
	return loc && sys && build
}
