package site

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// WriteStatic writes the playground as a static site in out, to be served
// under prefix (e.g. "/cvq/") by any static file server: the prerendered
// pages, the assets of Dir/web (app.wasm included) and a 404 page.
func (c Config) WriteStatic(out, prefix string) error {
	res := newWebFiles(c.Dir)
	if p := strings.Trim(prefix, "/"); p != "" {
		res.prefix = "/" + p
	}
	if err := app.GenerateStaticWebsite(out, c.appHandler(res)); err != nil {
		return err
	}
	if err := loaderStatic(out); err != nil {
		return err
	}
	assets, err := filepath.Glob(filepath.Join(c.Dir, "web", "*"))
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
	// The pages take in their style sheets, copied above.
	if err := c.finishStatic(out, res.prefix); err != nil {
		return err
	}
	home := res.prefix + "/"
	notFound := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not found · CVQ playground</title><link rel="stylesheet" href="` + home + `web/app.css"></head>
<body><div class="root"><h1>Not found</h1><p>There is no page here. <a href="` + home + `">Open the CVQ playground</a>.</p></div></body></html>
`
	return os.WriteFile(filepath.Join(out, "404.html"), []byte(notFound), 0o644)
}
