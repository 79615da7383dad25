package protocol

import "encoding/json"

// Policy is what a simulated Dispatch Server answers to CVQ and CVR: data,
// decodable from JSON, so that it can be read, edited and shared. Use
// [DecodePolicy] or [Policy.Compile] before deciding with it; [Preset]
// returns a compiled built-in one. Its methods other than Compile, JSON
// and MaxLineBytes need a compiled policy. The zero Policy is not
// compiled, and does not compile (it has no name, dialects, catalog or
// rules).
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
	// VERReply is the form of the answer to VER: "chosen" (the default)
	// names the chosen dialect only, "echo" repeats the offered list.
	VERReply VERReply `json:"verReply,omitempty"`
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
	// EmptyAfterDownload writes an empty field between the download URL
	// and the fallback: two spaces on the wire, as a server of 2010 did.
	EmptyAfterDownload bool `json:"emptyAfterDownload,omitempty"`
}

// Unknown-client behaviours of CVR, the values of Policy.UnknownClientCVR.
const (
	UnknownFixed = "fixed" // CVR n 1.0.0000 1.0.0000 1.0.0000 …, as seen in real traffic
	UnknownEcho  = "echo"  // CVR n 1.0.0000 1.0.0000 <the client's version> …
)

// DefaultMaxLine is the line limit of a policy that sets none.
const DefaultMaxLine = 2048

// VersionRange is the builds of a library a catalog knows, from First to
// Last inclusive. The zero VersionRange holds only 0.0.0.
type VersionRange struct{ First, Last Version }

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
	return msnpName(p.c.msnp)
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
