package docs

import (
	"strings"

	"golang.org/x/net/html"
)

// attrs are the attributes of an element that finding examples reads;
// the others are not kept.
type attrs struct {
	class, lang, language, style, src string
	policy, sel, theme                string
	cvq, skip, rendered               bool // data-cvq, data-cvq-skip, data-cvq-rendered
}

func readAttrs(z *html.Tokenizer, more bool) attrs {
	var a attrs
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "class":
			a.class = string(v)
		case "data-lang":
			a.lang = string(v)
		case "data-language":
			a.language = string(v)
		case "style":
			a.style = string(v)
		case "src":
			a.src = string(v)
		case "data-policy":
			a.policy = string(v)
		case "data-sel":
			a.sel = string(v)
		case "data-theme":
			a.theme = string(v)
		case "data-cvq":
			a.cvq = true
		case "data-cvq-skip":
			a.skip = true
		case "data-cvq-rendered":
			a.rendered = true
		}
	}
	return a
}

// attrOptions reads data-policy, data-sel and data-theme over o.
func attrOptions(a attrs, o Options) Options {
	if v := strings.TrimSpace(a.policy); v != "" {
		o.Policy = v
	}
	if n := atoiPositive(a.sel); n > 0 {
		o.Sel = n
	}
	if t := normTheme(a.theme); t != "" {
		o.Theme = t
	}
	return o
}

// commonTags are tag names kept as constants: a page's elements need no
// string of their own.
var commonTags = [...]string{"a", "b", "br", "code", "div", "em", "i", "li", "p", "pre", "span", "strong", "td", "tr", "ul", "ol", "h2", "h3", "table", "section", "main"}

func tagName(b []byte) string {
	for _, t := range commonTags {
		if string(b) == t {
			return t
		}
	}
	return string(b)
}

// scriptPolicy is the default policy an embed.js script tag gives its
// page: its data-policy, else the policy parameter of its address.
// (net/url would add 100 kB to engine.wasm, which links this package.)
func scriptPolicy(a attrs) string {
	src := strings.TrimSpace(a.src)
	src, _, _ = strings.Cut(src, "#")
	path, query, _ := strings.Cut(src, "?")
	if !strings.HasSuffix(path, "embed.js") {
		return ""
	}
	if p := strings.TrimSpace(a.policy); p != "" {
		return p
	}
	for _, kv := range strings.Split(query, "&") {
		if v, ok := strings.CutPrefix(kv, "policy="); ok {
			return strings.TrimSpace(unescapeQuery(v))
		}
	}
	return ""
}

// unescapeQuery decodes a query value: %XX and + for a space.
func unescapeQuery(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+':
			b.WriteByte(' ')
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= lower(c) && lower(c) <= 'f' }

func unhex(c byte) byte {
	if c <= '9' {
		return c - '0'
	}
	return lower(c) - 'a' + 10
}
