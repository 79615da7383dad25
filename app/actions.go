package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// The actions the panes send up to the page, which owns the state. A
// pane's handler sends one and calls PreventUpdate: the page redraws
// once, when it has handled the action.
const (
	actionSelect         = "cvq/select-row"      // int: a transcript row
	actionEdit           = "cvq/edit"            // editorInput: the editor's text as typed
	actionCaret          = "cvq/caret"           // int: the caret's offset, in UTF-16 units
	actionStep           = "cvq/step"            // int: -1 or 1, the row above or below
	actionCopy           = "cvq/copy"            // copyText: a text for the clipboard
	actionRestore        = "cvq/restore"         // the user's own text back, after a link
	actionDismiss        = "cvq/dismiss"         // no, keep the link's text
	actionPreset         = "cvq/preset"          // string: a built-in policy's name
	actionPolicy         = "cvq/policy"          // string: the edited policy's JSON
	actionReset          = "cvq/reset"           // back to the preset, from an edited policy
	actionExample        = "cvq/example"         // int: an index in examples
	actionAppend         = "cvq/append"          // string: a line for the end of the input
	actionTab            = "cvq/tab"             // tabFocus: the tools' tab to show
	actionLink           = "cvq/copy-link"       // the page's link for the clipboard
	actionTheme          = "cvq/theme"           // the other theme
	actionHelp           = "cvq/help"            // bool: open or close the help
	actionCopyTranscript = "cvq/copy-transcript" // the transcript in the wiki's notation for the clipboard
	actionBuilder        = "cvq/builder"         // builder: the request builder's form
)

// editorInput is the editor's text with the caret's offset, in UTF-16 units.
type editorInput struct {
	Text  string
	Units int
}

// copyText is a text for the clipboard, and what to call it in the
// message that says how it went.
type copyText struct{ What, Text string }

// send posts an action from a pane's handler, and leaves the redraw to
// the page that handles it.
func send(ctx app.Context, action string, v any) {
	ctx.NewActionWithValue(action, v)
	ctx.PreventUpdate()
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
