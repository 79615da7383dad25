package main

import (
	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// renderTools shows the tabs under the explanation: examples, the request
// builder and the policy in force.
func (p *playground) renderTools() app.UI {
	order := []string{tabExamples, tabBuilder, tabPolicy}
	tab := func(id, label string) app.UI {
		tabIndex := -1
		if p.tab == id {
			tabIndex = 0 // one stop in the tab order; arrows move between tabs
		}
		return app.Button().Type("button").Role("tab").ID("tab-"+id).Class("tab").TabIndex(tabIndex).
			Aria("selected", p.tab == id).Aria("controls", "panel-"+id).
			OnKeyDown(func(ctx app.Context, e app.Event) {
				step := map[string]int{"ArrowRight": 1, "ArrowLeft": -1}[e.Get("key").String()]
				if step == 0 {
					return
				}
				e.PreventDefault()
				for i, t := range order {
					if t == p.tab {
						p.tab = order[(i+step+len(order))%len(order)]
						break
					}
				}
				p.pushEditors(ctx)
				next := "tab-" + p.tab
				ctx.Defer(func(app.Context) { app.Window().GetElementByID(next).Call("focus") })
			}, app.EventScope(id)).
			OnClick(func(ctx app.Context, e app.Event) {
				p.tab = id
				p.pushEditors(ctx)
			}, app.EventScope(id)).Text(label)
	}
	var panel app.UI
	switch p.tab {
	case tabPolicy:
		panel = p.renderPolicy()
	case tabBuilder:
		panel = p.renderBuilder()
	default:
		panel = p.renderExamples()
	}
	return app.Section().Class("pane tools-pane").Aria("label", "tools").Body(
		app.Div().Class("tabs").Role("tablist").Body(
			tab(tabExamples, "Examples"),
			tab(tabBuilder, "Request builder"),
			tab(tabPolicy, "Policy"),
		),
		app.Div().Role("tabpanel").ID("panel-"+p.tab).Aria("labelledby", "tab-"+p.tab).Class("panel").Body(panel),
		app.If(p.status != "", func() app.UI { return app.P().Class("status-msg").Role("status").ID("status").Text(p.status) }),
	)
}

func (p *playground) renderExamples() app.UI {
	return app.Div().Body(p.renderGallery(), p.renderCaptures())
}

func (p *playground) renderGallery() app.UI {
	return app.Div().Class("gallery").Body(app.Range(examples).Slice(func(i int) app.UI {
		ex := examples[i]
		return app.Div().Class("card").Body(
			app.Span().Class("group").Text(ex.Group),
			app.Button().Type("button").Class("card-title").DataSet("example", i).
				OnClick(p.loadExample(ex), app.EventScope(i)).Text(ex.Title),
			app.P().Text(ex.About),
			app.Span().Class("hint").Text("policy "+ex.Policy),
		)
	}))
}

func (p *playground) renderPolicy() app.UI {
	text := p.policyText()
	return app.Div().Class("policy").Body(
		app.P().Body(
			app.Strong().Text(p.policy.Name),
			app.Text(" · "+p.policy.Date+" · "+p.policy.Source),
		),
		app.P().Class("hint").Text("Edit a copy of the policy here: it takes effect as soon as it is valid. While it has a mistake, the last valid policy stays in force."),
		renderPolicyFields(),
		app.Label().For("policy-json").Class("sr-only").Text("Policy JSON"),
		app.Textarea().ID("policy-json").Class("editor policy-editor").Spellcheck(false).Wrap("off").
			Aria("invalid", p.customErr != "").Aria("describedby", "policy-error").
			Body(serverText(text)).
			OnInput(func(ctx app.Context, e app.Event) {
				p.setCustom(ctx.JSSrc().Get("value").String())
				p.save(ctx)
			}),
		app.If(p.customErr != "", func() app.UI {
			return app.P().Class("error-msg").ID("policy-error").Role("alert").Text(p.customErr)
		}),
		app.If(p.custom != "", func() app.UI {
			return app.Button().Type("button").Class("btn small").ID("policy-reset").
				OnClick(func(ctx app.Context, e app.Event) {
					p.setPreset(p.preset)
					p.pushEditors(ctx)
					p.save(ctx)
				}).Text("Back to the preset " + p.preset)
		}),
	)
}

func (p *playground) renderBuilder() app.UI {
	b := &p.builder
	line := b.line(nextTrID(&p.res))
	field := func(id, label string, control app.UI) app.UI {
		return app.Div().Class("field").Body(app.Label().For(id).Text(label), control)
	}
	set := func(dst *string) app.EventHandler {
		return func(ctx app.Context, e app.Event) { *dst = ctx.JSSrc().Get("value").String() }
	}
	var versions []protocol.Build
	for _, bd := range builds {
		if bd.Library == b.Library {
			versions = append(versions, bd)
		}
	}
	return app.Form().Class("builder").OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
		field("b-command", "Command", app.Select().ID("b-command").OnChange(set(&b.Command)).Body(
			option("CVQ", b.Command == "CVQ").Text("CVQ (CVR0 fallback)"),
			option("CVR", b.Command == "CVR").Text("CVR (inside an MSNP session)"),
		)),
		field("b-locale", "Locale", app.Select().ID("b-locale").OnChange(set(&b.Locale)).Body(
			app.Range(localesByName).Slice(func(i int) app.UI {
				l := localesByName[i]
				return option(l.Hex(), l.Hex() == b.Locale).Text(l.Display + " — " + l.Hex())
			}),
		)),
		field("b-system", "Operating system", app.Select().ID("b-system").OnChange(set(&b.System)).Body(
			app.Range(systems).Slice(func(i int) app.UI {
				s := systems[i]
				v := s.Type + " " + s.Ver
				if s.Type == "mac" {
					v = "mac 10.4"
				}
				return option(v, v == b.System).Text(s.Name + " — " + v)
			}),
		)),
		field("b-library", "Library", app.Select().ID("b-library").OnChange(func(ctx app.Context, e app.Event) {
			b.Library = ctx.JSSrc().Get("value").String()
			for _, bd := range builds {
				if bd.Library == b.Library {
					b.Version = bd.Version // the first build of the new library
					break
				}
			}
		}).Body(
			app.Range(libraries).Slice(func(i int) app.UI {
				l := libraries[i]
				return option(l, l == b.Library).Text(l)
			}),
		)),
		field("b-version", "Version", app.Select().ID("b-version").OnChange(set(&b.Version)).Body(
			app.Range(versions).Slice(func(i int) app.UI {
				v := versions[i]
				return option(v.Version, v.Version == b.Version).Text(v.Version + " — " + v.Product + " (" + v.Released + ")")
			}),
		)),
		field("b-clientid", "Client identification", app.Input().ID("b-clientid").Value(b.ClientID).OnInput(set(&b.ClientID))),
		field("b-handle", "User handle", app.Input().ID("b-handle").Type("email").Value(b.Handle).OnInput(set(&b.Handle))),
		app.P().Class("preview").Body(app.Span().Class("hint").Text("Line: "), app.Code().ID("builder-line").Text(line)),
		app.Button().Type("button").Class("btn primary").ID("builder-insert").OnClick(func(ctx app.Context, e app.Event) {
			p.setInput(appendLine(p.input, line), lineOfOffset(p.input, len(p.input))+1)
			p.pushEditors(ctx)
			p.sel = len(p.res.Rows) - 1
			p.status = "Added: " + line
			p.save(ctx)
		}).Text("Add to the editor"),
	)
}

// choices are the rules this playground decided where no source settles
// them; each explanation row that rests on one says so.
var choices = []string{
	"A last line without LF is a line; an empty line is ignored; a line over 2048 bytes (a policy field) gets no reply and a close.",
	"A TrID above 4294967295 closes without a reply; 007 is answered as 7.",
	"A connection that starts with CVQ is an implicit CVR0 session; one that starts with CVR, an implicit session in the policy's highest MSNP dialect; any other first line, and VER after the first line, close.",
	"In an MSNP session, CVR's answers keep the connection except 731; other three-letter commands are not simulated.",
	"A version is known when it lies between its library's first and last build in the policy's catalog; a known client that no rule matches is treated as unknown.",
	"A locale is 0x and 1 to 4 hex digits of either case: 0409, 1033 and 0x10409 get 710.",
	"A pasted “Server disconnects client.” expects a close; without one the close is not compared, as the wiki's transcripts leave it out. Pasted server lines are compared with runs of blanks collapsed, as web pages show them.",
	"A VER answer in the echo form (verReply) leaves out the offered dialects the server does not speak.",
}

func (p *playground) renderHelp() app.UI {
	if !p.showHelp {
		return app.Text("")
	}
	return app.Div().Class("help").ID("help").Role("dialog").Aria("modal", false).Aria("labelledby", "help-title").Body(
		app.H2().ID("help-title").Text("Keyboard and notation"),
		app.Ul().Body(
			app.Li().Body(app.Kbd().Text("?"), app.Text(" show or hide this help (outside text fields)")),
			app.Li().Body(app.Kbd().Text("Esc"), app.Text(" close this help")),
			app.Li().Body(app.Kbd().Text("Alt"), app.Text(" + "), app.Kbd().Text("↑"), app.Text(" / "), app.Kbd().Text("↓"), app.Text(" in the editor: explain the previous / next client line")),
			app.Li().Body(app.Kbd().Text("Tab"), app.Text(" moves through tokens and field rows; focusing one highlights its partner")),
		),
		app.P().Text("Input: one client line per line, bare or after C: or >>>. S: and <<< lines are the answers you expect; .. continues the previous line; lines starting with # are comments."),
		app.P().Text("Sources: “documented” rules come from protocol references, “seen in real traffic” from logged sessions, “this playground's choice” where no source settles it. The choices:"),
		app.Ul().Class("choices").Body(app.Range(choices).Slice(func(i int) app.UI { return app.Li().Text(choices[i]) })),
		app.Button().Type("button").Class("btn").ID("help-close").OnClick(func(ctx app.Context, e app.Event) { p.setHelp(ctx, false) }).Text("Close"),
	)
}

// option is an <option>, selected when sel. Only a selected one carries
// the attribute: go-app writes a false boolean as selected="false" in the
// prerendered page, which a browser reads as selected.
func option(value string, sel bool) app.HTMLOption {
	o := app.Option().Value(value)
	if sel || app.IsClient {
		o = o.Selected(sel)
	}
	return o
}
