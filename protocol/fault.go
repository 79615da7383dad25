package protocol

// Fault is why the server closes the connection without replying to a
// line. The zero Fault, FaultNone, means no fault.
type Fault int

const (
	FaultNone           Fault = iota // no fault
	FaultTooLong                     // longer than the policy's line limit
	FaultLeadingBlank                // the line starts with a space or tab
	FaultCommandCase                 // a known command not in upper case
	FaultUnknownCommand              // not a command of this playground
	FaultWrongDialect                // a command the session's dialect does not have
	FaultVERNotFirst                 // VER after the first line of a connection
	FaultNoMSNP                      // CVR, and the policy supports no MSNP dialect
	FaultNoSession                   // a first line that is not VER, CVQ or CVR
	FaultTrIDMissing                 // no TrID
	FaultTrIDNotNumber               // signed, fractional or not a number
	FaultTrIDTooLarge                // more than 10 digits or above 4294967295
	numFaults
)

var faultNames = [numFaults]string{
	FaultNone:           "none",
	FaultTooLong:        "too-long",
	FaultLeadingBlank:   "leading-blank",
	FaultCommandCase:    "command-case",
	FaultUnknownCommand: "unknown-command",
	FaultWrongDialect:   "wrong-dialect",
	FaultVERNotFirst:    "ver-not-first",
	FaultNoMSNP:         "no-msnp",
	FaultNoSession:      "no-session",
	FaultTrIDMissing:    "trid-missing",
	FaultTrIDNotNumber:  "trid-not-number",
	FaultTrIDTooLarge:   "trid-too-large",
}

var faultText = [numFaults]string{
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

// String returns the fault's stable name, such as "trid-too-large".
func (f Fault) String() string { return enumName(faultNames[:], int(f), "fault") }

// Text says in plain words what the fault is; FaultNone is "".
func (f Fault) Text() string { return enumText(faultText[:], int(f), "unknown fault") }

// OfCommand reports whether f is about the command token, rather than
// the line's length or its TrID.
func (f Fault) OfCommand() bool { return f > FaultTooLong && f < FaultTrIDMissing }

// Source says where the rule behind the fault comes from.
func (f Fault) Source() Source {
	switch f {
	case FaultTooLong, FaultVERNotFirst, FaultNoSession, FaultNoMSNP, FaultTrIDTooLarge:
		return SourceChoice
	}
	return SourceDoc
}

// Source is where a rule comes from. The zero Source is SourceDoc.
type Source int

const (
	SourceDoc     Source = iota // a protocol reference documents it
	SourceCapture               // seen in real client-server traffic
	SourceChoice                // this playground's choice where no source settles it
	numSources
)

var sourceNames = [numSources]string{"doc", "capture", "choice"}

var sourceText = [numSources]string{"documented", "seen in real traffic", "this playground's choice"}

// String returns the source's stable name: "doc", "capture" or "choice".
func (s Source) String() string { return enumName(sourceNames[:], int(s), "source") }

// Text says where the rule comes from, in plain words.
func (s Source) Text() string { return enumText(sourceText[:], int(s), "unknown") }
