package listen

import (
	"testing"

	"cvq-playground/app/share"
	"cvq-playground/protocol"
)

// TestLinkSameAsShare: the pooled compressor writes the links share's
// own would, and they open the session's text.
func TestLinkSameAsShare(t *testing.T) {
	p, _ := protocol.Preset("msn-2003-09")
	s := &Server{Policy: p, BaseURL: "https://cvq.example/"}
	for _, text := range []string{"VER 1 MSNP8\nS: VER 1 MSNP8\n", string(protocol.SampleTranscript(1, 30))} {
		want := ""
		share.Encode(share.State{Policy: p.Name, Input: text}, share.Deflate, func(f string) { want = "https://cvq.example/#" + f })
		for i := 0; i < 2; i++ { // a fresh compressor, then a reused one
			if got := s.link(text); got != want {
				t.Errorf("link = %.80s…, want %.80s…", got, want)
			}
		}
	}
}
