package protocol

import (
	_ "embed"
	"strings"
)

// The real exchanges each preset reproduces, copied from the behaviour
// specification: client logs and protocol pages of 2002–2010, and the
// msnp-wiki's own examples.
//
//go:embed data/captures.tsv
var capturesTSV string

// Capture is one exchange that a built-in policy must reproduce byte for
// byte: a client line and the server line answered to it.
type Capture struct {
	Name    string // e.g. "C13"
	Preset  string // the built-in policy of its era
	Request string
	// Reply is the server's line as captured. One that ends in " …" was cut
	// off in its source: only the tokens before it are compared.
	Reply string
	// CloseShown reports that the source shows whether the server closed
	// the connection after the reply; Closes is what it shows.
	CloseShown, Closes bool
	Kind               string // "capture" (logged traffic) or "documentation"
	Source             string
}

// Captures returns the known real exchanges, in the order of the
// specification's table.
func Captures() []Capture {
	var out []Capture
	for i, line := range strings.Split(strings.TrimRight(capturesTSV, "\n"), "\n") {
		f := strings.Split(line, "\t")
		if i == 0 || len(f) < 7 {
			continue
		}
		out = append(out, Capture{Name: f[0], Preset: f[1], Request: f[2], Reply: f[3],
			CloseShown: f[4] != "-", Closes: f[4] == "yes", Kind: f[5], Source: f[6]})
	}
	return out
}

// Truncated reports that the capture's reply was cut off in its source.
func (c *Capture) Truncated() bool { return strings.HasSuffix(c.Reply, " …") }

// Replay hands c's request to a fresh connection to the policy p and
// returns what the server did.
func (c *Capture) Replay(p *Policy) Exchange {
	return NewSession(p).Step(c.Request)
}

// Matches reports whether x, the server's answer to c's request, is the
// captured one: the same bytes (up to the cut of a truncated reply), and
// the same close where the source shows it.
func (c *Capture) Matches(x *Exchange) bool {
	if c.CloseShown && x.Close != c.Closes {
		return false
	}
	if c.Truncated() {
		kept := strings.TrimSuffix(c.Reply, "…")
		return strings.HasPrefix(x.Reply, kept)
	}
	return x.Reply == c.Reply
}
