package protocol

import (
	"fmt"
	"strconv"
	"strings"
)

// paramKeys are the field keys of the named parameters of CVQ and CVR, in
// wire order (see ParamLocale); their names and meanings are in
// data/fields.tsv.
var paramKeys = [NamedParams]string{"locale", "systype", "sysver", "arch", "library", "version", "clientid", "handle", "extra"}

// explainQuery explains a CVQ or CVR: every parameter, the checks and the
// answer.
func (e *Explanation) explainQuery(p *Policy, x *Exchange) {
	r, d := &x.Req, &x.Decision
	for i := 0; i < NamedParams; i++ {
		f := describe("query", paramKeys[i])
		f.Status, f.Source = StatusInfo, SourceDoc
		sp, ok := r.Param(i)
		if !ok {
			f.Status, f.Span = StatusMissing, Span{len(r.Line), len(r.Line)}
			if i < MinParams {
				f.Note = "required: the query needs at least 6 parameters"
			} else {
				f.Note = "optional"
			}
			e.Request = append(e.Request, f)
			continue
		}
		f.Span, f.Present, f.Raw = sp, true, sp.In(r.Line)
		describeParam(p, i, &f, d, r)
		e.Request = append(e.Request, f)
	}
	for i := NamedParams; i < r.NParams; i++ {
		sp, _ := r.Param(i)
		f := describe("query", "unexpected")
		f.Name = fmt.Sprintf("%s %d", f.Name, i+1)
		f.Span, f.Present, f.Raw, f.Value, f.Status, f.Source = sp, true, sp.In(r.Line), "ignored", StatusExtra, SourceChoice
		f.Note = "no client sends more than 9 parameters; the server ignores the rest"
		e.Request = append(e.Request, f)
	}
	e.steps(p, x)
	e.answer(x)
}

// describeParam interprets parameter i, and says how it fared in d.
func describeParam(p *Policy, i int, f *Field, d *Decision, r *Request) {
	shifted := func() {
		if f.Note == "" {
			f.Note = "looks shifted: a field before it is probably missing (fields are positional)"
			f.Status = StatusWarn
		}
	}
	_, libLike := p.Known(f.Raw)
	_, verLike := ParseVersion(f.Raw)
	switch i {
	case ParamLocale:
		f.Checked = true
		describeLocale(p, f)
	case ParamSystemType:
		f.Value = SystemTypeMeaning(f.Raw)
		if f.Value == "" {
			f.Value, f.Status = "not a known system type (win, winnt, mac)", StatusWarn
		}
	case ParamSystemVer:
		if s, ok := LookupSystem(r.ParamText(ParamSystemType), f.Raw); ok {
			f.Value = s.Name
		} else {
			f.Value = "not a known version of this system type"
			f.Status = StatusWarn
		}
	case ParamSystemArch:
		switch {
		case f.Raw == "i386":
			f.Value = "Intel x86, as every Windows client sends"
		case libLike:
			f.Value = "this is a library name"
			shifted()
		default:
			f.Value, f.Status = "unusual: clients practically always send i386", StatusWarn
		}
	case ParamLibrary:
		f.Checked = true
		describeLibrary(p, f, d, verLike)
	case ParamVersion:
		f.Checked = true
		lib := r.ParamText(ParamLibrary)
		f.Value = versionMeaning(lib, f.Raw)
		f.Status = StatusOK
		if d.Decided == CheckClient && d.Span == f.Span {
			f.Status, f.Note = StatusError, clientReason(d, lib, f.Raw)
		} else if d.Decided < CheckClient || d.Reason == ReasonLibraryUnknown {
			f.Status = StatusSkipped
		}
		if d.Decided >= CheckClient && d.Reason != ReasonLibraryUnknown && d.Reason != ReasonVersionSyntax && f.Status == StatusOK {
			f.Source = SourceChoice // the range rule
		}
	case ParamClientID:
		f.Value = clientIDMeaning(f.Raw)
	case ParamHandle:
		if strings.Contains(f.Raw, "@") {
			f.Value = "account " + f.Raw
		} else {
			f.Value, f.Status = "not an e-mail address", StatusWarn
		}
	case ParamExtra:
		f.Value = "ignored by the version check"
	}
	if d.Decided == CheckParams && f.Checked {
		f.Status = StatusSkipped
	}
}

func describeLocale(p *Policy, f *Field) {
	id, ok := ParseLCID(f.Raw)
	loc, known := LookupLocale(id)
	switch {
	case !ok:
		f.Status, f.Value = StatusError, "not an LCID"
		f.Note = "the locale must be 0x followed by 1 to 4 hex digits"
		f.Note += localeHint(f.Raw)
	case !p.AcceptsLCID(id):
		f.Status = StatusError
		f.Value = "unknown locale " + FormatLCID(id)
		if known {
			f.Value = loc.Display
		}
		f.Note = FormatLCID(id) + " is not in this policy's LCID table"
	default:
		f.Status, f.Value = StatusOK, loc.Display
		if !known {
			f.Value = FormatLCID(id) + " (accepted by this policy)"
		}
	}
	if f.Status == StatusError {
		f.Source = SourceDoc
	}
}

func describeLibrary(p *Policy, f *Field, d *Decision, verLike bool) {
	rng, known := p.Known(f.Raw)
	switch {
	case known:
		f.Value = libraryMeaning(f.Raw) + fmt.Sprintf("; this policy knows %s to %s", rng.First, rng.Last)
	case verLike:
		f.Value = "this is a version, not a library"
		f.Note = "looks shifted: a field before it is probably missing (fields are positional)"
	default:
		f.Value = "not in this policy's catalog"
		if m := libraryMeaning(f.Raw); m != "" && !strings.HasPrefix(m, "unknown") {
			f.Value = m + ", but not in this policy's catalog"
		}
	}
	switch {
	case known:
		f.Status = StatusOK
	case d.Decided < CheckClient:
		f.Status = StatusSkipped
	default:
		f.Status = StatusError
		f.Note = joinNote(f.Note, "unknown library: the catalog is exact and case-sensitive")
	}
}

// localeHint recognises the usual mistakes: a decimal LCID, or hex
// without its 0x.
func localeHint(raw string) string {
	if n, err := strconv.ParseUint(raw, 10, 16); err == nil {
		if l, ok := LookupLocale(uint16(n)); ok {
			return fmt.Sprintf("; %s is the decimal form of %s, %s", raw, l.Hex(), l.Display)
		}
	}
	if h, ok := ParseLCID("0x" + raw); ok {
		if l, ok := LookupLocale(h); ok {
			return fmt.Sprintf("; with 0x it would be %s, %s", l.Hex(), l.Display)
		}
	}
	return ""
}
