//go:build !wasm

package main

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
	"path/filepath"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// webDir holds web/app.wasm and the static assets, as build.sh lays them
// out; CVQ_WEB_DIR overrides it.
func webDir() string {
	if d := os.Getenv("CVQ_WEB_DIR"); d != "" {
		return d
	}
	return "build"
}

func defaultAddr() string {
	if a := os.Getenv("CVQ_ADDR"); a != "" {
		return a
	}
	return "127.0.0.1:8000"
}

// version identifies the build, so that caches and the service worker
// update when the site changes; build.sh sets it from the wasm's hash.
func version() string { return os.Getenv("CVQ_VERSION") }

// handler is the go-app handler shared by serve and static, for the site
// in webDir.
func handler(resources app.ResourceResolver, webDir string) *app.Handler {
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
		Version:   version(),
		// The wasm travels compressed: give its real size to the loader's
		// progress bar.
		WasmContentLength:     wasmSize(webDir),
		ServiceWorkerTemplate: serviceWorkerJS,
	}
}

// securityHeaders adds the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		// Documentation sites frame the embed; nothing else.
		h.Set("Content-Security-Policy", contentSecurityPolicy(r.URL.Path))
		if !isEmbedPath(r.URL.Path) {
			h.Set("X-Frame-Options", "DENY")
		}
		next.ServeHTTP(w, r)
	})
}

func isEmbedPath(p string) bool { return p == "/embed" || p == "/embed.html" || p == "/embed/" }

// siteHandler serves the site in dir: pages, assets and headers.
func siteHandler(dir string) http.Handler {
	return securityHeaders(compactPages(handler(newWebFiles(dir), dir)))
}

// newServer is the playground's HTTP server for the site in dir: bounded
// reads, writes, idle connections and headers, and the security headers.
func newServer(addr, dir string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           siteHandler(dir),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
}

func serve(addr string, log io.Writer) error {
	dir := webDir()
	if _, err := os.Stat(path.Join(dir, "web", "app.wasm")); err != nil {
		return fmt.Errorf("%s/web/app.wasm is missing: build it with ./build.sh serve", dir)
	}
	srv := newServer(addr, dir)
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

// writeStatic writes the playground as a static site in out, to be served
// under prefix (e.g. "/cvq/") by any static file server: the prerendered
// pages, the assets of webDir/web (app.wasm included) and a 404 page.
func writeStatic(out, prefix, webDir string) error {
	res := newWebFiles(webDir)
	if p := strings.Trim(prefix, "/"); p != "" {
		res.prefix = "/" + p
	}
	if err := app.GenerateStaticWebsite(out, handler(res, webDir)); err != nil {
		return err
	}
	if err := compactStatic(out); err != nil {
		return err
	}
	assets, err := filepath.Glob(filepath.Join(webDir, "web", "*"))
	if err != nil {
		return err
	}
	for _, a := range assets {
		if strings.HasSuffix(a, ".br") || strings.HasSuffix(a, ".gz") {
			continue // build.sh static compresses every file of the site
		}
		data, err := os.ReadFile(a)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, "web", filepath.Base(a)), data, 0o644); err != nil {
			return err
		}
	}
	home := res.prefix + "/"
	notFound := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not found · CVQ playground</title><link rel="stylesheet" href="` + home + `web/app.css"></head>
<body><div class="root"><h1>Not found</h1><p>There is no page here. <a href="` + home + `">Open the CVQ playground</a>.</p></div></body></html>
`
	return os.WriteFile(filepath.Join(out, "404.html"), []byte(notFound), 0o644)
}
