package protocol

// Fault is why the server closes the connection without replying to a
// line, or why it ignores it. The zero Fault means no fault.
type Fault int

const (
	FaultNone           Fault = iota
	FaultTooLong              // longer than the policy's line limit
	FaultLeadingBlank         // the line starts with a space or tab
	FaultCommandCase          // a known command not in upper case
	FaultUnknownCommand       // not a command of this playground
	FaultWrongDialect         // a command the session's dialect does not have
	FaultVERNotFirst          // VER after the first line of a connection
	FaultNoMSNP               // CVR, and the policy supports no MSNP dialect
	FaultNoSession            // a first line that is not VER, CVQ or CVR
	FaultTrIDMissing          // no TrID
	FaultTrIDNotNumber        // signed, fractional or not a number
	FaultTrIDTooLarge         // more than 10 digits or above 4294967295
)

var faultText = [...]string{
	FaultNone:           "",
	FaultTooLong:        "the line is longer than the server's limit",
	FaultLeadingBlank:   "the line starts with a space or tab, so its command is empty",
	FaultCommandCase:    "commands are upper case",
	FaultUnknownCommand: "not a command the server knows",
	FaultWrongDialect:   "this command does not exist in the session's dialect",
	FaultVERNotFirst:    "VER is only valid as the first line of a connection",
	FaultNoMSNP:         "CVR needs an MSNP session, and this policy supports no MSNP dialect",
	FaultNoSession:      "a connection starts with VER (or, here, with CVQ or CVR)",
	FaultTrIDMissing:    "the TrID is missing",
	FaultTrIDNotNumber:  "the TrID must be a number of decimal digits, with no sign or point",
	FaultTrIDTooLarge:   "the TrID is larger than 4294967295",
}

// String says in plain words what the fault is.
func (f Fault) String() string {
	if f < 0 || int(f) >= len(faultText) {
		return "unknown fault"
	}
	return faultText[f]
}

// Source says where the rule behind the fault comes from.
func (f Fault) Source() Source {
	switch f {
	case FaultTooLong, FaultVERNotFirst, FaultNoSession, FaultNoMSNP:
		return SourceChoice
	case FaultTrIDTooLarge:
		return SourceChoice
	}
	return SourceDoc
}

// Source is where a rule comes from.
type Source int

const (
	SourceDoc     Source = iota // a protocol reference documents it
	SourceCapture               // seen in real client-server traffic
	SourceChoice                // this playground's choice where no source settles it
)

func (s Source) String() string {
	switch s {
	case SourceDoc:
		return "documented"
	case SourceCapture:
		return "seen in real traffic"
	case SourceChoice:
		return "this playground's choice"
	}
	return "unknown"
}
