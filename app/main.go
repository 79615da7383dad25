// Command cvq-playground is the MSN Messenger CVQ playground: a web page
// compiled to WebAssembly, and, natively, its server and a command line
// (respond, explain) on the same engine.
package main

import (
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func routes() {
	app.Route("/", func() app.Composer { return newPlayground() })
	app.Route("/embed", func() app.Composer { return newEmbed() })
	// embed.html is the name the static export gives the embed, and the one
	// the loader script asks for, so that any static file server finds it.
	app.RouteWithRegexp(`^/embed(\.html|/)$`, func() app.Composer { return newEmbed() })
}

func main() {
	routes()
	app.RunWhenOnBrowser()
	os.Exit(runCommand(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
