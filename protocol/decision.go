package protocol

import "strconv"

// Parameter positions after the TrID, as Request.Param numbers them.
const (
	ParamLocale     = iota // locale: 0x and 1 to 4 hex digits, 0x0409
	ParamSystemType        // system-type: win, winnt, mac
	ParamSystemVer         // system-ver: 4.10, 5.1
	ParamSystemArch        // system-arch: i386
	ParamLibrary           // requesting-library: MSMSGS, MSNMSGR
	ParamVersion           // client-version: 6.0.0602
	ParamClientID          // client-identification: MSMSGS
	ParamHandle            // user-handle: example@hotmail.com (since MSNP8)
	ParamExtra             // a counter that MSNP18+ third-party clients add
	NamedParams            // the number of named parameters
)

// MinParams is the number of parameters below which the answer is 731.
const MinParams = 6

// Decision is the policy's answer to one CVQ or CVR: the reply's fields,
// named as on the wire, and the evidence the checks used. The zero
// Decision (Verb "") stands for none: see Exchange.HasDecision.
//
// A reply with versions reads, field by field:
//
//	CVQ  2    7.0.0813    7.0.0813     6.2.0205 http://…/Install_MSN_Messenger.exe http://messenger.msn.com
//	Verb TrID Recommended Recommended2 Minimum  URLs.Download                      URLs.Fallback
//
// and a refusal (Code not 0) is the code and the TrID alone:
//
//	731  6
//	Code TrID
type Decision struct {
	Verb string // "CVQ" or "CVR": the reply repeats the query's command
	TrID uint32 // the client's TrID, echoed
	// Code is the error code, 0 for an answer with versions.
	Code Code
	// Recommended, Recommended2 and Minimum are the answer's versions as
	// written on the wire; "" when Code is not 0. Recommended2 repeats
	// Recommended in all known traffic.
	Recommended  string
	Recommended2 string
	Minimum      string
	URLs         URLs // where to download an upgrade; zero when Code is not 0

	// Decided is the check that gave the answer: CheckRule for an offer,
	// CheckClient for a 420 or an unknown-client CVR answer.
	Decided Check
	Reason  Reason // how Decided came out
	// Span is the token the Reason is about (for a 731, the end of the
	// line; for an offer, the zero Span).
	Span Span
	// LCID is the locale, once CheckLocale has read it.
	LCID uint16
	// Client is the client's version, when ClientOK reports that it
	// parsed (from CheckClient on).
	Client   Version
	ClientOK bool // Client parsed
	// Known is the range of builds the policy's catalog knows for the
	// client's library: the range Client was held to. It is the zero
	// VersionRange when the check was not reached or the library is
	// unknown.
	Known VersionRange
	// Rule is the index in Policy.Rules of the rule that gave the offer,
	// or -1.
	Rule int
	// Unknown marks the CVR answer to an unknown client (1.0.0000), and
	// Echo one whose Minimum is the client's own version, as a policy
	// with UnknownClientCVR "echo" answers.
	Unknown bool // a CVR answered with 1.0.0000
	Echo    bool // Minimum is the client's own version
	// URLFrom says which part of the policy gave URLs.
	URLFrom URLOrigin
}

// URLOrigin says which part of a policy gave the URLs of an answer. The
// zero URLOrigin is URLsOfPolicy.
type URLOrigin int

const (
	URLsOfPolicy URLOrigin = iota // the policy's urls
	URLsOfLocale                  // localUrls for the client's locale
	URLsOfRule                    // the matching rule's offer.urls
	numURLOrigins
)

var urlOriginNames = [numURLOrigins]string{"policy", "locale", "rule"}

var urlOriginText = [numURLOrigins]string{"the policy's URLs", "the URLs localised for the client's locale", "the matching rule's URLs"}

// String returns the origin's stable name: "policy", "locale" or "rule".
func (o URLOrigin) String() string { return enumName(urlOriginNames[:], int(o), "urls") }

// Text says where the URLs come from, in plain words.
func (o URLOrigin) Text() string { return enumText(urlOriginText[:], int(o), "unknown URLs") }

// AppendReply appends the server's line for d, without CR LF.
func (d *Decision) AppendReply(b []byte) []byte {
	if d.Code != 0 {
		b = strconv.AppendInt(b, int64(d.Code), 10)
		b = append(b, ' ')
		return strconv.AppendUint(b, uint64(d.TrID), 10)
	}
	b = append(b, d.Verb...)
	b = append(b, ' ')
	b = strconv.AppendUint(b, uint64(d.TrID), 10)
	for _, s := range [...]string{d.Recommended, d.Recommended2, d.Minimum, d.URLs.Download} {
		b = append(b, ' ')
		b = append(b, s...)
	}
	if d.URLs.EmptyAfterDownload {
		b = append(b, ' ') // an empty field: two spaces on the wire
	}
	b = append(b, ' ')
	return append(b, d.URLs.Fallback...)
}

// Reply returns the server's line for d, without CR LF.
func (d *Decision) Reply() string {
	var buf [256]byte
	return string(d.AppendReply(buf[:0]))
}

// Reaction is what a client does with a successful answer. The zero
// Reaction, ReactionNone, is that of an error answer.
type Reaction int

const (
	ReactionNone           Reaction = iota // an error answer: nothing to compare
	ReactionMustUpgrade                    // client-version < minimum
	ReactionUpgradeOffered                 // minimum ≤ client-version < recommended
	ReactionUpToDate                       // recommended ≤ client-version
	ReactionCannotCompare                  // the client's own version does not parse
	numReactions
)

var reactionNames = [numReactions]string{"none", "must-upgrade", "upgrade-offered", "up-to-date", "cannot-compare"}

var reactionText = [numReactions]string{"no reaction", "must upgrade", "upgrade offered", "up to date", "cannot compare"}

// String returns the reaction's stable name, such as "must-upgrade".
func (r Reaction) String() string { return enumName(reactionNames[:], int(r), "reaction") }

// Text says the reaction in plain words, such as "must upgrade".
func (r Reaction) Text() string { return enumText(reactionText[:], int(r), "no reaction") }

// Reaction compares the client's version with the answer, numerically.
func (d *Decision) Reaction() Reaction {
	if d.Code != 0 {
		return ReactionNone
	}
	if !d.ClientOK {
		return ReactionCannotCompare
	}
	minV, ok1 := ParseVersion(d.Minimum)
	rec, ok2 := ParseVersion(d.Recommended)
	switch {
	case !ok1 || !ok2:
		return ReactionCannotCompare
	case d.Client.Compare(minV) < 0:
		return ReactionMustUpgrade
	case d.Client.Compare(rec) < 0:
		return ReactionUpgradeOffered
	}
	return ReactionUpToDate
}
