package listen

import (
	"strings"
	"testing"

	"cvq-playground/app/share"
	"cvq-playground/protocol"
)

// TestLink: listen's links, in the readable form, open the
// session's text with its policy in the playground's link format.
func TestLink(t *testing.T) {
	p, _ := protocol.Preset("msn-2003-09")
	s := &Server{Policy: p, BaseURL: "https://cvq.example/"}
	for _, text := range []string{"VER 1 MSNP8\nS: VER 1 MSNP8\n", string(protocol.SampleTranscript(1, 30))} {
		frag, ok := strings.CutPrefix(s.link(text), "https://cvq.example/#policy=")
		st, ok2, err := share.Decode("policy=" + frag)
		if !ok || !ok2 || err != nil || st.Input != text || st.Policy != p.Name {
			t.Errorf("link of %.40q: %v %v %v, opens %.40q with %s", text, ok, ok2, err, st.Input, st.Policy)
		}
	}
}
