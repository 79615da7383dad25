package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

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

// helpPanel is the help: keys, notation, and the playground's choices.
type helpPanel struct{ app.Compo }

func (h *helpPanel) Render() app.UI {
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
		app.Button().Type("button").Class("btn").ID("help-close").OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionHelp, false) }).Text("Close"),
	)
}
