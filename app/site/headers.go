package site

import "net/http"

// securityHeaders adds the headers every response carries.
func (c Config) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if c.isEmbed(r.URL.Path) || r.URL.Path == EngineFrame {
			// Documentation sites frame the embed and the engine's frame
			// (embed.js); nothing else.
			h.Set("Content-Security-Policy", cspEmbed)
		} else {
			h.Set("Content-Security-Policy", cspPage)
			h.Set("X-Frame-Options", "DENY")
		}
		next.ServeHTTP(w, r)
	})
}

// EngineFrame is the hidden page embed.js frames on a documentation page:
// it runs the engine for every example there.
const EngineFrame = "/web/engine.html"

// cspBase allows the site's own scripts and WebAssembly compilation, and
// nothing from elsewhere. go-app's page starts with an inline script, hence
// 'unsafe-inline' for scripts; no user text ever reaches the page as HTML.
// It is also the meta tag of the static export, where headers can't be set
// (a meta tag cannot carry frame-ancestors).
const cspBase = "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'self'; form-action 'none'"

// The playground refuses to be framed; the embed may be framed anywhere.
const (
	cspPage  = cspBase + "; frame-ancestors 'none'"
	cspEmbed = cspBase + "; frame-ancestors *"
)
