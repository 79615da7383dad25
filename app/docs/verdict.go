package docs

import (
	"fmt"

	"cvq-playground/protocol"
)

// Check is what comparing an example's documented answer with the
// computed one found, for one client line or a whole example. The zero
// Check is CheckNone.
type Check int

const (
	CheckNone      Check = iota // nothing documented to compare
	CheckMatch                  // the documented answer is the computed one
	CheckDiffer                 // they differ
	CheckUnchecked              // documented, but for a command the engine does not simulate
	numChecks
)

var checkNames = [numChecks]string{"none", "match", "differ", "unchecked"}

// String returns the check's stable name, as data-cvq-check and JSON
// write it: "none", "match", "differ" or "unchecked".
func (c Check) String() string {
	if c < 0 || c >= numChecks {
		return "check(" + itoa(int(c)) + ")"
	}
	return checkNames[c]
}

// MarshalText writes the stable name.
func (c Check) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a stable name.
func (c *Check) UnmarshalText(b []byte) error {
	for i, n := range checkNames {
		if n == string(b) {
			*c = Check(i)
			return nil
		}
	}
	return fmt.Errorf("unknown check %q", b)
}

// Verdict is the check of one client line, and when it differs, why the
// server answers what it does.
type Verdict struct {
	Check  Check
	Reason string
}

// Judge compares what the example documents after e's client line with
// x, what the server did with it under p. The reason is the engine's
// explanation in one sentence: protocol.Why where it says something, else
// the dialect chosen or the outcome.
func Judge(p *protocol.Policy, e *protocol.Entry, x *protocol.Exchange) Verdict {
	switch {
	case !e.Expected:
		return Verdict{}
	case x.Kind == protocol.KindNotSimulated:
		return Verdict{Check: CheckUnchecked, Reason: x.Req.CommandName() + " is not simulated"}
	case !e.Differs(x):
		return Verdict{Check: CheckMatch}
	}
	return Verdict{Check: CheckDiffer, Reason: Reason(p, x)}
}

// Reason says why the server answered x as it did.
func Reason(p *protocol.Policy, x *protocol.Exchange) string {
	if why := protocol.Why(p, x); why != "" {
		return why
	}
	ex := protocol.Explain(p, x)
	if x.Req.CommandName() == "VER" && x.Fault == protocol.FaultNone {
		// The reply's form says more than the choice, when it is an echo.
		detail := ""
		for _, s := range ex.Steps {
			if s.Name == "dialect" || s.Name == "VER reply form" {
				detail = s.Detail
			}
		}
		if detail != "" {
			return detail
		}
	}
	return ex.Outcome
}

// Combine is an example's check from its lines': differ if one differs,
// else match if one matches, else none.
func Combine(checks ...Check) Check {
	out := CheckNone
	for _, c := range checks {
		switch c {
		case CheckDiffer:
			return CheckDiffer
		case CheckMatch:
			out = CheckMatch
		}
	}
	return out
}
