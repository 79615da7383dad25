package protocol

import (
	_ "embed"
	"sort"
	"strconv"
	"strings"
)

// The reference tables, copied from the behaviour specification.
var (
	//go:embed data/lcids.tsv
	lcidsTSV string
	//go:embed data/clients.tsv
	clientsTSV string
	//go:embed data/systems.tsv
	systemsTSV string
)

// Locale is one Windows locale ID of the reference table. The zero Locale
// is the unnamed LCID 0x0000.
type Locale struct {
	ID      uint16 // e.g. 0x0409
	Name    string // the table's name, e.g. "English United States"
	Display string // e.g. "English (United States)"
}

// Hex returns the LCID as clients write it, e.g. "0x0409".
func (l Locale) Hex() string { return FormatLCID(l.ID) }

// FormatLCID writes id as clients do: 0x and four lower-case hex digits,
// such as "0x0409".
func FormatLCID(id uint16) string {
	const hex = "0123456789abcdef"
	return string([]byte{'0', 'x', hex[id>>12], hex[id>>8&15], hex[id>>4&15], hex[id&15]})
}

// Build is one known client build, in release order. The zero Build names
// nothing.
type Build struct {
	Library  string  // requesting-library, e.g. "MSNMSGR"
	Version  string  // as sent on the wire, e.g. "6.0.0602"
	V        Version // Version parsed
	Product  string  // e.g. "MSN Messenger 6.0"
	Released string  // e.g. "2003-07"
	Note     string  // what is special about it, e.g. "first CVR0 client; MSNP2"
}

// System is one known operating system, by system-type and system-ver.
// The zero System names nothing.
type System struct {
	Type string // system-type, e.g. "winnt"
	Ver  string // system-ver, e.g. "5.1"; "6.x" stands for all minor versions
	Name string // e.g. "Windows XP"
}

var (
	locales     = parseLocales(lcidsTSV)
	localeIndex = indexLocales(locales)
	builds      = parseBuilds(clientsTSV)
	systems     = parseSystems(systemsTSV)
)

// Locales returns the reference LCID table, ordered by ID. It is the default
// LCID list of every policy.
func Locales() []Locale { return append([]Locale(nil), locales...) }

// Builds returns the known client builds in release order.
func Builds() []Build { return append([]Build(nil), builds...) }

// Systems returns the known operating systems.
func Systems() []System { return append([]System(nil), systems...) }

// LookupLocale returns the reference entry for id.
func LookupLocale(id uint16) (Locale, bool) {
	i, ok := localeIndex[id]
	if !ok {
		return Locale{}, false
	}
	return locales[i], true
}

// LookupBuild returns the known build with exactly this library and version
// text, or, failing that, the newest known build of the library that is not
// newer than v (exact=false), so that 6.0.0610 reads "MSN Messenger 6.0".
func LookupBuild(library string, v Version) (b Build, exact, ok bool) {
	for _, c := range builds {
		if c.Library != library {
			continue
		}
		switch c.V.Compare(v) {
		case 0:
			return c, true, true
		case -1:
			b, ok = c, true
		}
	}
	return b, false, ok
}

// LookupSystem names the operating system of a system-type and system-ver.
// WLM 2009 writes three parts ("6.1.0"); they match "6.1".
func LookupSystem(typ, ver string) (System, bool) {
	for _, s := range systems {
		if s.Type != typ {
			continue
		}
		if s.Ver == ver || strings.HasPrefix(ver, s.Ver+".") ||
			(strings.HasSuffix(s.Ver, ".x") && strings.HasPrefix(ver, strings.TrimSuffix(s.Ver, "x"))) {
			return s, true
		}
	}
	return System{}, false
}

// rows reads a tab-separated table of data/, without its header line.
func rows(tsv string) [][]string {
	var out [][]string
	for i, line := range strings.Split(strings.TrimRight(tsv, "\n"), "\n") {
		if i == 0 || line == "" {
			continue // header
		}
		out = append(out, strings.Split(line, "\t"))
	}
	return out
}

func parseLocales(tsv string) []Locale {
	var out []Locale
	for _, r := range rows(tsv) {
		id, err := strconv.ParseUint(r[0][2:], 16, 16)
		if err != nil {
			panic("protocol: bad embedded LCID " + r[0])
		}
		out = append(out, Locale{ID: uint16(id), Name: r[2], Display: r[3]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func indexLocales(ls []Locale) map[uint16]int {
	m := make(map[uint16]int, len(ls))
	for i, l := range ls {
		m[l.ID] = i
	}
	return m
}

func parseBuilds(tsv string) []Build {
	var out []Build
	for _, r := range rows(tsv) {
		v, ok := ParseVersion(r[1])
		if !ok {
			panic("protocol: bad embedded version " + r[1])
		}
		b := Build{Library: r[0], Version: r[1], V: v, Product: r[2], Released: r[3]}
		if len(r) > 4 {
			b.Note = r[4]
		}
		out = append(out, b)
	}
	return out
}

func parseSystems(tsv string) []System {
	var out []System
	for _, r := range rows(tsv) {
		out = append(out, System{Type: r[0], Ver: r[1], Name: r[2]})
	}
	return out
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
