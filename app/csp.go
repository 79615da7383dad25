//go:build !wasm

package main

import "strings"

// cspBase allows the site's own scripts, styles and WebAssembly
// compilation, and nothing from elsewhere: no inline script and no inline
// style. go-app's page has neither (its loader is /app.js, its styles
// /app.css); the page positions nothing with a style attribute, and what
// the scripts style, they style through the CSSOM, which the policy
// allows. It is also the meta tag of the static export, where headers
// can't be set (a meta tag cannot carry frame-ancestors): one policy for
// both.
const cspBase = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"

// The playground refuses to be framed; the embed may be framed anywhere.
const (
	cspPage  = cspBase + "; frame-ancestors 'none'"
	cspEmbed = cspBase + "; frame-ancestors *"
)

// cspDemo is the policy of the embed demo page, which stands for a
// documentation site that is not this one: it keeps its styles in its
// own <style> element, as such pages do. Scripts stay as strict.
var cspDemo = strings.Replace(cspPage, "style-src 'self'", "style-src 'self' 'unsafe-inline'", 1)

// contentSecurityPolicy is the policy of the response to a request for p.
func contentSecurityPolicy(p string) string {
	switch {
	case isEmbedPath(p):
		return cspEmbed
	case p == "/web/embed-demo.html":
		return cspDemo
	}
	return cspPage
}
