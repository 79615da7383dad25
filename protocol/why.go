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

// TokenKey returns the field key (as in Field.Key) of token i of a line
// whose command is cmd: 0 is the command, 1 the TrID. The page colours a
// token and its explanation's row by this key.
func TokenKey(cmd string, i int) string {
	switch {
	case i == 0:
		return "command"
	case i == 1 && (cmd == "VER" || cmd == "CVQ" || cmd == "CVR"):
		return "trid"
	case cmd == "VER":
		return "dialect"
	case cmd == "CVQ" || cmd == "CVR":
		if i-2 < NamedParams {
			return paramKeys[i-2]
		}
		return "unexpected"
	}
	return "rest"
}
