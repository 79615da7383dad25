// Package site serves the playground: the prerendered pages of the
// routes the program registered with go-app, the assets that build.sh
// lays out, the security headers, the service worker, and the static
// export. Only the native program imports it, so net/http stays out of
// app.wasm.
package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"slices"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Config describes the site. The pages are go-app's routes, registered by
// the program before it builds a handler.
type Config struct {
	// Dir holds web/app.wasm and the static assets, as build.sh lays
	// them out.
	Dir string
	// Version identifies the build, so that caches and the service worker
	// update when the site changes; build.sh sets it from the wasm's hash.
	Version string
	// Embed lists the paths of the embed page: documentation sites may
	// frame it, and nothing else.
	Embed []string
	// BaseURL is the address the site is published at, ending in "/"
	// (see ParseBaseURL): link previews (og:url, og:image) need absolute
	// addresses. Empty, the pages carry none.
	BaseURL string
}

// appHandler is the go-app handler shared by serve and static.
func (c Config) appHandler(resources app.ResourceResolver) *app.Handler {
	return &app.Handler{
		Name:            "CVQ playground",
		ShortName:       "CVQ",
		Title:           "CVQ playground: MSN Messenger version checks, field by field",
		Description:     "Type MSN Messenger CVQ/CVR request lines and see the Dispatch Server's answers, every field explained, computed in your browser.",
		Author:          "cvq-playground",
		Lang:            "en",
		BackgroundColor: "#f7f8fa",
		ThemeColor:      "#1f5fbf",
		LoadingLabel:    "Starting the engine…",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			SVG:      "/web/icon.svg",
			Maskable: "/web/icon-192.png",
		},
		Styles: []string{"/web/app.css"},
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + cspBase + `">`,
			`<meta name="referrer" content="no-referrer">`,
			// Start the wasm's download with the page, not after the
			// scripts run (go-app fetches it in CORS mode).
			`<link rel="preload" href="` + resources.Resolve("/web/app.wasm") + `" as="fetch" type="application/wasm" crossorigin="anonymous">`,
		},
		Resources: resources,
		Version:   c.Version,
		// The wasm travels compressed: give its real size to the loader's
		// progress bar.
		WasmContentLength: wasmSize(c.Dir),
	}
}

// isEmbed reports whether p is a path of the embed page.
func (c Config) isEmbed(p string) bool { return slices.Contains(c.Embed, p) }

// Handler serves the site: pages, assets and headers.
func (c Config) Handler() http.Handler {
	return c.securityHeaders(compressText(loaderPatched(c.servePages(c.appHandler(newWebFiles(c.Dir))))))
}

// Server is the playground's HTTP server: bounded reads, writes, idle
// connections and headers, and the security headers.
func (c Config) Server(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           c.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
}

// Serve runs the server on addr until an interrupt, saying where on log.
func (c Config) Serve(addr string, log io.Writer) error {
	if _, err := os.Stat(path.Join(c.Dir, "web", "app.wasm")); err != nil {
		return fmt.Errorf("%s/web/app.wasm is missing: build it with ./build.sh serve", c.Dir)
	}
	srv := c.Server(addr)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(log, "CVQ playground on http://%s/\n", ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
