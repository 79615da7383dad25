package main

import (
	"errors"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"cvq-playground/protocol"
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

// Side panel tabs.
const (
	tabPolicy   = "policy"
	tabBuilder  = "builder"
	tabExamples = "examples"
)

// playground is the page: an editor of client lines, the computed
// transcript, the selected line explained, and tools around them. It owns
// all the state; the views are methods that read it.
type playground struct {
	app.Compo

	input     string
	preset    string           // the chosen built-in policy
	custom    string           // the policy JSON being edited; "" when none
	customErr string           // the mistake in custom, shown next to it
	policy    *protocol.Policy // the policy in force: the last valid one
	res       result
	sel       int    // selected row, -1 for none
	theme     string // "light", "dark", or "" to follow the system
	tab       string
	showHelp  bool
	status    string       // a short message about the last action
	mounted   bool         // set in the browser only: the WebAssembly runs
	saveGen   atomic.Int64 // debounces saving to local storage and the URL
	builder   builder
	embed     bool   // the /embed page: editor, answers and explanation only
	linkMsg   string // what went wrong with the link the page was opened with
	previous  string // the user's own text, replaced by a link's; "" when none
	home      string // the playground's address, relative to the embed
	link      string // the fragment that carries the state, as last computed
	update    bool   // a new version of the site is ready
	caret     caretAt
	announced string // what the live region says: the answer, once changes settle
}

// caretAt remembers the editor line of a caret offset in the current
// input (line 0: nothing remembered), so that the keyup that follows each
// typed character does not count the lines of the whole text again.
type caretAt struct{ units, line int }

// OnAppUpdate is called by go-app when the service worker has installed a
// new version of the site: the page offers to reload into it.
func (p *playground) OnAppUpdate(ctx app.Context) {
	p.update = ctx.AppUpdateAvailable()
}

func newPlayground() *playground {
	return newPage(false)
}

func newEmbed() *playground {
	return newPage(true)
}

func newPage(embed bool) *playground {
	p := &playground{tab: tabExamples, embed: embed, home: "./"}
	p.setPreset(protocol.DefaultPreset)
	p.setInput(wikiExamples, 1)
	p.builder = newBuilder()
	return p
}

// setPreset makes a built-in policy the one in force, dropping a custom one.
func (p *playground) setPreset(name string) bool {
	pol, err := protocol.Preset(name)
	if err != nil {
		p.status = err.Error()
		return false
	}
	p.preset, p.policy, p.custom, p.customErr = name, pol, "", ""
	p.recompute(-1)
	return true
}

// setCustom takes an edited policy: in force when valid, else the mistake
// is shown and the last valid policy stays.
func (p *playground) setCustom(text string) {
	p.custom = text
	pol, err := protocol.DecodePolicy([]byte(text))
	if err != nil {
		p.customErr = err.Error()
		return
	}
	p.customErr = ""
	p.policy = pol
	p.recompute(-1)
}

func (p *playground) setInput(text string, caretLine int) {
	p.input, p.caret = text, caretAt{}
	p.recompute(caretLine)
}

// recompute evaluates the input with the policy in force; caretLine
// (1-based) selects a row, or -1 keeps the selected row's position.
func (p *playground) recompute(caretLine int) {
	keep := -1
	if caretLine < 0 && p.sel >= 0 && p.sel < len(p.res.Rows) {
		keep = p.res.Rows[p.sel].Line
	}
	p.res = reevaluate(&p.res, p.policy, p.input)
	switch {
	case caretLine > 0:
		p.sel = p.res.rowAtLine(caretLine)
	case keep > 0:
		p.sel = p.res.rowAtLine(keep)
	default:
		p.sel = 0
	}
	if p.sel < 0 && len(p.res.Rows) > 0 {
		p.sel = 0
	}
	if p.sel >= len(p.res.Rows) {
		p.sel = len(p.res.Rows) - 1
	}
}

func (p *playground) selected() *row {
	if p.sel < 0 || p.sel >= len(p.res.Rows) {
		return nil
	}
	return &p.res.Rows[p.sel]
}

// OnMount runs in the browser: it restores what the user had or what the
// link carries, follows the system's colour scheme, and listens for the
// page's keyboard shortcuts and for links pasted into the address bar.
func (p *playground) OnMount(ctx app.Context) {
	wasm.Mark("cvq-mount")
	// The first frame the WebAssembly rendered is in the page now: mark
	// when it is painted, for the load measurements, and let a service
	// worker that waits for the page to start precache the site now.
	wasm.NextFrame(func() {
		wasm.Mark("cvq-rendered")
		wasm.TellNewWorker(workerPageStarted)
	})
	var theme, preset, custom, saved string
	ls := ctx.LocalStorage()
	if !p.embed {
		ls.Get(storeTheme, &theme)
		ls.Get(storePreset, &preset)
		ls.Get(storeCustom, &custom)
		ls.Get(storeInput, &saved)
	}
	p.restore(preset, custom, saved)
	p.theme = theme
	frag, _ := wasm.Fragment()
	p.applyLink(frag, saved)
	if p.theme != "" {
		wasm.SetRootTheme(p.theme)
	}
	p.mounted = true
	wasm.Mark("cvq-mounted")
	p.pushEditors(ctx)
	ctx.Handle(actionSelect, func(ctx app.Context, a app.Action) {
		if i, ok := a.Value.(int); ok && i >= 0 && i < len(p.res.Rows) {
			p.sel = i
			p.save(ctx)
		}
	})
	if p.embed {
		// /embed/ sits one folder below the playground; /embed and
		// /embed.html beside it.
		if path := app.Window().URL().Path; strings.HasSuffix(path, "/embed/") {
			p.home = "../"
		}
		if err := wasm.ReportHeight(); err != nil {
			p.status = "Could not report the height to the page: " + err.Error()
		}
	}
	p.syncURL(ctx)
	app.Window().Call("addEventListener", "hashchange", app.FuncOf(func(this app.Value, args []app.Value) any {
		frag, _ := wasm.Fragment()
		ctx.Dispatch(func(ctx app.Context) {
			if frag != p.link {
				p.applyLink(frag, p.input)
				p.pushEditors(ctx)
				wasm.SetRootTheme(p.theme)
			}
		})
		return nil
	}))
	app.Window().Call("addEventListener", "keydown", app.FuncOf(func(this app.Value, args []app.Value) any {
		if len(args) == 0 {
			return nil
		}
		ev := args[0]
		key := ev.Get("key").String()
		tag := strings.ToLower(ev.Get("target").Get("tagName").String())
		typing := tag == "textarea" || tag == "input" || tag == "select"
		switch {
		case key == "Escape" && p.showHelp:
			ctx.Dispatch(func(ctx app.Context) { p.setHelp(ctx, false) })
		case key == "?" && !typing && !ev.Get("ctrlKey").Bool() && !ev.Get("metaKey").Bool() && !p.embed:
			ev.Call("preventDefault")
			ctx.Dispatch(func(ctx app.Context) { p.setHelp(ctx, !p.showHelp) })
		}
		return nil
	}))
}

// restore takes what local storage held.
func (p *playground) restore(preset, custom, saved string) {
	if preset != "" && preset != p.preset {
		p.setPreset(preset)
	}
	if custom != "" {
		p.setCustom(custom)
	}
	if saved != "" {
		p.setInput(saved, 1)
	}
}

// applyLink loads the state a link carries. A broken link leaves the
// page as it was (the user's saved text or the default example) and says
// why; a good one replaces the text, and keeps the user's own for a click
// on "Restore".
func (p *playground) applyLink(frag, own string) {
	st, ok, err := decodeShare(frag)
	switch {
	case err != nil:
		p.linkMsg = "This link could not be read: " + err.Error() + ". Showing " +
			map[bool]string{true: "your saved text", false: "the default example"}[own != ""] + " instead."
		return
	case !ok:
		return
	}
	p.linkMsg = ""
	if own != "" && own != st.Input && !p.embed {
		p.previous = own
	}
	p.setPreset(st.Policy)
	if st.Custom != "" {
		p.setCustom(st.Custom)
		if p.customErr != "" {
			p.linkMsg = "The link's edited policy has a mistake (" + p.customErr + "); the preset " + st.Policy + " is in force."
		}
	}
	p.setInput(st.Input, max(st.Sel, 1))
	if st.Theme != "" {
		p.theme = st.Theme
	}
}

// shareState is the page's state as a link carries it.
func (p *playground) shareState() shareState {
	st := shareState{Policy: p.preset, Custom: p.custom, Input: p.input, Theme: p.theme}
	if r := p.selected(); r != nil && p.sel > 0 {
		st.Sel = r.Line
	}
	return st
}

// syncURL computes the link of the state and, in the playground, writes
// it into the URL's fragment without a new history entry.
func (p *playground) syncURL(ctx app.Context) {
	if len(p.input) > maxShareBytes || len(p.custom) > maxShareBytes {
		p.link = ""
		p.status = "The text is larger than a link can carry (256 KiB): the address no longer follows it."
		return
	}
	encodeShare(p.shareState(), func(frag string) {
		ctx.Dispatch(func(ctx app.Context) {
			p.link = frag
			if p.embed || frag == "" {
				return
			}
			if err := wasm.ReplaceFragment(frag); err != nil {
				p.status = "Could not update the link: " + err.Error()
			}
		})
	})
}

// setHelp opens or closes the help panel, moving the focus into it when it
// opens and back to its button when it closes.
func (p *playground) setHelp(ctx app.Context, open bool) {
	p.showHelp = open
	target := "help-button"
	if open {
		target = "help-close"
	}
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(target); el.Truthy() {
			el.Call("focus")
		}
	})
}

// save stores the state in local storage, and in the link, a moment after
// the last change. Only the last of a burst of changes dispatches: every
// dispatch redraws the page.
func (p *playground) save(ctx app.Context) {
	gen := p.saveGen.Add(1)
	ctx.Async(func() {
		time.Sleep(300 * time.Millisecond)
		if p.saveGen.Load() != gen {
			return
		}
		ctx.Dispatch(func(ctx app.Context) {
			p.announced = p.announcement()
			p.syncURL(ctx)
			if p.embed {
				return // an embed leaves the playground's own storage alone
			}
			ls := ctx.LocalStorage()
			err := errors.Join(ls.Set(storeInput, p.input), ls.Set(storePreset, p.preset), ls.Set(storeCustom, p.custom))
			if err != nil {
				p.status = "Your text could not be kept for the next visit (the browser's storage refused it: " + err.Error() + "). Copy it somewhere safe."
			}
		})
	})
}

// editorRows fits an embed's editor to its text, so that the frame, not
// the editor, grows; the playground's editor has a fixed height.
func editorRows(text string, embed bool) int {
	if !embed {
		return 16
	}
	return min(max(strings.Count(text, "\n")+2, 3), 40)
}

// serverText is a textarea's content as the server prerenders it. In the
// browser the textareas are not bound to the state: pushEditors writes
// them when the program changes their text, so that typing is never
// overwritten and the browser keeps its undo history.
func serverText(s string) app.UI {
	if app.IsClient {
		return nil
	}
	return app.Text(s)
}

// pushEditors writes the editor's and the policy editor's texts into the
// page after the next render.
func (p *playground) pushEditors(ctx app.Context) {
	ctx.Defer(func(app.Context) {
		setValue("editor", func() string { return p.input })
		setValue("policy-json", p.policyText)
	})
}

// setValue sets the value of the textarea id, if it is in the page; the
// text is computed only then (the policy's JSON is not needed until its
// tab is open).
func setValue(id string, text func() string) {
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return
	}
	if t := text(); el.Get("value").String() != t {
		el.Set("value", t)
	}
}

// policyText is the policy editor's text: the edited copy, or the preset.
func (p *playground) policyText() string {
	if p.custom != "" {
		return p.custom
	}
	return string(p.policy.JSON())
}

// lineAtUnits returns the 1-based line of s that holds the offset units,
// counted in UTF-16 code units as the browser counts selectionStart. It
// runs on every keystroke over the text before the caret: one pass, with
// a quick path for ASCII, and no allocation.
func lineAtUnits(s string, units int) int {
	line, n := 1, 0
	for i := 0; i < len(s) && n < units; {
		if c := s[i]; c < utf8.RuneSelf {
			if c == '\n' {
				line++
			}
			i++
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x10000 {
			n += 2 // a surrogate pair
		} else {
			n++ // invalid bytes decode to U+FFFD, one unit, as in the browser
		}
	}
	return line
}

func (p *playground) onEditorInput(ctx app.Context, e app.Event) {
	text := ctx.JSSrc().Get("value").String()
	units := ctx.JSSrc().Get("selectionStart").Int()
	line := lineAtUnits(text, units)
	p.setInput(text, line)
	p.caret = caretAt{units, line}
	p.save(ctx)
}

// onEditorCaret selects the row under the caret when it moves; when the
// row stays the same, the page is not redrawn.
func (p *playground) onEditorCaret(ctx app.Context, e app.Event) {
	units := ctx.JSSrc().Get("selectionStart").Int()
	if p.caret.line == 0 || p.caret.units != units {
		p.caret = caretAt{units, lineAtUnits(p.input, units)}
	}
	if i := p.res.rowAtLine(p.caret.line); i >= 0 && i != p.sel {
		p.sel = i
		return
	}
	ctx.PreventUpdate()
}

func (p *playground) onEditorKeyDown(ctx app.Context, e app.Event) {
	if !e.Get("altKey").Bool() {
		return
	}
	switch e.Get("key").String() {
	case "ArrowUp":
		e.PreventDefault()
		if p.sel > 0 {
			p.sel--
		}
	case "ArrowDown":
		e.PreventDefault()
		if p.sel < len(p.res.Rows)-1 {
			p.sel++
		}
	}
}

func (p *playground) onPresetChange(ctx app.Context, e app.Event) {
	if p.setPreset(ctx.JSSrc().Get("value").String()) {
		p.pushEditors(ctx)
		p.save(ctx)
	}
}

func (p *playground) toggleTheme(ctx app.Context, e app.Event) {
	dark := p.theme == "dark"
	if p.theme == "" {
		dark, _ = wasm.PrefersDark()
	}
	p.theme = map[bool]string{true: "light", false: "dark"}[dark]
	if err := wasm.SetRootTheme(p.theme); err != nil {
		p.status = "Could not switch the theme: " + err.Error()
	}
	ctx.LocalStorage().Set(storeTheme, p.theme)
	p.save(ctx)
}

func (p *playground) copyLink(ctx app.Context, e app.Event) {
	base, err := wasm.PageURL()
	if err != nil {
		p.status = "Could not build the link: " + err.Error()
		return
	}
	encodeShare(p.shareState(), func(frag string) {
		if frag == "" {
			ctx.Dispatch(func(ctx app.Context) { p.status = "This browser cannot compress the link of an edited policy." })
			return
		}
		p.copy(ctx, "the link", base+"#"+frag)
	})
}

func (p *playground) selectRow(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.sel = i
		p.save(ctx)
	}
}

func (p *playground) copy(ctx app.Context, what, text string) {
	wasm.CopyText(text, func(err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if err != nil {
				p.status = "Could not copy " + what + ": " + err.Error()
				return
			}
			p.status = "Copied " + what + "."
		})
	})
}

func (p *playground) loadExample(ex example) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.setPreset(ex.Policy)
		p.setInput(ex.Input, 1)
		p.pushEditors(ctx)
		p.status = "Loaded “" + ex.Title + "” with policy " + ex.Policy + "."
		p.save(ctx)
	}
}

// Render draws the page. It reads the state only, so that the server's
// prerendered page shows the default example's answers.
func (p *playground) Render() app.UI {
	if p.embed {
		return p.renderEmbed()
	}
	return app.Div().Class("root").Body(
		app.A().Class("skip").Href("#editor").Text("Skip to the editor"),
		p.renderHeader(),
		p.renderNotices(),
		app.Main().Class("layout").Body(
			p.renderEditor(),
			p.renderTranscript(),
			p.renderExplanation(),
			p.renderTools(),
			p.renderAnnouncer(),
		),
		p.renderHelp(),
		app.Footer().Class("footer").Body(
			app.P().Text("Everything is computed in your browser by the same Go engine as the command line; nothing you type leaves the page."),
		),
		app.If(p.mounted, func() app.UI {
			return app.Div().ID("wasm-ready").Hidden(true)
		}),
	)
}

func (p *playground) renderHeader() app.UI {
	themeLabel := "Dark theme"
	if p.theme == "dark" {
		themeLabel = "Light theme"
	}
	return app.Header().Class("top").Body(
		app.Div().Class("brand").Body(
			app.H1().Text("CVQ playground"),
			app.P().Class("tagline").Text("What an MSN Messenger Dispatch Server answers to CVQ and CVR, field by field."),
		),
		app.Div().Class("controls").Body(
			app.Label().For("preset").Text("Policy"),
			app.Select().ID("preset").OnChange(p.onPresetChange).Body(
				app.Range(presetList).Slice(func(i int) app.UI {
					pol := presetList[i]
					return option(pol.Name, pol.Name == p.preset).Title(pol.Description).
						Text(pol.Name + " (" + pol.Date + ")")
				}),
			),
			app.Button().Type("button").Class("btn").ID("copy-link").OnClick(p.copyLink).Text("Copy link"),
			app.Button().Type("button").Class("btn").ID("theme").OnClick(p.toggleTheme).Text(themeLabel),
			app.Button().Type("button").Class("btn").ID("help-button").Aria("expanded", p.showHelp).Aria("controls", "help").
				OnClick(func(ctx app.Context, e app.Event) { p.setHelp(ctx, !p.showHelp) }).Text("Help (?)"),
		),
		app.P().Class("policy-line").ID("policy-description").Body(
			app.Strong().Text(p.policy.Name),
			app.Text(": "+p.policy.Description),
			app.If(p.custom != "", func() app.UI { return app.Span().Class("badge").Text("edited") }),
		),
	)
}

func (p *playground) renderEditor() app.UI {
	skipped := p.res.Skipped
	return app.Section().Class("pane editor-pane").Aria("labelledby", "editor-label").Body(
		app.Div().Class("pane-head").Body(
			app.H2().ID("editor-label").Body(app.Label().For("editor").Text("Client lines")),
			app.Span().Class("hint").Text("Type or paste: bare lines, C:/S:, >>>/<<<, .. continuations"),
		),
		app.Textarea().ID("editor").Class("editor").Spellcheck(false).Wrap(map[bool]string{true: "soft", false: "off"}[p.embed]).
			Attr("autocapitalize", "off").Attr("autocomplete", "off").
			Aria("describedby", "editor-help").
			// Prerendered, the editor is read-only: what is typed before
			// the WebAssembly starts would be lost when it draws the page.
			ReadOnly(!app.IsClient).
			Body(serverText(p.input)).Rows(editorRows(p.input, p.embed)).
			OnInput(p.onEditorInput).OnKeyUp(p.onEditorCaret).OnClick(p.onEditorCaret).OnKeyDown(p.onEditorKeyDown),
		app.P().ID("editor-help").Class("hint").Text("Each line is sent by the client in order; after the server disconnects, the next line opens a new connection. S: lines are compared with the computed answer."),
		app.If(skipped > 0, func() app.UI {
			return app.P().Class("warn").Role("status").Textf("Only the first %d client lines are evaluated; %d more are not.", maxEvaluatedLines, skipped)
		}),
	)
}
