package main

import (
	"time"

	"cvq-playground/protocol"
	"cvq-playground/wasm"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The header, the transcript and the panes below the first screen are not
// drawn by the first render, which draws the editor: the prerendered ones
// stand in for them, and each is drawn when it is needed, as a task of its
// own: when it comes near the view (the header and the transcript, in
// view, at the first idle moments), when its
// stand-in is used (the click or focus is then replayed on the drawn
// pane), or at once when what it shows changes (typing draws the
// transcript in the keystroke's own update). A stand-in that does not
// show the restored state only holds the room; its pane is drawn at the
// next idle moment.

// laterPart is a part of the page drawn after the first render.
type laterPart int

const (
	partHeader      laterPart = iota // the title bar: policy, link, theme, help
	partTranscript                   // the computed transcript, beside the editor
	partExplanation                  // the selected line explained
	partTools                        // the tools' tabs
	partCaptures                     // the examples' table of captures, in the tools
	laterParts
)

// laterPlaces is where each part's stand-in comes from, a selector of the
// prerendered page that also matches the drawn pane, and the id of the
// slot the first render leaves for it. A flat slot has no box of its own,
// so that its stand-in is laid out as the pane is: the page's title bar,
// the layout's cell beside the editor.
var laterPlaces = [laterParts]struct {
	sel, slot string
	flat      bool
}{
	partHeader:      {"header.top", "later-header", true},
	partTranscript:  {".transcript-pane", "later-transcript", true},
	partExplanation: {"#explanation", "later-explanation", false},
	partTools:       {".tools-pane", "later-tools", false},
	partCaptures:    {"#captures", "later-captures", false},
}

// headerState is what the header shows; linesState what the transcript
// and the explanation show; toolsState what the tools and their table
// show. While a part is not drawn, a change of its state draws it at once.
type headerState struct {
	policy       *protocol.Policy
	preset       string
	edited, help bool
	theme        string
}

type linesState struct {
	input  string
	policy *protocol.Policy
	sel    int
}

type toolsState struct {
	policy                    *protocol.Policy
	tab, status               string
	custom, customErr, preset string
}

func (p *playground) headerState() headerState {
	return headerState{p.policy, p.preset, p.custom != "", p.showHelp, p.theme}
}

func (p *playground) linesState() linesState {
	return linesState{p.input, p.policy, p.sel}
}

func (p *playground) toolsState() toolsState {
	return toolsState{p.policy, p.tab, p.status, p.custom, p.customErr, p.preset}
}

// deferred is the playground's bookkeeping of the parts drawn later.
type deferred struct {
	later     [laterParts]bool   // not drawn yet: its stand-in holds the place
	unwatch   [laterParts]func() // stops watching its stand-in
	shownHead headerState        // what the prerendered header shows
	shownLine linesState         // what the prerendered transcript and explanation show
	shownTool toolsState         // what the prerendered tools show
	queued    [laterParts]bool   // waits for an idle moment
	idle      bool               // an idle moment is awaited
}

// pending reports whether some part is still to be drawn.
func (d *deferred) pending() bool {
	for _, l := range d.later {
		if l {
			return true
		}
	}
	return false
}

// stale reports whether part's stand-in no longer shows the state.
func (p *playground) stale(part laterPart) bool {
	switch part {
	case partHeader:
		return p.headerState() != p.shownHead
	case partTranscript, partExplanation:
		return p.linesState() != p.shownLine
	}
	return p.toolsState() != p.shownTool
}

// drawn reports whether part is drawn: once needed, or at once when its
// state is no longer the one its stand-in shows. Once drawn, a part stays
// drawn.
func (p *playground) drawn(part laterPart) bool {
	if p.later[part] && p.stale(part) {
		p.later[part] = false
	}
	return !p.later[part]
}

// laterPane is the part's pane once drawn, else the slot its stand-in is put in.
func (p *playground) laterPane(part laterPart, pane func() app.UI) app.UI {
	if p.drawn(part) {
		return pane()
	}
	return laterSlot(part)
}

// laterSlot is the element part's stand-in is put in.
func laterSlot(part laterPart) app.UI {
	class := "later"
	if laterPlaces[part].flat {
		class = "later flat"
	}
	return app.Div().Class(class).ID(laterPlaces[part].slot)
}

// standIn puts the prerendered header, transcript, explanation and tools
// in the places the first render left for them (see place).
func (p *playground) standIn(ctx app.Context) {
	p.place(ctx, partHeader)
	p.place(ctx, partTranscript)
	p.place(ctx, partExplanation)
	p.place(ctx, partTools)
}

// place moves part's stand-in into its slot. Shown, it is watched until
// the part is needed; else it is hidden and the part drawn when the
// browser is idle.
func (p *playground) place(ctx app.Context, part laterPart) {
	if !p.later[part] {
		return
	}
	where := laterPlaces[part]
	shown := !p.stale(part)
	wasm.ShowPrerendered(where.sel, where.slot, shown)
	if !shown {
		p.whenIdle(ctx, part)
		return
	}
	unwatch, err := wasm.WatchStandIn(where.slot, where.sel, func(replay func()) {
		ctx.Dispatch(func(ctx app.Context) {
			if replay == nil {
				p.whenIdle(ctx, part) // near the view
				return
			}
			p.draw(ctx, part, replay) // used
		})
	})
	if err != nil {
		p.whenIdle(ctx, part)
		return
	}
	p.unwatch[part] = unwatch
	p.listen(unwatch, nil)
}

// whenIdle queues part to be drawn at an idle moment: one part per
// moment, in the page's order, so that each is a short task.
func (p *playground) whenIdle(ctx app.Context, part laterPart) {
	p.queued[part] = true
	p.nextIdle(ctx)
}

// nextIdle draws the first queued part still to draw once the browser is
// idle.
func (p *playground) nextIdle(ctx app.Context) {
	if p.idle || p.nextQueued() < 0 {
		return
	}
	p.idle = true
	wasm.WhenIdle(300*time.Millisecond, func() {
		ctx.Dispatch(func(ctx app.Context) {
			p.idle = false
			if part := p.nextQueued(); part >= 0 {
				p.draw(ctx, part, nil)
			}
		})
	})
}

// nextQueued is the first part queued and still to draw, or -1.
func (p *playground) nextQueued() laterPart {
	for part := range laterParts {
		if p.queued[part] && p.later[part] {
			return part
		}
	}
	return -1
}

// draw draws part in this update, then replays the use of its stand-in,
// if any, on the drawn pane.
func (p *playground) draw(ctx app.Context, part laterPart, replay func()) {
	wasFirst := p.later[part]
	p.later[part] = false
	if part == partTools && replay != nil {
		// A use of the tools' stand-in may be in its table of captures:
		// both are drawn, so that the use lands on a live control at once.
		p.later[partCaptures] = false
	}
	ctx.Defer(func(ctx app.Context) {
		if wasFirst {
			p.afterDraw(ctx, part)
		}
		if replay != nil {
			replay()
		}
		p.nextIdle(ctx)
	})
}

// afterDraw stops watching part's stand-in, gone with its slot. The
// captures' stand-in was in the prerendered tools: once the tools are
// drawn, it moves into the new ones.
func (p *playground) afterDraw(ctx app.Context, part laterPart) {
	if u := p.unwatch[part]; u != nil {
		u()
		p.unwatch[part] = nil
	}
	if part == partTools && p.later[partCaptures] {
		p.place(ctx, partCaptures)
	}
}
