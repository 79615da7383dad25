package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The tools' tabs.
const (
	tabPolicy   = "policy"
	tabBuilder  = "builder"
	tabExamples = "examples"
)

// tabOrder is the tabs from left to right.
var tabOrder = []string{tabExamples, tabBuilder, tabPolicy}

// toolsPane shows the tabs under the explanation: examples, the request
// builder and the policy in force, and the message about the last action.
type toolsPane struct {
	app.Compo
	Tab      string
	Status   string
	NextTrID int // for the builder's line
	Builder  builder
	Policy   policyView
	Captures bool // the gallery's table of captures is drawn (see later.go)
}

func (t *toolsPane) Render() app.UI {
	var panel app.UI
	switch t.Tab {
	case tabPolicy:
		panel = &policyEditor{View: t.Policy}
	case tabBuilder:
		panel = &requestBuilder{Form: t.Builder, TrID: t.NextTrID}
	default:
		panel = &gallery{Captures: t.Captures}
	}
	return app.Section().Class("pane tools-pane").Aria("label", "tools").Body(
		app.Div().Class("tabs").Role("tablist").Body(
			t.tab(tabExamples, "Examples"),
			t.tab(tabBuilder, "Request builder"),
			t.tab(tabPolicy, "Policy"),
		),
		app.Div().Role("tabpanel").ID("panel-"+t.Tab).Aria("labelledby", "tab-"+t.Tab).Class("panel").Body(panel),
		app.If(t.Status != "", func() app.UI { return app.P().Class("status-msg").Role("status").ID("status").Text(t.Status) }),
	)
}

// tab is the button of a tab: one stop in the tab order, and the arrow
// keys move between the tabs.
func (t *toolsPane) tab(id, label string) app.UI {
	tabIndex := -1
	if t.Tab == id {
		tabIndex = 0
	}
	return app.Button().Type("button").Role("tab").ID("tab-"+id).Class("tab").TabIndex(tabIndex).
		Aria("selected", t.Tab == id).Aria("controls", "panel-"+id).
		OnKeyDown(func(ctx app.Context, e app.Event) {
			step := map[string]int{"ArrowRight": 1, "ArrowLeft": -1}[e.Get("key").String()]
			if step == 0 {
				ctx.PreventUpdate()
				return
			}
			e.PreventDefault()
			for i, tab := range tabOrder {
				if tab == t.Tab {
					send(ctx, actionTab, tabFocus{Tab: tabOrder[(i+step+len(tabOrder))%len(tabOrder)], Focus: true})
					return
				}
			}
		}, app.EventScope(id)).
		OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionTab, tabFocus{Tab: id}) }, app.EventScope(id)).
		Text(label)
}

// tabFocus is a tab to show, and whether its button takes the focus.
type tabFocus struct {
	Tab   string
	Focus bool
}

// gallery is the examples, each loaded in one click.
type gallery struct {
	app.Compo
	Captures bool // else the table of captures is drawn later
}

func (g *gallery) Render() app.UI {
	if !g.Captures {
		return app.Div().Body(g.cards(), laterSlot(partCaptures))
	}
	return app.Div().Body(g.cards(), &captureList{})
}

// cards are the hand-picked examples.
func (g *gallery) cards() app.UI {
	return app.Div().Class("gallery").Body(app.Range(examples).Slice(func(i int) app.UI {
		ex := examples[i]
		return app.Div().Class("card").Body(
			app.Span().Class("group").Text(ex.Group),
			app.Button().Type("button").Class("card-title").DataSet("example", i).
				OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionExample, examples[i]) }, app.EventScope(i)).Text(ex.Title),
			app.P().Text(ex.About),
			app.Span().Class("hint").Text("policy "+ex.Policy),
		)
	}))
}
