package protocol

import (
	"fmt"
	"strconv"
	"strings"
)

// compiled is a policy prepared for deciding: parsed versions, an LCID
// bit set and maps instead of lists.
type compiled struct {
	msnp     int  // highest MSNP dialect supported, 0 for none
	cvr0     bool // CVR0 supported
	dialects map[string]bool
	lcids    *[1024]uint64 // bit set of accepted LCIDs
	catalog  map[string]VersionRange
	rules    []compiledRule
	local    map[uint16]URLs
	maxLine  int
	echo     bool
}

type compiledRule struct {
	hasFrom, hasTo bool
	from, to       Version
	locales        []uint16
}

// Compile checks p and prepares it for deciding. Each mistake is reported
// as a *PolicyError naming its field.
func (p *Policy) Compile() error {
	bad := func(field, format string, args ...any) error {
		return &PolicyError{Field: field, Offset: -1, Msg: fmt.Sprintf(format, args...)}
	}
	c := &compiled{dialects: map[string]bool{}, catalog: map[string]VersionRange{}, local: map[uint16]URLs{}}
	if strings.TrimSpace(p.Name) == "" {
		return bad("name", "must not be empty")
	}
	if len(p.Dialects) == 0 {
		return bad("dialects", "must list at least one dialect (MSNP2…MSNP21 or CVR0)")
	}
	for i, d := range p.Dialects {
		switch n, ok := msnpNumber(d); {
		case d == "CVR0":
			c.cvr0 = true
		case ok && n >= 2 && n <= 21:
			c.msnp = max(c.msnp, n)
		default:
			return bad(fmt.Sprintf("dialects[%d]", i), "%q is not a dialect: use MSNP2…MSNP21 or CVR0", d)
		}
		c.dialects[d] = true
	}
	c.lcids = new([1024]uint64)
	if len(p.LCIDs) == 0 {
		for _, l := range locales {
			c.lcids[l.ID>>6] |= 1 << (l.ID & 63)
		}
	}
	for i, s := range p.LCIDs {
		id, ok := ParseLCID(s)
		if !ok {
			return bad(fmt.Sprintf("lcids[%d]", i), "%q is not an LCID such as 0x0409", s)
		}
		c.lcids[id>>6] |= 1 << (id & 63)
	}
	if len(p.Catalog) == 0 {
		return bad("catalog", "must list at least one library")
	}
	for i, e := range p.Catalog {
		f := fmt.Sprintf("catalog[%d]", i)
		if e.Library == "" || strings.ContainsAny(e.Library, " \t") {
			return bad(f+".library", "must be one token such as MSNMSGR")
		}
		if _, dup := c.catalog[e.Library]; dup {
			return bad(f+".library", "%s is listed twice", e.Library)
		}
		first, ok := ParseVersion(e.First)
		if !ok {
			return bad(f+".first", "%q is not a version such as 5.0.0537", e.First)
		}
		last, ok := ParseVersion(e.Last)
		if !ok {
			return bad(f+".last", "%q is not a version such as 7.0.0813", e.Last)
		}
		if last.Compare(first) < 0 {
			return bad(f+".last", "%s is older than first (%s)", e.Last, e.First)
		}
		c.catalog[e.Library] = VersionRange{first, last}
	}
	if len(p.Rules) == 0 {
		return bad("rules", "must hold at least one rule")
	}
	for i, r := range p.Rules {
		f := fmt.Sprintf("rules[%d]", i)
		var cr compiledRule
		var ok bool
		if r.From != "" {
			if cr.from, ok = ParseVersion(r.From); !ok {
				return bad(f+".from", "%q is not a version", r.From)
			}
			cr.hasFrom = true
		}
		if r.To != "" {
			if cr.to, ok = ParseVersion(r.To); !ok {
				return bad(f+".to", "%q is not a version", r.To)
			}
			cr.hasTo = true
		}
		for j, s := range r.Locales {
			id, ok := ParseLCID(s)
			if !ok {
				return bad(fmt.Sprintf("%s.locales[%d]", f, j), "%q is not an LCID such as 0x0409", s)
			}
			cr.locales = append(cr.locales, id)
		}
		for j, s := range r.Systems {
			if s == "" || strings.ContainsAny(s, " \t") {
				return bad(fmt.Sprintf("%s.systems[%d]", f, j), "must be one token such as winnt")
			}
		}
		for _, v := range [...]struct{ name, v string }{
			{"recommended", r.Offer.Recommended}, {"recommended2", r.Offer.Recommended2}, {"minimum", r.Offer.Minimum},
		} {
			if _, ok := ParseVersion(v.v); !ok {
				return bad(f+".offer."+v.name, "%q is not a version such as 7.0.0813", v.v)
			}
		}
		if u := r.Offer.URLs; u != nil {
			if err := checkURLs(f+".offer.urls", *u); err != nil {
				return err
			}
		}
		c.rules = append(c.rules, cr)
	}
	if err := checkURLs("urls", p.URLs); err != nil {
		return err
	}
	for k, u := range p.LocalURLs {
		id, ok := ParseLCID(k)
		if !ok {
			return bad("localUrls."+k, "%q is not an LCID such as 0x0c0a", k)
		}
		if err := checkURLs("localUrls."+k, u); err != nil {
			return err
		}
		c.local[id] = u
	}
	switch p.UnknownClientCVR {
	case "", UnknownFixed:
	case UnknownEcho:
		c.echo = true
	default:
		return bad("unknownClientCvr", "%q: use %q or %q", p.UnknownClientCVR, UnknownFixed, UnknownEcho)
	}
	switch {
	case p.MaxLine == 0:
		c.maxLine = DefaultMaxLine
	case p.MaxLine < 16 || p.MaxLine > 1<<20:
		return bad("maxLine", "%d is outside 16…1048576", p.MaxLine)
	default:
		c.maxLine = p.MaxLine
	}
	p.c = c
	return nil
}

func checkURLs(field string, u URLs) error {
	for _, f := range []struct{ name, v string }{{"download", u.Download}, {"fallback", u.Fallback}} {
		if f.v == "" || strings.ContainsAny(f.v, " \t\r\n") {
			return &PolicyError{Field: field + "." + f.name, Offset: -1, Msg: "must be one URL with no spaces"}
		}
	}
	return nil
}

// msnpNumber returns n for "MSNPn".
func msnpNumber(d string) (int, bool) {
	if !strings.HasPrefix(d, "MSNP") || len(d) < 5 || len(d) > 6 || d[4] == '0' {
		return 0, false
	}
	n, err := strconv.Atoi(d[4:])
	return n, err == nil
}
