package listen

import (
	"errors"

	"cvq-playground/app/share"
)

// link returns the playground's share link that opens a session's
// transcript, in the readable form (policy=…&in=…): compressing it for
// the compact form cost a third of a session's work on the server, for a
// link about a third shorter.
func (s *Server) link(text string) string {
	frag := ""
	share.Encode(share.State{Policy: s.Policy.Name, Input: text}, readableOnly, func(f string) { frag = f })
	return s.BaseURL + "#" + frag
}

var errReadable = errors.New("listen writes readable links")

// readableOnly is a Deflater that declines, so that share.Encode writes
// the readable form.
func readableOnly(_ []byte, done func([]byte, error)) { done(nil, errReadable) }
