package docs

import (
	"strconv"
	"strings"

	"cvq-playground/protocol"
)

// The verdict's markup, static; embed.js draws the same
// (static/embed/7-verdict.js).

// writeVerdict writes the header's verdict: nothing when the example
// documents no answer.
func writeVerdict(b *strings.Builder, res *Result) {
	switch res.Check {
	case CheckMatch.String():
		b.WriteString(`<span class="vd ok" part="verdict"><span class="mk" aria-hidden="true">✓ </span>` + verdictText(res) + `</span>`)
	case CheckDiffer.String():
		b.WriteString(`<span class="vd bad" part="verdict"><span class="mk" aria-hidden="true">✗ </span>` + verdictText(res) + `</span>`)
	}
}

// verdictText is the header's words for res's check.
func verdictText(res *Result) string {
	if res.Check == CheckMatch.String() {
		return "the documented answers match"
	}
	n := 0
	for i := range res.Rows {
		if res.Rows[i].Check == CheckDiffer.String() {
			n++
		}
	}
	if n == 1 {
		return "1 documented answer differs"
	}
	return strconv.Itoa(n) + " documented answers differ"
}

// writeDiffer writes a differing row's documented and computed lines,
// side by side, and the reason.
func writeDiffer(b *strings.Builder, r *Row) {
	b.WriteString(`<div class="cmp" part="differ"><div class="col"><span class="cap">documented</span>`)
	for _, l := range r.Doc {
		if l != protocol.DisconnectLine {
			l = "S: " + l
		}
		b.WriteString(`<span class="dl">` + esc(l) + `</span>`)
	}
	if len(r.Doc) == 0 {
		b.WriteString(`<span class="dl none">no reply</span>`)
	}
	b.WriteString(`</div><div class="col"><span class="cap">computed</span>`)
	if r.Reply != "" {
		writeServer(b, r.Reply)
	}
	if r.Close {
		b.WriteString(`<span class="dl">` + protocol.DisconnectLine + `</span>`)
	}
	if r.Reply == "" && !r.Close {
		b.WriteString(`<span class="dl none">no reply</span>`)
	}
	b.WriteString(`</div>`)
	if r.Reason != "" {
		b.WriteString(`<span class="why">` + esc(r.Reason) + `</span>`)
	}
	b.WriteString(`</div>`)
}
