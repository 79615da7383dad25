package protocol

// unknownVersion is what CVR answers an unknown client, three times.
const unknownVersion = "1.0.0000"

// Decide runs the checks of a CVQ or CVR request, in the documented order,
// and returns the answer with the evidence it used. verb is the reply's
// command. p must be compiled. It allocates nothing.
func (p *Policy) Decide(verb string, r *Request) Decision {
	d := Decision{Verb: verb, TrID: r.TrID, Rule: -1}
	if r.NParams < MinParams {
		d.Code, d.Decided, d.Reason = CodeBadParams, CheckParams, ReasonTooFewParams
		d.Span = Span{len(r.Line), len(r.Line)}
		return d
	}
	locTok, _ := r.Param(ParamLocale)
	id, ok := ParseLCID(locTok.In(r.Line))
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
	if known {
		d.Known = rng
	}
	switch {
	case !known:
		d.Reason, d.Span = ReasonLibraryUnknown, libTok
	case !d.ClientOK:
		d.Reason = ReasonVersionSyntax
	case d.Client.Compare(rng.First) < 0:
		d.Reason = ReasonVersionTooOld
	case d.Client.Compare(rng.Last) > 0:
		d.Reason = ReasonVersionTooNew
	default:
		d.Reason = ReasonNoRule
		sys := r.ParamText(ParamSystemType)
		for i := range p.Rules {
			if p.matches(i, lib, d.Client, id, sys) {
				d.Decided, d.Reason, d.Span, d.Rule = CheckRule, ReasonOffer, Span{}, i
				o := &p.Rules[i].Offer
				d.Recommended, d.Recommended2, d.Minimum = o.Recommended, o.Recommended2, o.Minimum
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
	d.Recommended, d.Recommended2, d.Minimum = unknownVersion, unknownVersion, unknownVersion
	if p.c.echo {
		d.Minimum, d.Echo = verTok.In(r.Line), true
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
