// Package probe asks a live MSNP Dispatch Server the engine's questions,
// one fresh connection per case, and grades every answer field by field
// against a preset: the cases, the run on the wire, the grading (also of
// a recording, offline, and against every preset for the nearest one) and
// the reports as text, JSON and JUnit.
package probe

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"cvq-playground/protocol"
)

// Account is the user-handle every case sends: a placeholder that no
// server can know, never a real account.
const Account = "probe@example.invalid"

// Case is one question, asked on a fresh connection.
type Case struct {
	ID     string // <preset>/<verb>/<rule>/<n>, stable from run to run
	Title  string // what it asks, in a few words
	Source string // where the expected answer comes from
	Lines  []Line // what is sent, in order
	Sanity bool   // the case run first and last, to see the server stayed up
}

// Line is one line a case sends: Text is what the engine reads, Wire the
// bytes written (Text and CR LF, but for the framing cases).
type Line struct {
	Text string
	Wire string
	Note string // how Wire differs from Text and CR LF, for the recording
}

func line(text string) Line { return Line{Text: text, Wire: text + "\r\n"} }

// The client the cases pretend to be, apart from what a case varies.
const (
	clientLocale = "0x0409"
	clientSystem = "winnt 5.1 i386"
)

// query writes a CVQ or CVR line.
func query(verb string, trid int, locale, library, version string) string {
	return fmt.Sprintf("%s %d %s %s %s %s MSMSGS %s", verb, trid, locale, clientSystem, library, version, Account)
}

// builder collects a preset's cases, numbering each rule's from 1 and
// dropping one that sends what an earlier one sent.
type builder struct {
	p     *protocol.Policy
	cases []Case
	seen  map[string]bool
	n     map[string]int
}

func (b *builder) add(verb, rule, title, source string, lines ...Line) {
	key := ""
	for _, l := range lines {
		key += l.Wire
	}
	if b.seen[key] {
		return
	}
	b.seen[key] = true
	prefix := b.p.Name + "/" + verb + "/" + rule
	b.n[prefix]++
	b.cases = append(b.cases, Case{ID: prefix + "/" + strconv.Itoa(b.n[prefix]), Title: title, Source: source, Lines: lines})
}

// Cases returns p's cases, drawn from what the engine knows of it: VER
// negotiation, CVR and CVQ for known, outdated, future and unknown
// clients, each rule and locale of its own, each error, a line too long,
// a TrID out of range, and every real capture of its era; strict adds the
// framing cases. The sanity case comes first and last.
func Cases(p *protocol.Policy, strict bool) []Case {
	b := &builder{p: p, seen: map[string]bool{}, n: map[string]int{}}
	b.ver()
	for _, verb := range []string{"cvr", "cvq"} {
		open, ok := b.opening(verb)
		if !ok {
			continue
		}
		b.clients(verb, open)
		b.rules(verb, open)
		b.errors(verb, open)
	}
	b.captures()
	if strict {
		b.framing()
	}
	sanity := b.sanity()
	first, last := sanity, sanity
	first.ID, last.ID = p.Name+"/sanity/first/1", p.Name+"/sanity/last/1"
	return append(append([]Case{first}, b.cases...), last)
}

// opening is the VER that starts a session for verb: the highest MSNP
// dialect for CVR, CVR0 for CVQ.
func (b *builder) opening(verb string) (Line, bool) {
	if verb == "cvr" {
		h := b.p.HighestMSNP()
		return line("VER 1 " + h), h != ""
	}
	return line("VER 1 " + protocol.DialectCVR0), b.p.Supports(protocol.DialectCVR0)
}

func (b *builder) ver() {
	var msnp []string
	for _, d := range b.p.Dialects {
		if d != protocol.DialectCVR0 {
			msnp = append(msnp, d)
		}
	}
	slices.Reverse(msnp)
	const src = "VER negotiation: the highest dialect both sides have, CVR0 for the fallback, 0 and a close for none (msnp-wiki VER page)"
	if len(msnp) > 0 {
		b.add("ver", "common", "a dialect in common, with CVR0", src, line("VER 1 "+msnp[0]+" "+protocol.DialectCVR0))
		b.add("ver", "common", "every dialect the server has", src, line("VER 1 "+strings.Join(msnp, " ")))
		b.add("ver", "common", "an unknown dialect before a known one", src, line("VER 1 MSNP99 "+msnp[len(msnp)-1]))
	}
	b.add("ver", "cvr0", "CVR0 only", src, line("VER 1 "+protocol.DialectCVR0))
	b.add("ver", "none", "no dialect in common", src, line("VER 1 MSNP99 BOGUS"))
}

// clients asks as a known client (the newest build of each library),
// an outdated one (the oldest), a future one and an unknown one.
func (b *builder) clients(verb string, open Line) {
	const src = "the preset's catalog and rules"
	for _, c := range b.p.Catalog {
		b.add(verb, "known", c.Library+" "+c.Last+", the newest known build", src, open, line(query(strings.ToUpper(verb), 2, clientLocale, c.Library, c.Last)))
		b.add(verb, "outdated", c.Library+" "+c.First+", the oldest known build", src, open, line(query(strings.ToUpper(verb), 2, clientLocale, c.Library, c.First)))
		if v, ok := protocol.ParseVersion(c.Last); ok {
			v.Parts[0]++
			b.add(verb, "future", c.Library+" "+v.String()+", newer than any known build", src, open, line(query(strings.ToUpper(verb), 2, clientLocale, c.Library, v.String())))
		}
	}
	b.add(verb, "unknown", "an unknown library (YCOMM 0.1.0023)", "msnp-wiki CVQ page (420 for YCOMM)", open, line(query(strings.ToUpper(verb), 2, clientLocale, "YCOMM", "0.1.0023")))
}

// rules asks once for each rule, as a client it matches, and for each
// locale a rule or the localised URLs name.
func (b *builder) rules(verb string, open Line) {
	V := strings.ToUpper(verb)
	var locales []string
	for i, r := range b.p.Rules {
		lib, ver := b.clientFor(r)
		if lib == "" {
			continue
		}
		loc := clientLocale
		if len(r.Locales) > 0 {
			loc = r.Locales[0]
			locales = append(locales, r.Locales...)
		}
		title := fmt.Sprintf("rule %d (%s): %s %s", i+1, ruleNote(r), lib, ver)
		b.add(verb, "rule", title, "the preset's rule "+strconv.Itoa(i+1), open, line(query(V, 2, loc, lib, ver)))
	}
	for id := range b.p.LocalURLs {
		locales = append(locales, id)
	}
	slices.Sort(locales)
	lib, ver := b.clientFor(protocol.Rule{})
	for _, loc := range slices.Compact(locales) {
		if lib != "" {
			b.add(verb, "locale", "locale "+loc, "the preset's rules and localised URLs for "+loc, open, line(query(V, 2, loc, lib, ver)))
		}
	}
}

func ruleNote(r protocol.Rule) string {
	if r.Note != "" {
		return r.Note
	}
	return "no note"
}

// clientFor returns a known client that r matches: of the catalog's
// libraries it allows, the one with the newest build, at the newest build
// within r's range.
func (b *builder) clientFor(r protocol.Rule) (library, version string) {
	cat := slices.Clone(b.p.Catalog)
	slices.SortStableFunc(cat, func(x, y protocol.CatalogEntry) int { return cmpVersion(y.Last, x.Last) })
	for _, c := range cat {
		if r.Library != "" && r.Library != c.Library {
			continue
		}
		v := c.Last
		if r.To != "" && cmpVersion(r.To, v) < 0 {
			v = r.To
		}
		if r.From != "" && cmpVersion(v, r.From) < 0 {
			continue
		}
		if cmpVersion(v, c.First) < 0 {
			continue
		}
		return c.Library, v
	}
	return "", ""
}

func cmpVersion(a, b string) int {
	va, _ := protocol.ParseVersion(a)
	vb, _ := protocol.ParseVersion(b)
	return va.Compare(vb)
}

// errors asks for each refusal: 731, 710, a line too long, TrIDs out of
// range.
func (b *builder) errors(verb string, open Line) {
	V := strings.ToUpper(verb)
	lib, ver := b.clientFor(protocol.Rule{})
	if lib == "" {
		return
	}
	b.add(verb, "error-731", "fewer than six parameters", "msnp-wiki CVQ page (731, then disconnect)", open, line(V+" 2 spaghetti"))
	b.add(verb, "error-710", "a locale that is no LCID (0x1111)", "msnp-wiki CVQ page (710 for 0x1111)", open, line(query(V, 2, "0x1111", lib, ver)))
	b.add(verb, "error-710", "a locale that is not hex (0xZZZZ)", "msnp-wiki CVQ page (710)", open, line(query(V, 2, "0xZZZZ", lib, ver)))
	long := query(V, 2, clientLocale, lib, ver) + " " + strings.Repeat("x", b.p.MaxLineBytes())
	b.add(verb, "too-long", fmt.Sprintf("a line of %d bytes", len(long)), "the policy's line limit: the server closes without replying", open, line(long))
	b.add(verb, "trid", "a TrID above 4294967295", "MSNP TrIDs are 32-bit: the server closes without replying", open, line(query(V, 4294967296, clientLocale, lib, ver)))
	b.add(verb, "trid", "a negative TrID", "MSNP TrIDs are unsigned: the server closes without replying", open, line(query(V, -1, clientLocale, lib, ver)))
}

// captures replays each real exchange of the preset's era, as the first
// line of its connection (as protocol.Capture.Replay does), with the
// account replaced by the placeholder.
func (b *builder) captures() {
	for _, c := range protocol.Captures() {
		if c.Preset != b.p.Name {
			continue
		}
		verb := strings.ToLower(strings.SplitN(c.Request, " ", 2)[0])
		b.add(verb, "capture-"+strings.ToLower(c.Name), "the "+c.Kind+" "+c.Name, c.Source, line(placeholder(c.Request)))
	}
}

// placeholder replaces a query's user-handle by Account.
func placeholder(l string) string {
	r := protocol.Parse(l)
	if c := r.CommandName(); c != "CVQ" && c != "CVR" {
		return l
	}
	sp, ok := r.Param(protocol.ParamHandle)
	if !ok {
		return l
	}
	return l[:sp.Start] + Account + l[sp.End:]
}

// sanity is a well-formed question any server of the preset answers: a
// known client after VER.
func (b *builder) sanity() Case {
	lib, ver := b.clientFor(protocol.Rule{})
	c := Case{Title: "a known client, to see that the server answers", Source: "the preset's catalog", Sanity: true}
	for _, verb := range []string{"cvr", "cvq"} {
		if open, ok := b.opening(verb); ok && lib != "" {
			c.Lines = []Line{open, line(query(strings.ToUpper(verb), 2, clientLocale, lib, ver))}
			return c
		}
	}
	c.Lines = []Line{line("VER 1 " + protocol.DialectCVR0)}
	return c
}

// framing is the strict cases: what the sources leave open about lines.
func (b *builder) framing() {
	open, ok := b.opening("cvr")
	verb := "CVR"
	if !ok {
		open, verb = line("VER 1 "+protocol.DialectCVR0), "CVQ"
	}
	lib, ver := b.clientFor(protocol.Rule{})
	if lib == "" {
		return
	}
	q := query(verb, 2, clientLocale, lib, ver)
	const src = "framing the sources leave open; the engine's reading"
	b.add("framing", "lf", "lines ended by LF without CR", src,
		Line{Text: open.Text, Wire: open.Text + "\n", Note: "sent with LF only"}, Line{Text: q, Wire: q + "\n", Note: "sent with LF only"})
	lower := strings.ToLower(verb) + q[3:]
	b.add("framing", "lower", "a lower-case command", src, open, line(lower))
	tabs := strings.ReplaceAll(q, " ", "\t")
	b.add("framing", "tabs", "tabs between the tokens", src, open, line(tabs))
	b.add("framing", "trailing", "trailing blanks", src, open, line(q+"  \t"))
	b.add("framing", "blank", "a blank line between two commands", src, open, line(""), line(q))
}

// Select returns the cases whose ID starts with prefix, and the sanity
// cases, which always run.
func Select(cases []Case, prefix string) []Case {
	var out []Case
	for _, c := range cases {
		if c.Sanity || strings.HasPrefix(c.ID, prefix) {
			out = append(out, c)
		}
	}
	return out
}
