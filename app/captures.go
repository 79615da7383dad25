package main

import (
	"sync"

	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// captureCheck is one real exchange replayed with the preset of its era.
type captureCheck struct {
	protocol.Capture
	Date  string // the preset's date
	Got   string // what the engine answers
	Match bool
}

// captureChecks replays every capture once, on first use: the ✓ in the
// gallery is computed by the engine, never written down.
var captureChecks = sync.OnceValue(func() []captureCheck {
	var out []captureCheck
	for _, c := range protocol.Captures() {
		cc := captureCheck{Capture: c}
		for _, p := range presets() {
			if p.Name == c.Preset {
				x := c.Replay(p)
				cc.Date, cc.Got, cc.Match = p.Date, x.Reply, c.Matches(&x)
			}
		}
		out = append(out, cc)
	}
	return out
})

// captureExample is a capture as an example to load: the request with the
// captured reply pasted after it, so the transcript compares them.
func captureExample(c *captureCheck) example {
	in := "# " + c.Name + ": " + c.Source + "\nC: " + c.Request + "\n"
	if !c.Truncated() {
		in += "S: " + c.Reply + "\n"
	}
	if c.CloseShown && c.Closes {
		in += protocol.DisconnectLine + "\n"
	}
	return example{Group: "Real captures", Title: c.Name + " (" + c.Date + ")", Policy: c.Preset, Input: in}
}

// captureList lists every known real exchange with its source and preset,
// and whether the engine reproduces it.
type captureList struct{ app.Compo }

func (l *captureList) Render() app.UI {
	checks := captureChecks()
	n := 0
	for _, c := range checks {
		if c.Match {
			n++
		}
	}
	return app.Div().Class("captures").ID("captures").Body(
		app.H3().Text("Every known exchange, replayed"),
		app.P().Class("hint").ID("captures-summary").Textf("%d of %d reproduced byte for byte by the preset of their era (client logs and protocol pages, 2002–2010). Open one to see it explained.", n, len(checks)),
		app.Div().Class("table-wrap").Body(app.Table().Class("fields capture-table").Body(
			app.THead().Body(app.Tr().Body(
				app.Th().Scope("col").Title("reproduced").Text("✓"),
				app.Th().Scope("col").Text("exchange"),
				app.Th().Scope("col").Text("request and reply"),
				app.Th().Scope("col").Text("preset"),
				app.Th().Scope("col").Text("source"),
			)),
			app.TBody().Body(app.Range(checks).Slice(func(i int) app.UI {
				c := &checks[i]
				mark, cls, label := "✓", "cap-ok", "reproduced"
				if !c.Match {
					mark, cls, label = "✗", "cap-bad", "differs: the engine answers "+c.Got
				}
				kind := "seen in real traffic"
				if c.Kind == "documentation" {
					kind = "documented"
				}
				return app.Tr().DataSet("capture", c.Name).Body(
					app.Td().Class(cls).Title(label).Aria("label", label).Text(mark),
					app.Td().Body(
						app.Button().Type("button").Class("card-title").DataSet("capture", c.Name).
							OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionExample, captureExample(c)) }, app.EventScope(c.Name)).Text(c.Name),
					),
					app.Td().Body(
						app.Code().Class("cap-line").Text("C: "+c.Request),
						app.Code().Class("cap-line").Text("S: "+c.Reply),
					),
					app.Td().Body(app.Code().Class("cap-preset").Text(c.Preset)),
					app.Td().Body(app.Text(c.Source+" "), app.Span().Class("hint").Text("("+kind+")")),
				)
			})),
		)),
	)
}
