package main

import (
	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// presetLabel names a built-in policy in the selector, which reads as a
// timeline of the service: date first.
func presetLabel(p *protocol.Policy) string {
	l := p.Date + " · " + p.Name
	if p.Name == protocol.DefaultPreset {
		l += " (default)"
	}
	return l
}

// policyFields documents each field of a policy's JSON, for the policy
// editor's help.
var policyFields = [][2]string{
	{"name, description, date, source", "what the policy is, when such a server answered so, and where that is known from"},
	{"dialects", "the dialects VER accepts: MSNP2…MSNP21 and CVR0"},
	{"verReply", `how VER is answered: "chosen" (the default) names the chosen dialect only, "echo" repeats every offered dialect the server speaks, as servers of 2006–2008 did`},
	{"lcids", "the accepted locales, as 0x0409; left out, the full reference table"},
	{"catalog", "each library with its first and last known build; a client outside is unknown (420, or 1.0.0000 for CVR)"},
	{"rules", "tried in order: library, from/to versions, locales and systems to match, and the offer (recommended, recommended2, minimum, optional urls)"},
	{"urls", `download and fallback of an offer whose rule names none; "emptyAfterDownload": true writes an empty field after the download URL (two spaces), as a server of 2010 did`},
	{"localUrls", "urls that replace them for a locale, keyed by LCID"},
	{"unknownClientCvr", `what CVR answers an unknown client: "fixed" (1.0.0000 three times, the default) or "echo" (its own version as the minimum)`},
	{"maxLine", "the longest client line in bytes; 0 means 2048"},
}

// renderPolicyFields lists the fields behind a disclosure.
func renderPolicyFields() app.UI {
	return app.Details().Class("policy-fields").ID("policy-fields").Body(
		app.Summary().Text("Fields of a policy"),
		app.Dl().Body(app.Range(policyFields).Slice(func(i int) app.UI {
			return app.Div().Body(app.Dt().Body(app.Code().Text(policyFields[i][0])), app.Dd().Text(policyFields[i][1]))
		})),
	)
}
