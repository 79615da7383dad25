package protocol

import "fmt"

// steps lists the checks of a CVQ or CVR in order, from the Decision's
// evidence: how each came out, and which were not reached.
func (e *Explanation) steps(p *Policy, x *Exchange) {
	r, d := &x.Req, &x.Decision
	lib, ver := r.ParamText(ParamLibrary), r.ParamText(ParamVersion)
	add := func(c Check, st Status, detail string, src Source) {
		e.Steps = append(e.Steps, Step{Name: c.Text(), Status: st, Detail: detail, Source: src})
	}
	skip := func(from Check) {
		for _, c := range Checks[from:] {
			add(c, StatusSkipped, "not reached: an earlier check decided", SourceDoc)
		}
	}
	if d.Decided == CheckParams {
		add(CheckParams, StatusError, fmt.Sprintf("%d parameters after the TrID, at least 6 are needed: 731", r.NParams), SourceDoc)
		skip(CheckLocale)
		return
	}
	add(CheckParams, StatusOK, fmt.Sprintf("%d parameters after the TrID (6 needed)", r.NParams), SourceDoc)
	if d.Decided == CheckLocale {
		what := "not 0x followed by 1 to 4 hex digits"
		if d.Reason == ReasonLocaleUnknown {
			what = FormatLCID(d.LCID) + " is not in the LCID table"
		}
		add(CheckLocale, StatusError, what+": 710", SourceDoc)
		skip(CheckClient)
		return
	}
	add(CheckLocale, StatusOK, FormatLCID(d.LCID)+" is an accepted LCID", SourceDoc)
	if d.Decided == CheckClient {
		src, outcome := SourceDoc, "420"
		if d.Reason == ReasonVersionTooOld || d.Reason == ReasonVersionTooNew {
			src = SourceChoice
		}
		if d.Unknown {
			outcome = "CVR answers an unknown client with 1.0.0000 (seen in real traffic)"
			if d.Echo {
				outcome = "CVR answers an unknown client with 1.0.0000 and its own version as the minimum (this policy's choice)"
			}
		}
		if d.Reason == ReasonNoRule {
			add(CheckClient, StatusOK, lib+" "+ver+" is a known client", SourceChoice)
			add(CheckRule, StatusError, "no rule matches: the client is treated as unknown, "+outcome, SourceChoice)
			return
		}
		add(CheckClient, StatusError, clientReason(d, lib, ver)+": "+outcome, src)
		skip(CheckRule)
		return
	}
	add(CheckClient, StatusOK, fmt.Sprintf("%s %s is within the known builds %s to %s", lib, ver, d.Known.First, d.Known.Last), SourceChoice)
	desc := fmt.Sprintf("rule %d", d.Rule+1)
	if note := p.Rules[d.Rule].Note; note != "" {
		desc += " (" + note + ")"
	}
	add(CheckRule, StatusOK, desc+" matches: it gives the offer", SourceDoc)
}

// clientReason says why the client check refused lib and ver.
func clientReason(d *Decision, lib, ver string) string {
	switch d.Reason {
	case ReasonLibraryUnknown:
		return lib + " is not in this policy's catalog"
	case ReasonVersionSyntax:
		return ver + " is not a version: 3 or 4 dot-separated numbers of 1 to 5 digits"
	case ReasonVersionTooOld:
		return fmt.Sprintf("%s is older than the first known %s build (%s)", ver, lib, d.Known.First)
	case ReasonVersionTooNew:
		return fmt.Sprintf("%s is newer than the last %s build this policy knows (%s)", ver, lib, d.Known.Last)
	case ReasonNoRule:
		return "no rule of this policy matches this client"
	}
	return ""
}
