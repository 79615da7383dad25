package protocol

import "strconv"

// Check names one of the checks a CVQ or CVR goes through, in order.
type Check int

const (
	CheckParams Check = iota // at least six parameters (else 731)
	CheckLocale              // the locale is an accepted LCID (else 710)
	CheckClient              // the library and version are known (else 420, or 1.0.0000 for CVR)
	CheckRule                // the first matching rule gives the offer
)

// Checks lists the checks in the order they run.
var Checks = [...]Check{CheckParams, CheckLocale, CheckClient, CheckRule}

func (c Check) String() string {
	switch c {
	case CheckParams:
		return "parameter count"
	case CheckLocale:
		return "locale"
	case CheckClient:
		return "client"
	case CheckRule:
		return "policy rule"
	}
	return "unknown check"
}

// Reason says how the deciding check came out.
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
)

// Parameter positions after the TrID.
const (
	ParamLocale = iota
	ParamSystemType
	ParamSystemVer
	ParamSystemArch
	ParamLibrary
	ParamVersion
	ParamClientID
	ParamHandle
	ParamExtra
	NamedParams
)

// MinParams is the number of parameters below which the answer is 731.
const MinParams = 6

// Decision is the policy's answer to one CVQ or CVR: which check decided,
// why, on which token, and the reply's contents.
type Decision struct {
	Verb string // "CVQ" or "CVR"
	TrID uint32
	// Code is the error code, 0 for an answer with versions.
	Code Code
	// Decided is the check that gave the answer: CheckRule for an offer,
	// CheckClient for a 420 or an unknown-client CVR answer.
	Decided Check
	Reason  Reason
	// Span is the token the Reason is about (for a 731, the end of the line).
	Span   Span
	LCID   uint16
	Client Version // the client's version, when ClientOK
	// ClientOK reports that the version parsed.
	ClientOK bool
	// Rule is the index of the rule that gave the offer, or -1.
	Rule int
	// Unknown marks the CVR answer to an unknown client.
	Unknown bool
	// Offer: recommended, recommended-2, minimum.
	Offer   [3]string
	URLs    URLs
	URLFrom URLOrigin
}

// URLOrigin says which part of a policy gave the URLs of an answer.
type URLOrigin int

const (
	URLsOfPolicy URLOrigin = iota // the policy's urls
	URLsOfLocale                  // localUrls for the client's locale
	URLsOfRule                    // the matching rule's offer.urls
)

const unknownVersion = "1.0.0000"

// Decide runs the checks of a CVQ or CVR request, in the documented order.
// verb is the reply's command. It allocates nothing.
func (p *Policy) Decide(verb string, r *Request) Decision {
	d := Decision{Verb: verb, TrID: r.TrID, Rule: -1}
	if r.NParams < MinParams {
		d.Code, d.Decided, d.Reason = CodeBadParams, CheckParams, ReasonTooFewParams
		d.Span = Span{len(r.Line), len(r.Line)}
		return d
	}
	locTok, _ := r.Param(ParamLocale)
	id, ok := parseLCID(locTok.In(r.Line))
	d.LCID = id
	switch {
	case !ok:
		d.Code, d.Decided, d.Reason, d.Span = CodeBadLocale, CheckLocale, ReasonLocaleSyntax, locTok
		return d
	case !p.AcceptsLCID(id):
		d.Code, d.Decided, d.Reason, d.Span = CodeBadLocale, CheckLocale, ReasonLocaleUnknown, locTok
		return d
	}
	libTok, _ := r.Param(ParamLibrary)
	verTok, _ := r.Param(ParamVersion)
	lib := libTok.In(r.Line)
	d.Client, d.ClientOK = ParseVersion(verTok.In(r.Line))
	rng, known := p.c.catalog[lib]
	d.Decided, d.Span = CheckClient, verTok
	switch {
	case !known:
		d.Reason, d.Span = ReasonLibraryUnknown, libTok
	case !d.ClientOK:
		d.Reason = ReasonVersionSyntax
	case d.Client.Compare(rng.first) < 0:
		d.Reason = ReasonVersionTooOld
	case d.Client.Compare(rng.last) > 0:
		d.Reason = ReasonVersionTooNew
	default:
		d.Reason = ReasonNoRule
		sys := r.ParamText(ParamSystemType)
		for i := range p.Rules {
			if p.matches(i, lib, d.Client, id, sys) {
				d.Decided, d.Reason, d.Span, d.Rule = CheckRule, ReasonOffer, Span{}, i
				o := &p.Rules[i].Offer
				d.Offer = [3]string{o.Recommended, o.Recommended2, o.Minimum}
				d.URLs, d.URLFrom = p.urlsFor(id, o.URLs)
				return d
			}
		}
	}
	if verb == "CVQ" {
		d.Code = CodeUnknownClient
		return d
	}
	d.Unknown = true
	d.Offer = [3]string{unknownVersion, unknownVersion, unknownVersion}
	if p.c.echo {
		d.Offer[2] = verTok.In(r.Line)
	}
	d.URLs, d.URLFrom = p.urlsFor(id, nil)
	return d
}

func (p *Policy) matches(i int, lib string, v Version, lcid uint16, sys string) bool {
	r, c := &p.Rules[i], &p.c.rules[i]
	if r.Library != "" && r.Library != lib {
		return false
	}
	if c.hasFrom && v.Compare(c.from) < 0 || c.hasTo && v.Compare(c.to) > 0 {
		return false
	}
	if len(c.locales) > 0 && !containsLCID(c.locales, lcid) {
		return false
	}
	if len(r.Systems) > 0 && !containsString(r.Systems, sys) {
		return false
	}
	return true
}

func containsLCID(s []uint16, v uint16) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func containsString(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func (p *Policy) urlsFor(lcid uint16, rule *URLs) (URLs, URLOrigin) {
	if rule != nil {
		return *rule, URLsOfRule
	}
	if u, ok := p.c.local[lcid]; ok {
		return u, URLsOfLocale
	}
	return p.URLs, URLsOfPolicy
}

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
	for _, s := range [...]string{d.Offer[0], d.Offer[1], d.Offer[2], d.URLs.Download} {
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

// Reaction is what a client does with a successful answer.
type Reaction int

const (
	ReactionNone           Reaction = iota // an error answer: nothing to compare
	ReactionMustUpgrade                    // client-version < minimum
	ReactionUpgradeOffered                 // minimum ≤ client-version < recommended
	ReactionUpToDate                       // recommended ≤ client-version
	ReactionCannotCompare                  // the client's own version does not parse
)

func (r Reaction) String() string {
	switch r {
	case ReactionMustUpgrade:
		return "must upgrade"
	case ReactionUpgradeOffered:
		return "upgrade offered"
	case ReactionUpToDate:
		return "up to date"
	case ReactionCannotCompare:
		return "cannot compare"
	}
	return "no reaction"
}

// Reaction compares the client's version with the answer, numerically.
func (d *Decision) Reaction() Reaction {
	if d.Code != 0 {
		return ReactionNone
	}
	if !d.ClientOK {
		return ReactionCannotCompare
	}
	minV, ok1 := ParseVersion(d.Offer[2])
	rec, ok2 := ParseVersion(d.Offer[0])
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
