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
	return docsPageLive(n, n, script, base, probe)
}

// docsPageLive writes a page of n sections of which the first live hold an
// example; the others show the same lines in a plain <pre>, as a page of
// protocol notes shows its other code. The benchmark compares pages of the
// same length, so that they scroll the same way.
func docsPageLive(n, live int, script, base string, probe bool) string {
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
		if i >= live {
			fmt.Fprintf(&b, "<pre>%s</pre>\n", in)
		} else if i%2 == 0 {
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

// probeJS records how many examples show a computed answer (the new
// views' data-cvq-state, or a frame of the old loader whose WebAssembly
// runs: its prerendered answers are not computed) and when the first one
// did; and, once the page has loaded, scrolls it from top to end in 4 s
// whatever its height (by the clock, so that a slow frame does not slow
// the scroll, and every page draws as many frames), recording the frames
// and the long tasks meanwhile: a frame
// counts as dropped when it came more than 1.5 frames (25 ms) after the
// previous one. window.cvqProbe holds the figures.
const probeJS = `(function () {
  var p = window.cvqProbe = {first: 0, answered: 0, scrolled: false, frames: 0, dropped: 0, worstFrame: 0, longTasks: 0, longTaskMs: 0};
  function count() {
    var n = document.querySelectorAll('[data-cvq-state="answered"]').length;
    document.querySelectorAll('iframe:not([title="CVQ engine"])').forEach(function (f) {
      try { if (f.contentDocument && f.contentDocument.querySelector("#wasm-ready")) n++; } catch (e) {}
    });
    p.answered = n;
    if (n && !p.first) p.first = performance.now();
  }
  new MutationObserver(count).observe(document.documentElement, {subtree: true, attributes: true, attributeFilter: ["data-cvq-state"]});
  var poll = setInterval(function () {
    if (document.querySelector('iframe:not([title="CVQ engine"])')) count();
  }, 25);
  var scrolling = false;
  try {
    new PerformanceObserver(function (list) {
      if (!scrolling) return;
      list.getEntries().forEach(function (e) { p.longTasks++; p.longTaskMs += e.duration; });
    }).observe({type: "longtask"});
  } catch (e) {}
  addEventListener("load", function () {
    var start = 0, last = 0;
    scrolling = true;
    requestAnimationFrame(function step(now) {
      if (!start) start = last = now;
      var d = now - last;
      if (d > 0) {
        p.frames++;
        if (d > 25) p.dropped++;
        if (d > p.worstFrame) p.worstFrame = Math.round(d);
      }
      last = now;
      var end = document.documentElement.scrollHeight - innerHeight;
      var y = Math.min(end, Math.round(end * (now - start) / 4000));
      scrollTo(0, y);
      if (y < end) requestAnimationFrame(step);
      else { scrolling = false; p.scrolled = true; p.scrollMs = Math.round(now - start); count(); }
    });
  });
})();`

// docsHandler serves /docs/N?embed=new|old|none[&live=L] (a page of N
// examples, or of N sections of which the first L hold one), the
// probe, and other loaders (loaders: variant → script, such as "old", the
// loader of an earlier release) at /docs/VARIANT-embed.js; the rest goes to
// site.
func docsHandler(site http.Handler, loaders map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch p := r.URL.Path; {
		case p == "/docs/probe.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Write([]byte(probeJS))
		case strings.HasSuffix(p, "-embed.js") && loaders[strings.TrimSuffix(strings.TrimPrefix(p, "/docs/"), "-embed.js")] != nil:
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(loaders[strings.TrimSuffix(strings.TrimPrefix(p, "/docs/"), "-embed.js")])
		case strings.HasPrefix(p, "/docs/"):
			n, err := strconv.Atoi(strings.TrimPrefix(p, "/docs/"))
			if err != nil || n < 0 || n > 500 {
				http.NotFound(w, r)
				return
			}
			script := "/web/embed.js"
			switch v := r.URL.Query().Get("embed"); {
			case v == "none":
				script = ""
			case loaders[v] != nil:
				script = "/docs/" + v + "-embed.js"
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			live := n
			if l, err := strconv.Atoi(r.URL.Query().Get("live")); err == nil && l >= 0 && l < n {
				live = l
			}
			w.Write([]byte(docsPageLive(n, live, script, "/", r.URL.Query().Has("probe"))))
		default:
			site.ServeHTTP(w, r)
		}
	})
}
