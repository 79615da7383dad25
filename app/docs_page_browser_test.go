//go:build browser

package main

// Documentation pages for the tests and the benchmark of embed.js: N
// examples from the playground's example list, alternating the two markups
// documentation sites produce (<pre data-cvq> and a Markdown fence with
// Hugo's wrapper), each in its own section with some prose around it.

import (
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"
)

// docsPage writes a page of n examples that loads the loader script at
// script (relative to the page, with data-cvq-base base) and, if probe is
// set, the benchmark's probe.
func docsPage(n int, script, base string, probe bool) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>CVQ examples</title>
<style>body{font:16px/1.6 serif;max-width:48rem;margin:2rem auto;padding:0 1rem} pre{background:#f4f4f4;padding:.5rem;overflow-x:auto}</style>
</head><body><main><h1>CVQ examples</h1>
`)
	for i := 0; i < n; i++ {
		ex := examples[i%len(examples)]
		fmt.Fprintf(&b, "<section><h2>%d. %s</h2>\n<p>%s</p>\n", i+1, html.EscapeString(ex.Title), html.EscapeString(ex.About))
		in := html.EscapeString(strings.TrimRight(ex.Input, "\n"))
		if i%2 == 0 {
			fmt.Fprintf(&b, "<pre data-cvq data-policy=\"%s\">%s</pre>\n", ex.Policy, in)
		} else {
			fmt.Fprintf(&b, "<div class=\"highlight\"><pre tabindex=\"0\"><code class=\"language-cvq\" data-lang=\"cvq\"># policy: %s\n%s</code></pre></div>\n", ex.Policy, in)
		}
		b.WriteString("<p>The server reads the fields in order and stops at the first it refuses; the client compares its own version with the answer and decides whether to upgrade before it signs in.</p></section>\n")
	}
	b.WriteString("</main>\n")
	if script != "" {
		fmt.Fprintf(&b, "<script src=\"%s\" data-cvq-base=\"%s\" defer></script>\n", script, base)
	}
	if probe {
		b.WriteString("<script src=\"/docs/probe.js\"></script>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// probeJS records, every 10 ms, how many examples show a computed answer
// (the new views' data-cvq-state, or a frame of the old loader whose
// WebAssembly runs: its prerendered answers are not computed) and when
// the first one did.
const probeJS = `(function () {
  var first = 0;
  function count() {
    var n = document.querySelectorAll('[data-cvq-state="answered"]').length;
    document.querySelectorAll("iframe").forEach(function (f) {
      try { if (f.contentDocument && f.contentDocument.querySelector("#wasm-ready")) n++; } catch (e) {}
    });
    return n;
  }
  setInterval(function () {
    var n = count();
    if (n && !first) first = performance.now();
    window.cvqProbe = {first: first, answered: n};
  }, 10);
})();`

// docsHandler serves /docs/N?embed=new|old|none (a page of N examples), the
// probe, and the old loader (oldEmbed, if not empty) at /docs/old-embed.js;
// the rest goes to site.
func docsHandler(site http.Handler, oldEmbed []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case p == "/docs/probe.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write([]byte(probeJS))
		case p == "/docs/old-embed.js" && oldEmbed != nil:
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(oldEmbed)
		case strings.HasPrefix(p, "/docs/"):
			n, err := strconv.Atoi(strings.TrimPrefix(p, "/docs/"))
			if err != nil || n < 0 || n > 500 {
				http.NotFound(w, r)
				return
			}
			script := "/web/embed.js"
			switch r.URL.Query().Get("embed") {
			case "old":
				script = "/docs/old-embed.js"
			case "none":
				script = ""
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(docsPage(n, script, "/", r.URL.Query().Has("probe"))))
		default:
			site.ServeHTTP(w, r)
		}
	})
}
