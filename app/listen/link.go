package listen

import "cvq-playground/app/share"

// link returns the playground's share link that opens a session's
// transcript, in the readable form (policy=…&in=…): compressing it for
// the compact form cost a third of a session's work on the server, for a
// link about a third shorter.
func (s *Server) link(text string) string {
	return s.BaseURL + "#" + share.Readable(share.State{Policy: s.Policy.Name, Input: text})
}
