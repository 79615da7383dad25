package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// editorPane is the editor of client lines. In the browser its textarea
// is not bound to Text (see serverText): the page writes it when the
// program changes the text, and the pane sends what is typed up.
type editorPane struct {
	app.Compo
	Text    string // the prerendered content
	Rows    int
	Wrap    string // "off", or "soft" in the embed
	Skipped int    // client lines beyond maxEvaluatedLines
	// Open offers to open a file (a recording), picked or dropped on the
	// editor; FileMsg says how the last one went, FileErr whether it failed.
	Open    bool
	FileMsg string
	FileErr bool
}

func (p *editorPane) Render() app.UI {
	return app.Section().Class("pane editor-pane").Aria("labelledby", "editor-label").Body(
		app.Div().Class("pane-head").Body(
			app.H2().ID("editor-label").Body(app.Label().For("editor").Text("Client lines")),
			app.Span().Class("hint").Text("Type or paste: bare lines, C:/S:, >>>/<<<, .. continuations"),
			app.If(p.Open, func() app.UI {
				// The button opens the hidden input's file chooser (see
				// wasm.OnFilePick).
				return app.Span().Class("file-open").Body(
					app.Button().Type("button").ID("open-file-button").Class("btn small").
						Disabled(!app.IsClient).Aria("describedby", "editor-help").Text("Open file…"),
					app.Input().Type("file").ID("open-file").Accept(".txt,.log,text/plain").Hidden(true).TabIndex(-1),
				)
			}),
		),
		app.Textarea().ID("editor").Class("editor").Spellcheck(false).Wrap(p.Wrap).
			Attr("autocapitalize", "off").Attr("autocomplete", "off").
			Aria("describedby", "editor-help").
			// Prerendered, the editor is read-only: what is typed before
			// the WebAssembly starts would be lost when it draws the page.
			ReadOnly(!app.IsClient).
			Body(serverText(p.Text)).Rows(p.Rows).
			OnInput(p.onInput).OnKeyUp(p.onCaret).OnClick(p.onCaret).OnKeyDown(p.onKeyDown),
		app.P().ID("editor-help").Class("hint").Text("Each line is sent by the client in order; after the server disconnects, the next line opens a new connection. S: lines are compared with the computed answer."+
			map[bool]string{true: " Drop a file on the editor, or open one, to read a recording of probe or listen.", false: ""}[p.Open]),
		app.If(p.FileMsg != "", func() app.UI {
			if p.FileErr {
				return app.P().Class("warn").ID("file-message").Role("alert").Text(p.FileMsg)
			}
			return app.P().Class("hint").ID("file-message").Role("status").Text(p.FileMsg)
		}),
		app.If(p.Skipped > 0, func() app.UI {
			return app.P().Class("warn").Role("status").Textf("Only the first %d client lines are evaluated; %d more are not.", maxEvaluatedLines, p.Skipped)
		}),
	)
}

func (p *editorPane) onInput(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	send(ctx, actionEdit, editorInput{Text: src.Get("value").String(), Units: src.Get("selectionStart").Int()})
}

// onCaret tells where the caret went; the page redraws only when that
// selects another row.
func (p *editorPane) onCaret(ctx app.Context, e app.Event) {
	send(ctx, actionCaret, ctx.JSSrc().Get("selectionStart").Int())
}

// onKeyDown: Alt+↑ and Alt+↓ explain the previous and the next line.
func (p *editorPane) onKeyDown(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if !e.Get("altKey").Bool() {
		return
	}
	switch e.Get("key").String() {
	case "ArrowUp":
		e.PreventDefault()
		send(ctx, actionStep, -1)
	case "ArrowDown":
		e.PreventDefault()
		send(ctx, actionStep, 1)
	}
}
