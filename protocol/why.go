package protocol

import (
	"fmt"
	"strings"
)

// Why says in plain words why the server refused x or closed without a
// reply, and "" when it did neither.
func Why(p *Policy, x *Exchange) string {
	switch {
	case x.Fault != FaultNone:
		if x.Fault == FaultTooLong {
			return fmt.Sprintf("%d bytes: longer than the server's limit of %d; it closes without replying", len(x.Line), p.MaxLineBytes())
		}
		return x.Fault.Text() + ": the server closes without replying"
	case !x.HasDecision():
		if x.Chosen == "0" {
			return "no dialect in common with the server (" + strings.Join(p.Dialects, " ") + ")"
		}
		return ""
	}
	d, r := &x.Decision, &x.Req
	switch d.Decided {
	case CheckParams:
		return fmt.Sprintf("731: %d parameters after the TrID, at least 6 are needed", r.NParams)
	case CheckLocale:
		raw := d.Span.In(r.Line)
		if d.Reason == ReasonLocaleSyntax {
			return "710: " + raw + " is not 0x followed by 1 to 4 hex digits" + localeHint(raw)
		}
		return "710: " + raw + " is not in this policy's LCID table"
	case CheckClient:
		why := clientReason(d, r.ParamText(ParamLibrary), r.ParamText(ParamVersion))
		if d.Unknown {
			return "unknown client, answered with 1.0.0000: " + why
		}
		return "420: " + why
	}
	return ""
}
