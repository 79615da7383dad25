package probe

import (
	"strings"

	"cvq-playground/app/share"
)

// DefaultBaseURL is the playground that `serve` runs by default, for the
// links of a report when no public address is given.
const DefaultBaseURL = "http://127.0.0.1:8000/"

// Link returns the playground's share link that opens r's exchange (its
// recording, with the received S: lines as pasted answers) against
// r.Policy, the first differing line selected; "" when base is "" (no
// playground to link to).
func Link(base string, r *Result) string {
	if base == "" {
		return ""
	}
	var b strings.Builder
	WriteCase(&b, r)
	text := b.String()
	sel, n := 0, 0
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "C: ") || l == "C:" {
			if n == max(r.First, 0) {
				sel = i + 1
				break
			}
			n++
		}
	}
	frag := ""
	share.Encode(share.State{Policy: r.Policy, Input: text, Sel: sel}, share.Deflate, func(f string) { frag = f })
	return base + "#" + frag
}
