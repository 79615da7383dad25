package protocol

import "fmt"

// answer explains the reply to a CVQ or CVR, and what the client does
// with it.
func (e *Explanation) answer(x *Exchange) {
	d := &x.Decision
	if d.Code != 0 {
		e.Response = replyFields(x.Reply, "S:error", []string{"code", "trid"}, map[string]string{"code": d.Code.Text()})
		e.Outcome = fmt.Sprintf("Error %s.", d.Code.Text())
		if x.Close {
			e.Outcome += " The server closes the connection."
		} else {
			e.Outcome += " The session continues."
		}
		return
	}
	lib := x.Req.ParamText(ParamLibrary)
	urlFrom := d.URLFrom.Text()
	if d.URLFrom == URLsOfLocale {
		urlFrom = "localised for " + FormatLCID(d.LCID)
	}
	e.Response = replyFields(x.Reply, "S:query",
		[]string{"command", "trid", "recommended", "recommended2", "minimum", "download", "fallback"},
		map[string]string{
			"command":      d.Verb,
			"recommended":  versionMeaning(lib, d.Recommended),
			"recommended2": versionMeaning(lib, d.Recommended2),
			"minimum":      versionMeaning(lib, d.Minimum),
			"download":     urlFrom,
			"fallback":     urlFrom,
		})
	if d.URLFrom == URLsOfLocale {
		e.Response[5].Source, e.Response[6].Source = SourceCapture, SourceCapture
	}
	if d.URLs.EmptyAfterDownload {
		e.Response = emptyField(e.Response, d)
	}
	if d.Unknown {
		for i := 2; i <= 4; i++ {
			e.Response[i].Value = "1.0.0000: the unknown-client answer"
			e.Response[i].Source = SourceCapture
		}
		if d.Echo {
			e.Response[4].Value = "the client's own version (this policy echoes it)"
			e.Response[4].Source = SourceChoice
		}
		e.Outcome = "Unknown client: CVR still answers, with 1.0.0000."
	} else {
		e.Outcome = fmt.Sprintf("Offer: %s recommended, %s minimum.", d.Recommended, d.Minimum)
	}
	e.Reaction = d.Reaction()
	e.ReactionText = clientReaction(x, e.Reaction)
}

// clientReaction says what the client does with the answer, and what
// becomes of the connection.
func clientReaction(x *Exchange, r Reaction) string {
	d := &x.Decision
	ver := x.Req.ParamText(ParamVersion)
	var s string
	switch r {
	case ReactionMustUpgrade:
		s = fmt.Sprintf("Must upgrade: %s is older than the minimum %s. The client disconnects, downloads %s, and opens %s if the download fails.", ver, d.Minimum, d.URLs.Download, d.URLs.Fallback)
	case ReactionUpgradeOffered:
		s = fmt.Sprintf("Upgrade offered: %s is at least the minimum %s but older than the recommended %s. The user may upgrade or carry on.", ver, d.Minimum, d.Recommended)
	case ReactionUpToDate:
		s = fmt.Sprintf("Up to date: %s is not older than the recommended %s.", ver, d.Recommended)
	case ReactionCannotCompare:
		s = "The client cannot compare: its own version " + ver + " is not a version number."
	}
	if x.Dialect == DialectCVR0 {
		return s + " In CVR0 the server closes the connection after this answer anyway, whatever the versions: the client reconnects with a dialect it speaks, or upgrades."
	}
	return s + " The " + x.Dialect + " session continues."
}

// emptyField inserts, after the download URL, the empty field that a
// policy with emptyAfterDownload writes (two spaces on the wire), and
// moves the fallback after it.
func emptyField(fs []Field, d *Decision) []Field {
	const download = 5
	if len(fs) <= download || !fs[download].Present {
		return fs
	}
	at := fs[download].Span.End + 1 // between the two spaces
	empty := Field{Key: "empty", Name: "empty field", Span: Span{at, at}, Present: true,
		Meaning: "a field with nothing in it: the server wrote two spaces after the download URL",
		Value: "empty. A client that splits the line on single spaces reads it as the fallback URL, and the page after it as an extra field; " +
			"one that splits on runs of blanks, as servers' own parsers do, skips it. " +
			"In the logged exchange (March 2010) the client was not below the minimum 1.0.0000: it downloaded nothing and went on to log in (USR)",
		Status: StatusWarn, Source: SourceCapture}
	fs[download].Value += "; " + d.URLs.Download + " is a bare host, with no installer to download"
	fs[download].Source = SourceCapture
	out := append([]Field(nil), fs[:download+1]...)
	out = append(out, empty)
	return append(out, fs[download+1:]...)
}
