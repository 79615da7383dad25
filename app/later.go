package main

import (
	"time"

	"cvq-playground/protocol"
	"cvq-playground/wasm"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The panes below the first screen are drawn after the page is usable,
// one per idle moment, while the prerendered ones stand in for them.

// lowerState is what the panes drawn later show: when it changes, they
// are drawn at once.
type lowerState struct {
	input                     string
	policy                    *protocol.Policy
	sel                       int
	tab, status               string
	custom, customErr, preset string
}

func (p *playground) lowerState() lowerState {
	return lowerState{p.input, p.policy, p.sel, p.tab, p.status, p.custom, p.customErr, p.preset}
}

// standIn puts the prerendered panes in the places of those drawn later
// (hidden when the restored state is not the prerendered one: they only
// hold the room then), and draws these when the browser is idle. The
// first render draws only what the first screen needs to work, the
// header, the editor and the transcript, so that the page is usable
// sooner and each pane drawn later is a short task of its own.
func (p *playground) standIn(ctx app.Context) {
	p.standInShown = p.shown == p.lowerState()
	wasm.ShowPrerendered("#explanation", "later-explanation", p.standInShown)
	wasm.ShowPrerendered(".tools-pane", "later-tools", p.standInShown)
	p.shown = p.lowerState()
	p.drawLater(ctx)
}

// drawLater draws the next pane left for later once the browser is idle,
// then the one after it.
func (p *playground) drawLater(ctx app.Context) {
	if p.later == 0 {
		return
	}
	wasm.WhenIdle(300*time.Millisecond, func() {
		ctx.Dispatch(func(ctx app.Context) {
			p.later = max(p.later-1, 0)
			ctx.Defer(func(ctx app.Context) {
				if p.later == 1 {
					// The tools are drawn; their table's stand-in, which
					// was in the prerendered tools, moves into the new ones.
					wasm.ShowPrerendered("#captures", "later-captures", p.standInShown)
				}
				p.drawLater(ctx)
			})
		})
	})
}

// drawn reports whether the part of order (its place in the count of
// p.later) is drawn: once the browser got to it, or at once when the
// state is no longer the one its stand-in shows. Once drawn, a part
// stays drawn.
func (p *playground) drawn(order int) bool {
	if p.later >= order && p.shown != p.lowerState() {
		p.later = 0
	}
	return p.later < order
}

// laterPane is pane once drawn, else the element its stand-in is put in.
func (p *playground) laterPane(order int, id string, pane func() app.UI) app.UI {
	if p.drawn(order) {
		return pane()
	}
	return laterSlot(id)
}

// laterSlot is the element a stand-in is put in.
func laterSlot(id string) app.UI { return app.Div().Class("later").ID(id) }
