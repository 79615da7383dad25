package protocol

// Check names one of the checks a CVQ or CVR goes through, in order. The
// zero Check is CheckParams, the first.
type Check int

const (
	CheckParams Check = iota // at least six parameters (else 731)
	CheckLocale              // the locale is an accepted LCID (else 710)
	CheckClient              // the library and version are known (else 420, or 1.0.0000 for CVR)
	CheckRule                // the first matching rule gives the offer
	numChecks
)

// Checks lists the checks in the order they run.
var Checks = [...]Check{CheckParams, CheckLocale, CheckClient, CheckRule}

var checkNames = [numChecks]string{"params", "locale", "client", "rule"}

var checkText = [numChecks]string{"parameter count", "locale", "client", "policy rule"}

// String returns the check's stable name: "params", "locale", "client" or
// "rule".
func (c Check) String() string { return enumName(checkNames[:], int(c), "check") }

// Text names the check in plain words, as the explanation's steps do.
func (c Check) Text() string { return enumText(checkText[:], int(c), "unknown check") }

// Reason says how the deciding check came out. The zero Reason,
// ReasonOffer, is a normal answer.
type Reason int

const (
	ReasonOffer          Reason = iota // a rule matched: a normal answer
	ReasonTooFewParams                 // fewer than 6 parameters
	ReasonLocaleSyntax                 // not 0x followed by 1 to 4 hex digits
	ReasonLocaleUnknown                // well formed, not in the LCID table
	ReasonLibraryUnknown               // library not in the catalog
	ReasonVersionSyntax                // not 3 or 4 numbers of 1 to 5 digits
	ReasonVersionTooOld                // older than the library's first build
	ReasonVersionTooNew                // newer than the library's last build
	ReasonNoRule                       // known client, but no rule matches it
	numReasons
)

var reasonNames = [numReasons]string{
	ReasonOffer:          "offer",
	ReasonTooFewParams:   "too-few-params",
	ReasonLocaleSyntax:   "locale-syntax",
	ReasonLocaleUnknown:  "locale-unknown",
	ReasonLibraryUnknown: "library-unknown",
	ReasonVersionSyntax:  "version-syntax",
	ReasonVersionTooOld:  "version-too-old",
	ReasonVersionTooNew:  "version-too-new",
	ReasonNoRule:         "no-rule",
}

var reasonText = [numReasons]string{
	ReasonOffer:          "a rule matched",
	ReasonTooFewParams:   "fewer than 6 parameters",
	ReasonLocaleSyntax:   "the locale is not 0x followed by 1 to 4 hex digits",
	ReasonLocaleUnknown:  "the locale is not in the LCID table",
	ReasonLibraryUnknown: "the library is not in the catalog",
	ReasonVersionSyntax:  "the version is not 3 or 4 numbers of 1 to 5 digits",
	ReasonVersionTooOld:  "the version is older than the library's first known build",
	ReasonVersionTooNew:  "the version is newer than the library's last known build",
	ReasonNoRule:         "a known client that no rule matches",
}

// String returns the reason's stable name, such as "locale-unknown".
func (r Reason) String() string { return enumName(reasonNames[:], int(r), "reason") }

// Text says the reason in plain words, without the policy's particulars
// (the explanation adds those).
func (r Reason) Text() string { return enumText(reasonText[:], int(r), "unknown reason") }
