package main

import (
	"errors"

	"cvq-playground/app/share"
	"cvq-playground/wasm"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Local storage keys: the editor's content and the choices survive a reload.
const (
	storeInput  = "cvq.input"
	storePreset = "cvq.preset"
	storeCustom = "cvq.custom"
	storeTheme  = "cvq.theme"
)

// playground is the page at /: the editor of client lines, the computed
// transcript, the selected line explained, and tools around them. It owns
// the state; the panes get plain data and send actions back.
type playground struct {
	app.Compo
	pageCore
	tab      string // the tools' tab: tabExamples, tabBuilder or tabPolicy
	showHelp bool
	update   bool    // a new version of the site is ready
	builder  builder // the request builder's form

	deferred // the panes under the first screen, drawn when needed (later.go)
}

func newPlayground() *playground {
	p := &playground{tab: tabExamples, builder: newBuilder()}
	p.pageState = newPageState()
	p.persist = p.store
	p.showLink = true
	p.withEras = true
	p.updateEras()
	if app.IsClient {
		for part := range p.later {
			p.later[part] = true
		}
	}
	return p
}

// OnInit runs before the first render, while the prerendered page is
// still in place: the panes drawn later keep its elements to stand in
// for them.
func (p *playground) OnInit() {
	if p.pending() {
		p.shownHead, p.shownLine, p.shownTool = p.headerState(), p.linesState(), p.toolsState()
		var sels []string
		for _, where := range laterPlaces {
			sels = append(sels, where.sel)
		}
		wasm.KeepPrerendered(sels...)
	}
}

// OnAppUpdate is called by go-app when the service worker has installed a
// new version of the site: the page offers to reload into it.
func (p *playground) OnAppUpdate(ctx app.Context) {
	p.update = ctx.AppUpdateAvailable()
}

// OnMount runs in the browser: it restores what the user had or what the
// link carries, and listens for the actions of the panes, the page's
// keyboard shortcuts and links pasted into the address bar.
func (p *playground) OnMount(ctx app.Context) {
	var theme, preset, custom, saved string
	ls := ctx.LocalStorage()
	ls.Get(storeTheme, &theme)
	ls.Get(storePreset, &preset)
	ls.Get(storeCustom, &custom)
	ls.Get(storeInput, &saved)
	p.restore(preset, custom, saved)
	p.theme = theme
	p.mount(ctx, saved)
	p.handlePlayground(ctx)
	p.standIn(ctx)
	p.listen(wasm.OnFileDrop("editor", maxFileBytes, p.fileOpened(ctx)))
	p.listen(wasm.OnFilePick("open-file-button", "open-file", maxFileBytes, p.fileOpened(ctx)))
	p.listen(wasm.OnKeyDown(func(k wasm.Key) bool {
		switch {
		case k.Name == "Escape" && p.showHelp:
			ctx.Dispatch(func(ctx app.Context) { p.setHelp(ctx, false) })
		case k.Name == "?" && !k.InField && !k.Ctrl && !k.Meta:
			ctx.Dispatch(func(ctx app.Context) { p.setHelp(ctx, !p.showHelp) })
			return true
		}
		return false
	}))
}

// fileOpened returns what to do with a file dropped on the editor or
// picked: open it, or say why not next to the editor.
func (p *playground) fileOpened(ctx app.Context) func(wasm.File, error) {
	return func(f wasm.File, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.fileMsg, p.fileErr = "Could not open "+f.Name+": "+err.Error()+".", true
				if tooLarge := (*wasm.TooLargeError)(nil); errors.As(err, &tooLarge) {
					p.fileMsg = "Not opened: " + err.Error() + "."
				}
				return
			}
			msg, ok := p.openFile(f.Name, f.Text)
			p.fileMsg, p.fileErr = msg, !ok
			p.pushEditors(ctx)
			p.changed(ctx)
		})
	}
}

// OnDismount releases the listeners OnMount added.
func (p *playground) OnDismount() { p.dismount() }

// store keeps the text and the policy for the next visit.
func (p *playground) store(ctx app.Context) {
	ls := ctx.LocalStorage()
	err := errors.Join(ls.Set(storeInput, p.input), ls.Set(storePreset, p.preset), ls.Set(storeCustom, p.custom))
	if err != nil {
		p.status = "Your text could not be kept for the next visit (the browser's storage refused it: " + err.Error() + "). Copy it somewhere safe."
	}
}

// setHelp opens or closes the help panel, moving the focus into it when it
// opens and back to its button when it closes.
func (p *playground) setHelp(ctx app.Context, open bool) {
	p.showHelp = open
	target := "help-button"
	if open {
		target = "help-close"
	}
	ctx.Defer(func(app.Context) { wasm.Focus(target) })
}

// Render draws the page. It reads the state only, so that the server's
// prerendered page shows the default example's answers.
func (p *playground) Render() app.UI {
	return app.Div().Class("root").Body(
		app.A().Class("skip").Href("#editor").Text("Skip to the editor"),
		p.laterPane(partHeader, func() app.UI {
			return &pageHeader{
				Preset: p.preset, PolicyName: p.policy.Name, PolicyDescription: p.policy.Description, PolicySource: p.policy.Source,
				Edited: p.custom != "", Theme: p.theme, HelpOpen: p.showHelp,
			}
		}),
		&notices{Update: p.update, LinkMsg: p.linkMsg, ReplacedBy: p.replacedBy()},
		app.Main().Class("layout").Body(
			&editorPane{Text: p.input, Rows: 16, Wrap: "off", Skipped: p.res.Skipped, Open: true, FileMsg: p.fileMsg, FileErr: p.fileErr},
			p.laterPane(partTranscript, func() app.UI { return newTranscriptPane(&p.pageState) }),
			p.laterPane(partExplanation, func() app.UI {
				ex := newExplanationPane(&p.pageState)
				ex.Eras = p.eraView()
				return ex
			}),
			p.laterPane(partTools, func() app.UI {
				return &toolsPane{
					Tab: p.tab, Status: p.status, NextTrID: p.nextTrID(), Builder: p.builder, Captures: p.drawn(partCaptures),
					Policy: policyView{
						Name: p.policy.Name, Date: p.policy.Date, Source: p.policy.Source, Preset: p.preset,
						Err: p.customErr, Edited: p.custom != "", Text: p.prerenderedPolicy(),
					},
				}
			}),
			&announcer{Text: p.announced},
		),
		app.If(p.showHelp, func() app.UI { return &helpPanel{} }),
		app.Footer().Class("footer").Body(
			app.P().Text("Everything is computed in your browser by the same Go engine as the command line; nothing you type leaves the page."),
		),
		// Drawn by the first render in the browser: the mount (OnMount)
		// ends the same task, so the page is live when anyone sees it.
		// Drawn by the update after the mount, it came a timer and a
		// frame later: 24–34 ms of a warm start.
		app.If(app.IsClient, func() app.UI {
			ready := app.Div().ID("wasm-ready").Hidden(true)
			if p.pending() {
				ready.Class("later") // some panes are still to be drawn
			}
			return ready
		}),
	)
}

// prerenderedPolicy is the policy editor's text in the prerendered page.
// In the browser the editor is written by pushEditors, and its JSON is
// computed only then.
func (p *playground) prerenderedPolicy() string {
	if app.IsClient || p.tab != tabPolicy {
		return ""
	}
	return p.policyText()
}

// nextTrID is the builder's TrID, counted only when its tab is open.
func (p *playground) nextTrID() int {
	if p.tab != tabBuilder {
		return 0
	}
	return nextTrID(&p.res)
}

// handlePlayground follows the actions of the panes only the playground
// has: the header, the tools and the help.
func (p *playground) handlePlayground(ctx app.Context) {
	ctx.Handle(actionPreset, func(ctx app.Context, a app.Action) {
		if name, ok := a.Value.(string); ok && p.setPreset(name) {
			p.pushEditors(ctx)
			p.changed(ctx)
		}
	})
	ctx.Handle(actionPolicy, func(ctx app.Context, a app.Action) {
		if text, ok := a.Value.(string); ok {
			p.setCustom(text)
			p.changed(ctx)
		}
	})
	ctx.Handle(actionReset, func(ctx app.Context, a app.Action) {
		p.setPreset(p.preset)
		p.pushEditors(ctx)
		p.changed(ctx)
	})
	ctx.Handle(actionExample, func(ctx app.Context, a app.Action) {
		if ex, ok := a.Value.(example); ok {
			p.setPreset(ex.Policy)
			p.setInput(ex.Input, 1)
			p.pushEditors(ctx)
			p.status = "Loaded “" + ex.Title + "” with policy " + ex.Policy + "."
			p.changed(ctx)
		}
	})
	ctx.Handle(actionBuilder, func(ctx app.Context, a app.Action) {
		if f, ok := a.Value.(builder); ok {
			p.builder = f
		}
	})
	ctx.Handle(actionAppend, func(ctx app.Context, a app.Action) {
		if line, ok := a.Value.(string); ok {
			p.setInput(appendLine(p.input, line), lineOfOffset(p.input, len(p.input))+1)
			p.pushEditors(ctx)
			p.sel = len(p.res.Rows) - 1
			p.status = "Added: " + line
			p.changed(ctx)
		}
	})
	ctx.Handle(actionTab, func(ctx app.Context, a app.Action) {
		if t, ok := a.Value.(tabFocus); ok {
			p.tab = t.Tab
			p.pushEditors(ctx)
			if t.Focus {
				ctx.Defer(func(app.Context) { wasm.Focus("tab-" + t.Tab) })
			}
		}
	})
	ctx.Handle(actionHelp, func(ctx app.Context, a app.Action) {
		if open, ok := a.Value.(bool); ok {
			p.setHelp(ctx, open)
		}
	})
	ctx.Handle(actionTheme, func(ctx app.Context, a app.Action) { p.toggleTheme(ctx) })
	ctx.Handle(actionLink, func(ctx app.Context, a app.Action) { p.copyLink(ctx) })
}

func (p *playground) toggleTheme(ctx app.Context) {
	dark := p.theme == "dark"
	if p.theme == "" {
		dark, _ = wasm.PrefersDark()
	}
	p.theme = map[bool]string{true: "light", false: "dark"}[dark]
	if err := wasm.SetRootTheme(p.theme); err != nil {
		p.status = "Could not switch the theme: " + err.Error()
	}
	ctx.LocalStorage().Set(storeTheme, p.theme)
	p.changed(ctx)
}

func (p *playground) copyLink(ctx app.Context) {
	base, err := wasm.PageURL()
	if err != nil {
		p.status = "Could not build the link: " + err.Error()
		return
	}
	share.Encode(p.shareState(), wasm.DeflateRaw, func(frag string) {
		if frag == "" {
			ctx.Dispatch(func(ctx app.Context) { p.status = "This browser cannot compress the link of an edited policy." })
			return
		}
		p.copy(ctx, "the link", base+"#"+frag)
	})
}
