package main

import (
	"cvq-playground/app/share"
	"cvq-playground/wasm"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

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
		if i, ok := a.Value.(int); ok && i >= 0 && i < len(examples) {
			ex := examples[i]
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
