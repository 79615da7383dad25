package probe_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"cvq-playground/app/probe"
	"cvq-playground/app/share"
	"cvq-playground/protocol"
)

// TestLink: a failing case's link opens, in the playground's link format,
// that case's exchange against the policy, its first differing client
// line selected; the page marks the received lines that differ.
func TestLink(t *testing.T) {
	golden, _ := os.ReadFile("testdata/replay.txt")
	recs, err := probe.ReadRecording(bytes.NewReader(golden))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := protocol.Preset("msn-2003-09")
	r := probe.Grade(p, recs[1]) // cvr/outdated/2: the CVR answer differs
	link := probe.Link("https://cvq.example/", &r)
	frag, ok := strings.CutPrefix(link, "https://cvq.example/#")
	if !ok {
		t.Fatalf("link %q", link)
	}
	st, ok, err := share.Decode(frag)
	if !ok || err != nil {
		t.Fatalf("share.Decode: %v %v", ok, err)
	}
	lines := strings.Split(st.Input, "\n")
	if st.Policy != "msn-2003-09" || !strings.HasPrefix(st.Input, "# case msn-2003-09/cvr/outdated/2: FAIL") ||
		st.Sel < 1 || !strings.HasPrefix(lines[st.Sel-1], "C: CVR 2 ") {
		t.Errorf("link state: policy %s, sel %d, input:\n%s", st.Policy, st.Sel, st.Input)
	}
	var out strings.Builder
	if differs, _ := protocol.Respond(&out, p, st.Input); !differs || !strings.Contains(out.String(), "! expected: CVR 2 5.0.0537") {
		t.Errorf("the linked transcript shows no difference:\n%s", out.String())
	}
	if probe.Link("", &r) != "" {
		t.Error("a link without a base")
	}
}
