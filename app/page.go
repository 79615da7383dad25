package main

import (
	"sync/atomic"
	"time"

	"cvq-playground/app/share"
	"cvq-playground/wasm"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pageCore is what the playground and the embed do alike in the browser
// with their pageState: they follow the children's actions, keep the
// link in step with the state, save a moment after the last change, and
// follow links pasted into the address bar. Both route components embed
// it; what differs is passed in as functions.
type pageCore struct {
	pageState
	saveGen  atomic.Int64      // debounces saving to local storage and the URL
	persist  func(app.Context) // keeps the state for the next visit; nil in the embed
	showLink bool              // the address bar follows the state
	withEras bool              // the page shows every preset's answer: bring them up to date when changes settle
	release  []func()          // what mount registered outside go-app
	// announced is what the live region says: the selected line's answer,
	// once changes settle.
	announced string
}

// mount starts the page in the browser on the state the link carries
// (own is the user's saved text, if any).
func (c *pageCore) mount(ctx app.Context, own string) {
	wasm.Mark("cvq-mount")
	// The first frame the WebAssembly rendered is in the page now: mark
	// when it is painted, for the load measurements.
	wasm.NextFrame(func() { wasm.Mark("cvq-rendered") })
	frag, _ := wasm.Fragment()
	c.applyLink(frag, own, c.persist != nil)
	if c.theme != "" {
		wasm.SetRootTheme(c.theme)
	}
	wasm.Mark("cvq-mounted")
	// The editor drawn by the first render is empty (see serverText):
	// written now, not after the next render, it never shows empty.
	wasm.SetValue("editor", func() string { return c.input })
	c.pushEditors(ctx)
	c.handleActions(ctx)
	// The link (JSON, then deflated) is no part of the start: it is
	// written once the browser is idle.
	wasm.WhenIdle(time.Second, func() { ctx.Dispatch(c.syncURL) })
	c.erasSoon(ctx)
	c.listen(wasm.OnHashChange(func() {
		frag, _ := wasm.Fragment()
		ctx.Dispatch(func(ctx app.Context) {
			if frag != c.link {
				c.applyLink(frag, c.input, c.persist != nil)
				c.pushEditors(ctx)
				c.erasSoon(ctx)
				wasm.SetRootTheme(c.theme)
			}
		})
	}))
}

// erasSoon brings every preset's answers up to the text once the browser
// is idle: a text restored or opened from a link may be long.
func (c *pageCore) erasSoon(ctx app.Context) {
	if c.withEras {
		wasm.WhenIdle(300*time.Millisecond, func() { ctx.Dispatch(func(app.Context) { c.updateEras() }) })
	}
}

// listen keeps the release of a listener for dismount.
func (c *pageCore) listen(release func(), _ error) {
	c.release = append(c.release, release)
}

// dismount releases the listeners mount added.
func (c *pageCore) dismount() {
	for _, r := range c.release {
		r()
	}
	c.release = nil
}

// changed saves the state and updates the link, a moment after the last
// change. Only the last of a burst of changes dispatches: every dispatch
// redraws the page.
func (c *pageCore) changed(ctx app.Context) {
	gen := c.saveGen.Add(1)
	ctx.Async(func() {
		time.Sleep(300 * time.Millisecond)
		if c.saveGen.Load() != gen {
			return
		}
		ctx.Dispatch(func(ctx app.Context) {
			// A change queued while this waited its turn restarts the pause.
			if c.saveGen.Load() != gen {
				return
			}
			c.announced = c.announcement()
			if c.withEras {
				c.updateEras()
			}
			c.syncURL(ctx)
			if c.persist != nil {
				c.persist(ctx)
			}
		})
	})
}

// syncURL computes the link of the state and, where the address bar
// follows the state, writes it into the URL's fragment without a new
// history entry.
func (c *pageCore) syncURL(ctx app.Context) {
	if len(c.input) > share.MaxBytes || len(c.custom) > share.MaxBytes {
		c.link = ""
		c.status = "The text is larger than a link can carry (256 KiB): the address no longer follows it."
		return
	}
	share.Encode(c.shareState(), wasm.DeflateRaw, func(frag string) {
		ctx.Dispatch(func(ctx app.Context) {
			c.link = frag
			if !c.showLink || frag == "" {
				return
			}
			if err := wasm.ReplaceFragment(frag); err != nil {
				c.status = "Could not update the link: " + err.Error()
			}
		})
	})
}

// pushEditors writes the editor's and the policy editor's texts into the
// page after the next render. The textareas are not bound to the state
// (see serverText): the program writes them when it changes their text,
// so that typing is never overwritten and the browser keeps its undo
// history. The policy's JSON is computed only when its editor is open.
func (c *pageCore) pushEditors(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		wasm.SetValue("editor", func() string { return c.input })
		wasm.SetValue("policy-json", c.policyText)
	})
}

// copy puts text on the clipboard and says how it went.
func (c *pageCore) copy(ctx app.Context, what, text string) {
	wasm.CopyText(text, func(err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				c.status = "Could not copy " + what + ": " + err.Error()
				return
			}
			c.status = "Copied " + what + "."
		})
	})
}

// handleActions follows the actions that both routes share.
func (c *pageCore) handleActions(ctx app.Context) {
	ctx.Handle(actionSelect, func(ctx app.Context, a app.Action) {
		if i, ok := a.Value.(int); ok && i >= 0 && i < len(c.res.Rows) {
			c.sel = i
			c.changed(ctx)
		}
	})
	ctx.Handle(actionEdit, func(ctx app.Context, a app.Action) {
		if e, ok := a.Value.(editorInput); ok {
			c.edited(e.Text, e.Units)
			c.changed(ctx)
		}
	})
	ctx.Handle(actionCaret, func(ctx app.Context, a app.Action) {
		if units, ok := a.Value.(int); !ok || !c.caretMoved(units) {
			ctx.PreventUpdate() // the same row: nothing to redraw
		}
	})
	ctx.Handle(actionStep, func(ctx app.Context, a app.Action) {
		if d, ok := a.Value.(int); ok {
			c.step(d)
		}
	})
	ctx.Handle(actionCopy, func(ctx app.Context, a app.Action) {
		if t, ok := a.Value.(copyText); ok {
			c.copy(ctx, t.What, t.Text)
		}
	})
	ctx.Handle(actionCopyTranscript, func(ctx app.Context, a app.Action) {
		c.copy(ctx, "the transcript", respondText(c.policy, c.input))
	})
	ctx.Handle(actionRestore, func(ctx app.Context, a app.Action) {
		c.setInput(c.previous, 1)
		c.pushEditors(ctx)
		c.previous = ""
		c.changed(ctx)
	})
	ctx.Handle(actionDismiss, func(ctx app.Context, a app.Action) { c.previous = "" })
}
