package main

import (
	"strings"
	"testing"

	"cvq-playground/protocol"
)

// TestServerParts checks the lines a transcript row shows under its
// client line: respond's own lines, in respond's order, with the reason
// and the check mark of the page between them. A pasted line that
// differs has its differing fields marked (here with a *).
func TestServerParts(t *testing.T) {
	p, err := protocol.Preset(protocol.DefaultPreset)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ input, want string }{
		{"CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nS: 420 1\n",
			"sline CVQ 1 5.0.0537 5.0.0537 1.0.0863 http://download.microsoft.com/download/msnmessenger/install/5.0/w98nt42kmexp/en-us/setupdl.exe http://messenger.microsoft.com|expect ! expected: 420* 1|close Server disconnects client."},
		{"CVQ 6 spaghetti\nS: 731 6\nServer disconnects client.\n",
			"sline 731 6|why ⚠ …|match ✓ matches the pasted answer|close Server disconnects client."},
		{"CVQ 6 spaghetti\nServer disconnects client.\n",
			"sline 731 6|why ⚠ …|expect ! expected no reply|close Server disconnects client."},
		{"VER 1 MSNP8 CVR0\nS: VER 1 MSNP8\nUSR 2 TWN I a@b.c\nS: USR 2 OK\n",
			"sline VER 1 CVR0|expect ! expected: VER 1 MSNP8*|/|why ⚠ …|expect ! expected: USR 2 OK|close Server disconnects client."},
		{"VER 1 MSNP7 CVR0\nUSR 2 TWN I a@b.c\nServer disconnects client.\n",
			"sline VER 1 CVR0|/|why ⚠ …|match ✓ matches the pasted answer|close Server disconnects client."},
		{" CVQ 1\nS: 731 1\n", "why ⚠ …|expect ! expected: 731 1|close Server disconnects client."},
	}
	for _, c := range cases {
		tr := protocol.ReadTranscript(c.input)
		s := protocol.NewSession(p)
		var got []string
		for i := range tr.Entries {
			x := s.Step(tr.Entries[i].Client)
			if i > 0 {
				got = append(got, "/")
			}
			for _, part := range serverParts(p, &tr.Entries[i], &x) {
				text := part.Text
				for _, f := range part.Fields {
					text += f.Text
					if f.Class == "fld diff" {
						text += "*" // the field differs from the reply
					}
				}
				if part.Class == "why" {
					text = "⚠ …" // the wording belongs to the explanations
				}
				got = append(got, part.Class+" "+text)
			}
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("serverParts(%q):\n got %s\nwant %s", c.input, g, c.want)
		}
	}
}
