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
	// embed.html is the name the static export gives the embed, and the one
	// the loader script asks for, so that any static file server finds it.
	// (Plain routes: a regular expression costs the page its compilation
	// at every start.)
	for _, path := range []string{"/embed", "/embed/", "/embed.html"} {
		app.Route(path, func() app.Composer { return newEmbed() })
	}
}

func main() {
	routes()
	app.RunWhenOnBrowser()
	os.Exit(runCommand(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
