package listen

import (
	"strings"
	"testing"
	"time"

	"cvq-playground/protocol"
)

// TestCapturesOverTCP replays every real exchange the engine reproduces
// over TCP against listen with its preset: the reply byte for byte with
// its CR LF, and the close where the source shows one.
func TestCapturesOverTCP(t *testing.T) {
	servers := map[string]string{}
	for _, c := range protocol.Captures() {
		addr, ok := servers[c.Preset]
		if !ok {
			addr, _ = start(t, &Server{}, c.Preset)
			servers[c.Preset] = addr
		}
		cl := dial(t, addr)
		got := cl.ask(c.Request)
		want := c.Reply + "\r\n"
		if c.Truncated() {
			if kept := strings.TrimSuffix(c.Reply, "…"); !strings.HasPrefix(got, kept) || !strings.HasSuffix(got, "\r\n") {
				t.Errorf("%s: %q, want %q… and CR LF", c.Name, got, kept)
			}
		} else if got != want {
			t.Errorf("%s: %q\nwant %q", c.Name, got, want)
		}
		if c.CloseShown {
			wait := 2 * time.Second // a close comes at once
			if !c.Closes {
				wait = 50 * time.Millisecond
			}
			if closed := cl.closed(wait); closed != c.Closes {
				t.Errorf("%s: closed %v, the capture shows %v", c.Name, closed, c.Closes)
			}
		}
	}
}
