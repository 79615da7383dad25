// Command cvq-playground is the MSN Messenger CVQ playground: a web page
// compiled to WebAssembly, and, natively, its server and a command line
// (respond, explain, presets) on the same engine.
//
// This file holds what both builds share: the routes and the start. The
// entries differ by platform: main_wasm.go (the page in the browser) and
// main_native.go (the command dispatch: serve, static, respond, explain,
// presets).
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// embedPaths are the addresses of the embed page. embed.html is the name
// the static export gives it, and the one the loader script asks for, so
// that any static file server finds it. (Plain routes: a regular
// expression costs the page its compilation at every start.)
var embedPaths = []string{"/embed", "/embed/", "/embed.html"}

func routes() {
	app.Route("/", func() app.Composer { return newPlayground() })
	for _, path := range embedPaths {
		app.Route(path, func() app.Composer { return newEmbed() })
	}
}

func main() {
	routes()
	app.RunWhenOnBrowser()
	os.Exit(runCommand(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
