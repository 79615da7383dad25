package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// The pages carry their style sheets (go-app's /app.css, then the
// playground's /web/app.css) in one <style> element rather than linking
// them: a linked sheet blocks the first paint until it arrives, one more
// round trip before anything shows on a real link. And where Chromium is
// started without RenderDocument, as Lighthouse's launcher starts it, a
// page with linked sheets had its first frame, drawn at about 0.3 s, shown
// only at 1.2–2.3 s (in 4 loads of 4; the same page with its sheets
// inline, 0.3–0.7 s, 5 of 5). The policy allows that one element by its
// hash, and no other inline style.

// stylesheetLink is a link to a style sheet as go-app writes it.
var stylesheetLink = regexp.MustCompile(`<link\b[^>]*\brel="stylesheet"[^>]*>`)

var hrefAttr = regexp.MustCompile(`\bhref="([^"]*)"`)

// inlineStyles replaces the page's links to style sheets with one <style>
// element that holds their text in the same order, where the first link
// was; sheet reads a sheet by its href. It returns the page and the
// policy source that allows the element ('sha256-…'), or the page as it
// is and "" when it links no sheet.
func inlineStyles(page []byte, sheet func(href string) ([]byte, error)) ([]byte, string, error) {
	links := stylesheetLink.FindAllIndex(page, -1)
	if len(links) == 0 {
		return page, "", nil
	}
	var css bytes.Buffer
	for _, l := range links {
		m := hrefAttr.FindSubmatch(page[l[0]:l[1]])
		if m == nil {
			return nil, "", fmt.Errorf("a style sheet link without href: %s", page[l[0]:l[1]])
		}
		data, err := sheet(string(m[1]))
		if err != nil {
			return nil, "", fmt.Errorf("style sheet %s: %w", m[1], err)
		}
		// The element's text ends at the first "</style": a sheet holding
		// one would end it early (and no real sheet does).
		if bytes.Contains(bytes.ToLower(data), []byte("</style")) {
			return nil, "", fmt.Errorf("style sheet %s holds </style", m[1])
		}
		css.Write(data)
		if len(data) > 0 && data[len(data)-1] != '\n' {
			css.WriteByte('\n')
		}
	}
	sum := sha256.Sum256(css.Bytes())
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	out := make([]byte, 0, len(page)+css.Len())
	prev := 0
	for i, l := range links {
		out = append(out, page[prev:l[0]]...)
		if i == 0 {
			out = append(out, "<style>"...)
			out = append(out, css.Bytes()...)
			out = append(out, "</style>"...)
		}
		prev = l[1]
	}
	out = append(out, page[prev:]...)
	out, err := allowStyleInPage(out, hash)
	if err != nil {
		return nil, "", err
	}
	return out, hash, nil
}

// allowStyle adds a hash source to a policy's style-src.
func allowStyle(policy, hash string) string {
	if hash == "" {
		return policy
	}
	return strings.Replace(policy, "style-src 'self'", "style-src 'self' "+hash, 1)
}

// allowStyleInPage does what allowStyle does to the policy of the page's
// meta tag, which would refuse the element otherwise.
func allowStyleInPage(page []byte, hash string) ([]byte, error) {
	meta := []byte(`<meta http-equiv="Content-Security-Policy" content="` + cspBase + `">`)
	if !bytes.Contains(page, meta) {
		return nil, fmt.Errorf("the page has no policy meta tag to allow its style in")
	}
	return bytes.Replace(page, meta, []byte(`<meta http-equiv="Content-Security-Policy" content="`+allowStyle(cspBase, hash)+`">`), 1), nil
}

// servedSheet reads a style sheet as next serves it, uncompressed.
func servedSheet(next http.Handler, href string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodGet, href, nil)
	if err != nil {
		return nil, err
	}
	rec := &pageRecorder{header: http.Header{}, status: http.StatusOK}
	next.ServeHTTP(rec, req)
	if rec.status != http.StatusOK {
		return nil, fmt.Errorf("status %d", rec.status)
	}
	return rec.body.Bytes(), nil
}

// exportedSheet reads a style sheet from the static export in out, served
// under prefix.
func exportedSheet(out, prefix, href string) ([]byte, error) {
	p, ok := strings.CutPrefix(href, prefix+"/")
	if !ok || strings.Contains(p, "..") {
		return nil, fmt.Errorf("not a sheet of the site")
	}
	return os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
}
