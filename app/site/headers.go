package site

import (
	"net/http"
	"strings"
)

// securityHeaders adds the headers every response carries.
func (c Config) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		// Documentation sites frame the embed and the engine's frame
		// (embed.js); nothing else.
		policy := c.policyFor(r.URL.Path)
		h.Set("Content-Security-Policy", policy)
		if policy != cspEmbed {
			h.Set("X-Frame-Options", "DENY")
		}
		next.ServeHTTP(w, r)
	})
}

// EngineFrame is the hidden page embed.js frames on a documentation page:
// it runs the engine for every example there.
const EngineFrame = "/web/engine.html"

// cspBase allows the site's own scripts, styles and WebAssembly
// compilation, and nothing from elsewhere: no inline script, and no inline
// style but the pages' own sheets, which inlineStyles writes into them and
// allows by their hash (go-app's loader is /app.js); the page positions
// nothing with a style attribute, and what the scripts style, they style
// through the CSSOM, which the policy allows. It is also the meta tag of
// the static export, where headers can't be set (a meta tag cannot carry
// frame-ancestors): one policy for both.
const cspBase = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"

// The playground refuses to be framed; the embed may be framed anywhere.
const (
	cspPage  = cspBase + "; frame-ancestors 'none'"
	cspEmbed = cspBase + "; frame-ancestors *"
)

// demoPage stands for a documentation site that is not this one: it keeps
// its styles in its own <style> element, as such pages do, and so do the
// views embed.js draws in it. Scripts stay as strict.
const demoPage = "/web/embed-demo.html"

var cspDemo = strings.Replace(cspPage, "style-src 'self'", "style-src 'self' 'unsafe-inline'", 1)

// policyFor is the Content-Security-Policy of the response to a request
// for p.
func (c Config) policyFor(p string) string {
	switch {
	case c.isEmbed(p) || p == EngineFrame:
		return cspEmbed
	case p == demoPage:
		return cspDemo
	}
	return cspPage
}
