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
	actionExample        = "cvq/example"         // example: an example to load
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
