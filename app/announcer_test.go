package main

import (
	"strings"
	"testing"
)

func TestAnnouncement(t *testing.T) {
	p := newPlayground()
	for _, c := range []struct {
		sel  int
		want []string
	}{
		{0, []string{"Line 1: the server answers CVQ 1 5.0.0537 5.0.0537 1.0.0863 ", "The server disconnects."}},
		{4, []string{"Line 5: the server answers 710 5.", "0x1111", "The server disconnects."}},
	} {
		p.sel = c.sel
		got := p.announcement()
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("row %d: announcement %q lacks %q", c.sel, got, w)
			}
		}
	}
	p.setInput("", 1)
	if got := p.announcement(); got != "No client lines." {
		t.Errorf("empty editor: %q", got)
	}
	// The region is in the prerendered page, empty: a screen reader
	// registers it before it has anything to say.
	html := loadPage(t, newPlayground())
	if !strings.Contains(html, `id="announce"`) || !strings.Contains(html, `role="status"`) {
		t.Error("the page has no live region")
	}
}
