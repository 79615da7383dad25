package main

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"cvq-playground/protocol"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// requestBuilder is a form that writes a request line, for the end of
// the editor's text.
type requestBuilder struct {
	app.Compo
	Form builder
	TrID int // the TrID of the line: the next of the session's
}

func (r *requestBuilder) Render() app.UI {
	b := r.Form
	line := b.line(r.TrID)
	field := func(id, label string, control app.UI) app.UI {
		return app.Div().Class("field").Body(app.Label().For(id).Text(label), control)
	}
	locales, oses, libs := localesByName(), systems(), libraries()
	var versions []protocol.Build
	for _, bd := range builds() {
		if bd.Library == b.Library {
			versions = append(versions, bd)
		}
	}
	return app.Form().Class("builder").OnSubmit(func(ctx app.Context, e app.Event) { e.PreventDefault() }).Body(
		field("b-command", "Command", app.Select().ID("b-command").OnChange(r.onField).Body(
			option("CVQ", b.Command == "CVQ").Text("CVQ (CVR0 fallback)"),
			option("CVR", b.Command == "CVR").Text("CVR (inside an MSNP session)"),
		)),
		field("b-locale", "Locale", app.Select().ID("b-locale").OnChange(r.onField).Body(
			app.Range(locales).Slice(func(i int) app.UI {
				l := locales[i]
				return option(l.Hex(), l.Hex() == b.Locale).Text(l.Display + " — " + l.Hex())
			}),
		)),
		field("b-system", "Operating system", app.Select().ID("b-system").OnChange(r.onField).Body(
			app.Range(oses).Slice(func(i int) app.UI {
				s := oses[i]
				v := s.Type + " " + s.Ver
				if s.Type == "mac" {
					v = "mac 10.4"
				}
				return option(v, v == b.System).Text(s.Name + " — " + v)
			}),
		)),
		field("b-library", "Library", app.Select().ID("b-library").OnChange(r.onField).Body(
			app.Range(libs).Slice(func(i int) app.UI {
				l := libs[i]
				return option(l, l == b.Library).Text(l)
			}),
		)),
		field("b-version", "Version", app.Select().ID("b-version").OnChange(r.onField).Body(
			app.Range(versions).Slice(func(i int) app.UI {
				v := versions[i]
				return option(v.Version, v.Version == b.Version).Text(v.Version + " — " + v.Product + " (" + v.Released + ")")
			}),
		)),
		field("b-clientid", "Client identification", app.Input().ID("b-clientid").Value(b.ClientID).OnInput(r.onField)),
		field("b-handle", "User handle", app.Input().ID("b-handle").Type("email").Value(b.Handle).OnInput(r.onField)),
		app.P().Class("preview").Body(app.Span().Class("hint").Text("Line: "), app.Code().ID("builder-line").Text(line)),
		app.Button().Type("button").Class("btn primary").ID("builder-insert").OnClick(func(ctx app.Context, e app.Event) { send(ctx, actionAppend, line) }).Text("Add to the editor"),
	)
}

// onField sends the form with the field that changed, found by its id;
// the page keeps the form, so that it outlives a visit to another tab.
func (r *requestBuilder) onField(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	send(ctx, actionBuilder, r.Form.with(src.Get("id").String(), src.Get("value").String()))
}

// builder is the request builder's form.
type builder struct {
	Command, Locale, System, Library, Version, ClientID, Handle string
}

func newBuilder() builder {
	return builder{Command: "CVQ", Locale: "0x0409", System: "winnt 5.1", Library: "MSNMSGR", Version: "6.0.0602", ClientID: "MSMSGS", Handle: "example@hotmail.com"}
}

// with returns the form with the field of the control id set to v. A new
// library comes with its first build.
func (b builder) with(id, v string) builder {
	field := map[string]*string{"b-command": &b.Command, "b-locale": &b.Locale, "b-system": &b.System,
		"b-library": &b.Library, "b-version": &b.Version, "b-clientid": &b.ClientID, "b-handle": &b.Handle}[id]
	if field == nil {
		return b
	}
	*field = v
	if id == "b-library" {
		known := builds()
		if i := slices.IndexFunc(known, func(bd protocol.Build) bool { return bd.Library == v }); i >= 0 {
			b.Version = known[i].Version
		}
	}
	return b
}

// line writes the request the form describes, with the given TrID.
func (b builder) line(trid int) string {
	sys := strings.Fields(b.System)
	for len(sys) < 2 {
		sys = append(sys, "")
	}
	parts := []string{b.Command, strconv.Itoa(trid), b.Locale, sys[0], sys[1], "i386", b.Library, b.Version, b.ClientID, b.Handle}
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, strings.Join(strings.Fields(p), ""))
		}
	}
	return strings.Join(out, " ")
}

// nextTrID is one more than the largest TrID in the input, so that an
// inserted line reads like the next command of the session.
func nextTrID(res *result) int {
	n := 0
	for _, e := range res.Transcript.Entries {
		r := protocol.Parse(e.Client)
		if r.TrIDErr == protocol.FaultNone && int(r.TrID) > n && r.TrID < 1<<31 {
			n = int(r.TrID)
		}
	}
	return n + 1
}

// The builder's choices, computed once, on first use: the tools pane is
// drawn after the start.
var (
	localesByName = sync.OnceValue(sortedLocales)
	libraries     = sync.OnceValue(knownLibraries)
	systems       = sync.OnceValue(protocol.Systems)
	builds        = sync.OnceValue(protocol.Builds)
)

// sortedLocales lists the LCID table in alphabetical order of names.
func sortedLocales() []protocol.Locale {
	ls := protocol.Locales()
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Display < ls[j].Display })
	return ls
}

// knownLibraries lists the known libraries, in release order.
func knownLibraries() []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range protocol.Builds() {
		if !seen[b.Library] {
			seen[b.Library] = true
			out = append(out, b.Library)
		}
	}
	return out
}

// appendLine adds line at the end of the input, on a line of its own.
func appendLine(input, line string) string {
	if input != "" && !strings.HasSuffix(input, "\n") {
		input += "\n"
	}
	return input + line + "\n"
}
