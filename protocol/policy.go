package protocol

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Policy is what a simulated Dispatch Server answers to CVQ and CVR: data,
// decodable from JSON, so that it can be read, edited and shared. Use
// [DecodePolicy] or [Policy.Compile] before deciding with it; [Preset]
// returns a compiled built-in one. The zero Policy is not compiled, and
// does not compile (it has no name, dialects, catalog or rules).
//
// A minimal policy, in JSON:
//
//	{
//	  "name": "mine",
//	  "description": "MSN Messenger 6.0 to everyone",
//	  "dialects": ["MSNP8", "CVR0"],
//	  "catalog": [{"library": "MSNMSGR", "first": "5.0.0537", "last": "6.0.0602"}],
//	  "rules": [{"offer": {"recommended": "6.0.0602", "recommended2": "6.0.0602", "minimum": "5.0.0537"}}],
//	  "urls": {"download": "http://example.com/setup.exe", "fallback": "http://example.com"}
//	}
type Policy struct {
	Name        string `json:"name"`             // a short name, e.g. "msn-2003-09"
	Description string `json:"description"`      // one sentence on what the server answers
	Date        string `json:"date,omitempty"`   // when such a server answered so, e.g. "2003-09"
	Source      string `json:"source,omitempty"` // where the answers come from

	// Dialects the server supports: "MSNP2"…"MSNP21" and "CVR0".
	Dialects []string `json:"dialects"`
	// LCIDs accepted as locale, as "0x0409"; empty means the reference table.
	LCIDs []string `json:"lcids,omitempty"`
	// Catalog lists the known libraries with their first and last build.
	Catalog []CatalogEntry `json:"catalog"`
	// Rules are tried in order; the first that matches gives the offer.
	Rules []Rule `json:"rules"`
	// URLs are the download and fallback addresses of an offer whose rule
	// names none; LocalURLs replace them for some locales.
	URLs      URLs            `json:"urls"`
	LocalURLs map[string]URLs `json:"localUrls,omitempty"` // keyed by LCID, as "0x0c0a"
	// UnknownClientCVR is what CVR answers to an unknown client:
	// "fixed" (the default) for 1.0.0000 three times, "echo" to put the
	// client's own version as the minimum.
	UnknownClientCVR string `json:"unknownClientCvr,omitempty"`
	// MaxLine is the longest client line in bytes, without CR LF; 0 means 2048.
	MaxLine int `json:"maxLine,omitempty"`

	c *compiled // nil until Compile succeeds
}

// CatalogEntry is a known requesting-library and the range of its builds:
// a client whose version lies outside it is unknown (420). The zero
// CatalogEntry does not compile.
type CatalogEntry struct {
	Library string `json:"library"` // the requesting-library token, e.g. "MSNMSGR"; exact and case-sensitive
	First   string `json:"first"`   // the oldest known build, e.g. "5.0.0537"
	Last    string `json:"last"`    // the newest known build, e.g. "7.0.0813"
}

// Rule matches a client and gives its offer. Empty match fields match all:
// the zero Rule matches every known client, but its zero Offer does not
// compile.
type Rule struct {
	Note    string   `json:"note,omitempty"`    // what the rule is for, shown in explanations
	Library string   `json:"library,omitempty"` // the requesting-library it matches
	From    string   `json:"from,omitempty"`    // lowest matching version, inclusive
	To      string   `json:"to,omitempty"`      // highest matching version, inclusive
	Locales []string `json:"locales,omitempty"` // LCIDs it matches, as "0x0409"
	Systems []string `json:"systems,omitempty"` // system-type: win, winnt, mac
	Offer   Offer    `json:"offer"`             // the answer to a client it matches
}

// Offer is the versions of a successful answer, with optional URLs. Each
// version must parse (see ParseVersion); the zero Offer does not compile.
type Offer struct {
	Recommended  string `json:"recommended"`    // the version the server recommends
	Recommended2 string `json:"recommended2"`   // the same again, in all known traffic
	Minimum      string `json:"minimum"`        // the oldest version allowed to stay
	URLs         *URLs  `json:"urls,omitempty"` // replace the policy's URLs; nil keeps them
}

// URLs are where the client downloads an upgrade, and the page it opens
// when the download fails. Each is one token with no blanks; the zero
// URLs does not compile.
type URLs struct {
	Download string `json:"download"` // the installer a client that must upgrade downloads
	Fallback string `json:"fallback"` // the page it opens when the download fails
}

// Unknown-client behaviours of CVR.
const (
	UnknownFixed = "fixed"
	UnknownEcho  = "echo"
)

// DefaultMaxLine is the line limit of a policy that sets none.
const DefaultMaxLine = 2048

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

// VersionRange is the builds of a library a catalog knows, from First to
// Last inclusive. The zero VersionRange holds only 0.0.0.
type VersionRange struct{ First, Last Version }

// Contains reports whether v lies within r.
func (r VersionRange) Contains(v Version) bool {
	return v.Compare(r.First) >= 0 && v.Compare(r.Last) <= 0
}

type compiledRule struct {
	hasFrom, hasTo bool
	from, to       Version
	locales        []uint16
}

// PolicyError is a mistake in a policy: the field it is in (as a JSON path
// such as "rules[1].offer.minimum") and, for JSON syntax errors, the line and
// column. Its message reads
//
//	policy line 3, column 14: rules[1].offer.minimum: "6.2" is not a version such as 7.0.0813
//
// with the parts it lacks left out. The zero PolicyError says "policy: ".
type PolicyError struct {
	Field     string // JSON path of the field, e.g. "rules[1].offer.minimum"; "" for the document
	Line, Col int    // 1-based; 0 when the mistake is not a syntax error
	Offset    int    // byte offset in the JSON, -1 when unknown
	Msg       string // what is wrong, in plain words
}

// Error returns the mistake as one line: where, then what.
func (e *PolicyError) Error() string {
	var b strings.Builder
	b.WriteString("policy")
	if e.Line > 0 {
		fmt.Fprintf(&b, " line %d, column %d", e.Line, e.Col)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// maxPolicyBytes bounds a policy document; larger ones are refused unread.
const maxPolicyBytes = 1 << 20

// DecodePolicy reads a policy from JSON, rejects unknown fields, and
// compiles it. Errors are *PolicyError.
func DecodePolicy(data []byte) (*Policy, error) {
	if len(data) > maxPolicyBytes {
		return nil, &PolicyError{Offset: -1, Msg: fmt.Sprintf("larger than %d bytes", maxPolicyBytes)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	p := new(Policy)
	if err := dec.Decode(p); err != nil {
		return nil, jsonError(data, err)
	}
	if dec.More() {
		off := int(dec.InputOffset())
		line, col := lineCol(data, off)
		return nil, &PolicyError{Line: line, Col: col, Offset: off, Msg: "unexpected data after the policy object"}
	}
	if err := p.Compile(); err != nil {
		return nil, err
	}
	return p, nil
}

func jsonError(data []byte, err error) error {
	pe := &PolicyError{Offset: -1, Msg: err.Error()}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		pe.Offset = int(syn.Offset)
		pe.Msg = syn.Error()
	case errors.As(err, &typ):
		pe.Offset = int(typ.Offset)
		pe.Field = typ.Field
		pe.Msg = fmt.Sprintf("expected %s, found JSON %s", typ.Type, typ.Value)
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		pe.Offset = len(data)
		pe.Msg = "the JSON ends too early"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		pe.Field = strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		pe.Msg = "unknown field"
	}
	if pe.Offset >= 0 {
		pe.Line, pe.Col = lineCol(data, pe.Offset)
	}
	return pe
}

func lineCol(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	line, col = 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
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

// ParseLCID parses a locale as CVQ carries it: "0x" or "0X" followed by 1
// to 4 hex digits of either case. It allocates nothing.
func ParseLCID(s string) (uint16, bool) {
	if len(s) < 3 || len(s) > 6 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X') {
		return 0, false
	}
	var v uint16
	for i := 2; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | uint16(c-'0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | uint16(c-'a'+10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | uint16(c-'A'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

// MaxLineBytes is the policy's line limit in bytes.
func (p *Policy) MaxLineBytes() int {
	if p.c == nil {
		return DefaultMaxLine
	}
	return p.c.maxLine
}

// HighestMSNP returns the highest MSNP dialect p supports, or "" for none.
func (p *Policy) HighestMSNP() string {
	if p.c.msnp == 0 {
		return ""
	}
	return "MSNP" + strconv.Itoa(p.c.msnp)
}

// Supports reports whether p lists dialect ("MSNP8", "CVR0") among its
// dialects.
func (p *Policy) Supports(dialect string) bool { return p.c.dialects[dialect] }

// Known returns the range of builds p's catalog knows for library, and
// false for a library not in the catalog (which is exact and
// case-sensitive).
func (p *Policy) Known(library string) (VersionRange, bool) {
	r, ok := p.c.catalog[library]
	return r, ok
}

// AcceptsLCID reports whether id is in the policy's LCID table.
func (p *Policy) AcceptsLCID(id uint16) bool { return p.c.lcids[id>>6]&(1<<(id&63)) != 0 }

// JSON returns p as indented JSON, the form users read and edit.
func (p *Policy) JSON() []byte {
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		panic(err) // a Policy holds only strings, slices and maps
	}
	return append(b, '\n')
}
