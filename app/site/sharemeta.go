package site

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// ParseBaseURL checks the site's public address (an absolute http or
// https URL, without query or fragment) and returns it ending in "/"; ""
// stays "", for a site whose address is not known.
func ParseBaseURL(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("-base-url %q: want the site's public address, like https://example.org/cvq/", s)
	}
	return strings.TrimSuffix(u.String(), "/") + "/", nil
}

// go-app writes og:url and og:image from a domain it prefixes with
// "https://"; without one they read "https://", which no preview can use.
var ogURLMeta = regexp.MustCompile(`<meta (?:property="og:(?:url|image)" content="[^"]*"|content="[^"]*" property="og:(?:url|image)")>`)

// shareMeta writes a page's og:url and og:image as absolute addresses
// under c.BaseURL, the page being at rel (relative to the site's root, ""
// for the home page), or leaves them out when the address is not known.
func (c Config) shareMeta(html []byte, rel string) []byte {
	return ogURLMeta.ReplaceAllFunc(html, func(tag []byte) []byte {
		if c.BaseURL == "" {
			return nil
		}
		prop, content := "og:url", c.BaseURL+strings.TrimPrefix(rel, "/")
		if strings.Contains(string(tag), `"og:image"`) {
			prop, content = "og:image", c.BaseURL+"web/icon-512.png"
		}
		return []byte(`<meta property="` + prop + `" content="` + escapeAttr(content) + `">`)
	})
}

// escapeAttr escapes a value for a double-quoted HTML attribute.
func escapeAttr(s string) string {
	return strings.NewReplacer(`&`, "&amp;", `"`, "&quot;", `<`, "&lt;", `>`, "&gt;").Replace(s)
}
