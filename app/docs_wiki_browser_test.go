//go:build browser

package main

// The documentation's own test pages (app/docs/testdata/wiki: the CVQ,
// CVR, CVR0 and VER pages as a static generator and MediaWiki write them,
// and one transcript in every highlighter's markup) with embed.js and
// detection: every block found or left alone as expect.json says, each
// example answered with its policy and check, and each live view the
// same markup, text for text, as the view render -detect writes.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cvq-playground/app/docs"
)

// blocksJS lists every pre in page order: "-" when nothing follows it
// (or the wrapper it is first in) but what the page had, else its view's
// "CHECK POLICY"; and whether the pre itself is unchanged.
const blocksJS = `[...document.querySelectorAll("pre")].map((p, i) => {
  let e = p, host = null;
  for (let up = 0; e && up < 4 && !host; up++, e = e.parentElement) {
    const n = e.nextElementSibling;
    if (n && n.matches(".cvq-example")) host = n;
    if (n) break;
  }
  const same = p.outerHTML === window.cvqBefore[i];
  if (!host) return same ? "-" : "- (changed)";
  const pol = host.shadowRoot && host.shadowRoot.querySelector(".pol");
  return (host.dataset.cvqCheck || "?") + " " + (pol ? pol.textContent.replace(/^policy /, "") : "?") + (same ? "" : " (changed)");
})`

// viewsJS writes each view as its markup: elements by tag, classes (but
// the scheme's) and part, and texts; a live client line's button is
// written as the static view's span, and the footer (links and buttons
// differ by design) is left out.
const viewsJS = `[...document.querySelectorAll(".cvq-example")].map(h => {
  const out = [];
  const walk = n => {
    if (n.nodeType === 3) { out.push(JSON.stringify(n.data)); return; }
    if (n.nodeType !== 1 || n.matches(".ft, .sr")) return;
    const cls = [...n.classList].filter(c => c !== "light" && c !== "dark").join(".");
    const tag = n.tagName === "BUTTON" && n.matches(".c") ? "span" : n.tagName.toLowerCase();
    out.push("<" + tag + (cls ? "." + cls : "") + (n.getAttribute("part") ? "[" + n.getAttribute("part") + "]" : ""));
    n.childNodes.forEach(walk);
    out.push(">");
  };
  const v = h.shadowRoot && h.shadowRoot.querySelector(".v");
  if (v) walk(v);
  return out.join("");
})`

func TestDocsWikiTestPages(t *testing.T) {
	data, err := os.ReadFile("docs/testdata/wiki/expect.json")
	if err != nil {
		t.Fatal(err)
	}
	var expect map[string][]string
	if err := json.Unmarshal(data, &expect); err != nil {
		t.Fatal(err)
	}
	pages, _ := filepath.Glob("docs/testdata/wiki/*.html")
	if len(pages) == 0 || len(pages) != len(expect) {
		t.Fatalf("%d test pages, expect.json lists %d", len(pages), len(expect))
	}
	src := engineURLOr(t) + "/web/embed.js"
	for _, path := range pages {
		name := filepath.Base(path)
		page, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want := expect[name]
		n := 0
		for _, w := range want {
			if w != "-" {
				n++
			}
		}
		// As the site's template or a wiki's site script loads embed.js.
		tag := `<script src="` + src + `" data-cvq-base="` + engineURL + `/" data-cvq-detect defer></script>`
		if strings.HasPrefix(name, "mw-") {
			tag = `<script src="` + src + `?detect=.mw-parser-output" data-cvq-base="` + engineURL + `/" defer></script>`
		}
		record := `<script>window.cvqBefore = [...document.querySelectorAll("pre")].map(p => p.outerHTML)</script>`
		live := strings.Replace(string(page), "</body>", record+tag+"</body>", 1)
		ctx := openDocs(t, "/wiki/"+name, live)
		waitFor(t, ctx, name+": every example answered", fmt.Sprintf(`(() => {
  const hosts = [...document.querySelectorAll(".cvq-example")];
  const waiting = hosts.find(h => h.dataset.cvqState !== "answered");
  if (waiting) waiting.scrollIntoView();
  return hosts.length === %d && !waiting;
})()`, n))
		if got := eval[[]string](t, ctx, blocksJS); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: blocks\n  %q\nwant\n  %q", name, got, want)
		}
		liveViews := eval[[]string](t, ctx, viewsJS)

		// The same page as render -detect writes it, its engine refused:
		// the static views.
		var out strings.Builder
		if err := docs.Render(&out, strings.NewReader(string(page)), docs.RenderOptions{Policy: "msnp-wiki", Detect: true}); err != nil {
			t.Fatal(err)
		}
		ctx = openDocs(t, "/wiki-static/"+name, out.String())
		waitFor(t, ctx, name+": the rendered views", fmt.Sprintf(`document.querySelectorAll(".cvq-example").length === %d && [...document.querySelectorAll(".cvq-example")].every(h => h.shadowRoot)`, n))
		staticViews := eval[[]string](t, ctx, viewsJS)
		for i := range liveViews {
			if i >= len(staticViews) || liveViews[i] != staticViews[i] {
				s := ""
				if i < len(staticViews) {
					s = staticViews[i]
				}
				t.Errorf("%s: view %d, live\n  %s\nrendered\n  %s", name, i+1, liveViews[i], s)
			}
		}
	}
}
