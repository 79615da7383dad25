package main

import (
	"fmt"

	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// mark is a version placed on the release timeline.
type mark struct {
	Label, Version, Class string
	Pos                   float64 // 0…100, percent of the width
}

// timelinePos places v among the known builds, evenly spaced in release
// order: between two builds it sits between them, before the first at 0,
// after the last at 100.
func timelinePos(builds []protocol.Build, v protocol.Version) float64 {
	n := len(builds)
	if n < 2 {
		return 50
	}
	step := 100 / float64(n-1)
	for i, b := range builds {
		switch c := v.Compare(b.V); {
		case c == 0:
			return float64(i) * step
		case c < 0:
			if i == 0 {
				return 0
			}
			return (float64(i) - 0.5) * step
		}
	}
	return 100
}

// timelineBuilds returns the builds shown for a library: its own in the
// catalog order, or every build when the library is unknown.
func timelineBuilds(lib string) []protocol.Build {
	var own []protocol.Build
	all := protocol.Builds()
	for _, b := range all {
		if b.Library == lib {
			own = append(own, b)
		}
	}
	if len(own) < 2 {
		return all
	}
	return own
}

// timelineView is the release timeline of a client's library: the
// builds, and the client's, the minimum and the recommended versions
// marked. Empty when the line got no offer.
type timelineView struct {
	Builds []protocol.Build
	Marks  []mark
}

// newTimeline places the versions of x's answer among the builds of the
// client's library.
func newTimeline(x *protocol.Exchange) timelineView {
	d := &x.Decision
	if !x.HasDecision() || d.Code != 0 {
		return timelineView{}
	}
	builds := timelineBuilds(x.Req.ParamText(protocol.ParamLibrary))
	var marks []mark
	add := func(label, ver, cls string) {
		if v, ok := protocol.ParseVersion(ver); ok {
			marks = append(marks, mark{label, ver, cls, timelinePos(builds, v)})
		}
	}
	add("client", x.Req.ParamText(protocol.ParamVersion), "m-client")
	add("minimum", d.Minimum, "m-min")
	add("recommended", d.Recommended, "m-rec")
	return timelineView{Builds: builds, Marks: marks}
}

// timeline draws a timelineView.
type timeline struct {
	app.Compo
	View timelineView
}

func (t *timeline) Render() app.UI {
	builds, marks := t.View.Builds, t.View.Marks
	desc := fmt.Sprintf("Release timeline of %s: ", builds[0].Product)
	for _, m := range marks {
		desc += m.Label + " " + m.Version + "; "
	}
	slots := timelineSlots(len(builds), marks)
	return app.Figure().Class("timeline").Aria("label", desc).Body(
		app.Div().Class("track").Aria("hidden", true).Body(
			app.Range(slots).Slice(func(k int) app.UI {
				sl := slots[k]
				return app.Span().Class("slot").Body(
					app.If(sl.Build >= 0, func() app.UI {
						b := builds[sl.Build]
						return app.Span().Class("tick").Title(b.Product + " " + b.Version + " (" + b.Released + ")")
					}),
					app.Range(sl.Marks).Slice(func(i int) app.UI {
						m := sl.Marks[i]
						return app.Span().Class("mark " + m.Class).Title(m.Label + " " + m.Version)
					}),
				)
			}),
		),
		app.Div().Class("ends").Aria("hidden", true).Body(
			app.Span().Text(builds[0].Product+" "+builds[0].Version),
			app.Span().Text(builds[len(builds)-1].Product+" "+builds[len(builds)-1].Version),
		),
		app.Ul().Class("legend").Body(app.Range(marks).Slice(func(i int) app.UI {
			m := marks[i]
			return app.Li().Body(app.Span().Class("dot "+m.Class).Aria("hidden", true), app.Text(m.Label+" "+m.Version))
		})),
	)
}
