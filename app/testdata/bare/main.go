// Command bare is the smallest go-app page, of the same go-app version as
// the playground: the baseline that ./build.sh bench measures the
// playground's start against. It lives under testdata so that it never
// ships. Built with GOOS=js GOARCH=wasm it is the page; natively,
// `bare static OUT` writes its static export (the bench adds
// OUT/web/app.wasm and the icons).
//
// Its equivalent of the playground's "editor writable and a computed
// answer shown": the component rendered by the WebAssembly, with its
// input writable (read-only when prerendered, as the playground's editor
// is), the answer computed from the input's text, and #wasm-ready in the
// page.
package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

type hello struct {
	app.Compo
	text string
}

func (h *hello) Render() app.UI {
	return app.Div().Class("bare").Body(
		app.H1().Text("A bare go-app page"),
		app.Input().ID("bare-input").Value(h.text).ReadOnly(!app.IsClient).
			OnInput(func(ctx app.Context, e app.Event) { h.text = ctx.JSSrc().Get("value").String() }),
		app.P().ID("bare-answer").Text(strings.ToUpper(h.text)),
		app.If(app.IsClient, func() app.UI { return app.Div().ID("wasm-ready").Hidden(true) }),
	)
}

func main() {
	if app.IsClient {
		// The same mark as the playground's, for the bench's phases.
		app.Window().Get("performance").Call("mark", "cvq-main")
	}
	app.Route("/", func() app.Composer { return &hello{text: "hello"} })
	app.RunWhenOnBrowser()
	if len(os.Args) != 3 || os.Args[1] != "static" {
		fmt.Fprintln(os.Stderr, "usage: bare static OUT")
		os.Exit(2)
	}
	err := app.GenerateStaticWebsite(os.Args[2], &app.Handler{
		Name:        "Bare",
		Title:       "A bare go-app page",
		Description: "The smallest go-app page, for load measurements.",
		// Local icons (the bench copies the playground's): go-app's default
		// ones are on another site.
		Icon: app.Icon{Default: "/web/icon-192.png", Large: "/web/icon-512.png", SVG: "/web/icon.svg"},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
