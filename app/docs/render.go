package docs

import (
	"bytes"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// RenderOptions are the render command's settings: the preset for
// examples that name none, and the playground's address for the links
// (none if empty).
type RenderOptions struct {
	Policy  string
	BaseURL string
}

// Render copies the HTML page in src to dst with every CVQ example —
// <pre data-cvq> or <pre class="language-cvq">, or <pre><code class="language-cvq"> (also with
// data-lang="cvq", and inside Hugo's <div class="highlight">) — followed by
// its static view. Everything else is copied byte for byte; the views an
// earlier run added are replaced, so rendering twice changes nothing.
func Render(dst io.Writer, src io.Reader, o RenderOptions) error {
	in, err := io.ReadAll(src)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	out.Grow(len(in) + len(in)/2)
	s := scanner{o: o, out: &out, highlightAt: -1, skipAt: -1}
	z := html.NewTokenizer(bytes.NewReader(in))
	read := 0 // bytes of in tokenized so far
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				return z.Err()
			}
			s.flush()
			// The tokenizer drops a tag left open at the end: keep it.
			out.Write(in[min(read, len(in)):])
			_, err := dst.Write(out.Bytes())
			return err
		}
		// Raw is the token's bytes as they are in the page, until the
		// tokenizer lowercases names or unescapes text in place: copy it.
		raw := bytes.Clone(z.Raw())
		read += len(raw)
		s.token(tt, z, raw)
	}
}

// scanner follows the tokens of a page. It tracks div nesting only (the
// wrappers of highlighters and earlier views are divs) and copies each
// token's raw bytes unless it belongs to an earlier view.
type scanner struct {
	o   RenderOptions
	out *bytes.Buffer
	n   int // examples seen

	divs        int // open divs
	highlightAt int // depth of the open highlighter wrapper, or -1
	skipAt      int // depth of the earlier view being dropped, or -1

	inPre   bool
	ex      *example // the example being read
	pending *example // an example whose view goes after its wrapper
}

type example struct {
	opts Options
	text strings.Builder
	tag  string // the element whose end closes the example: "pre" or "code"
}

func (s *scanner) token(tt html.TokenType, z *html.Tokenizer, raw []byte) {
	if s.skipAt >= 0 {
		s.skipToken(tt, z)
		return
	}
	switch tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		name, hasAttr := z.TagName()
		attrs := map[string]string{}
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			attrs[string(k)] = string(v)
		}
		switch string(name) {
		case "div":
			if tt == html.SelfClosingTagToken {
				break
			}
			if _, ok := attrs["data-cvq-rendered"]; ok && s.ex == nil {
				s.skipAt = s.divs
				s.divs++
				return // not copied: replaced by a new view
			}
			s.divs++
			if s.highlightAt < 0 && hasClass(attrs["class"], "highlight") {
				s.highlightAt = s.divs
			}
		case "pre":
			s.inPre = true
			if _, ok := attrs["data-cvq"]; (ok || hasClass(attrs["class"], "language-cvq")) && s.ex == nil {
				s.start("pre", attrs, Options{})
			}
		case "code":
			if s.inPre && s.ex == nil && (hasClass(attrs["class"], "language-cvq") || attrs["data-lang"] == "cvq") {
				s.start("code", attrs, Options{})
			}
		}
		s.out.Write(raw)
	case html.EndTagToken:
		s.out.Write(raw)
		name, _ := z.TagName()
		switch string(name) {
		case "code", "pre":
			if string(name) == "pre" {
				s.inPre = false
			}
			if s.ex != nil && s.ex.tag == string(name) {
				s.ex, s.pending = nil, s.ex
			}
			if string(name) == "pre" && s.pending != nil && s.highlightAt < 0 {
				s.flush()
			}
		case "div":
			if s.divs == s.highlightAt {
				s.highlightAt = -1
				s.flush()
			}
			if s.divs > 0 {
				s.divs--
			}
		}
	case html.TextToken:
		if s.ex != nil {
			s.ex.text.Write(z.Text())
		}
		s.out.Write(raw)
	default:
		s.out.Write(raw)
	}
}

// skipToken drops the tokens of an earlier view up to its closing div.
func (s *scanner) skipToken(tt html.TokenType, z *html.Tokenizer) {
	name, _ := z.TagName()
	if string(name) != "div" {
		return
	}
	switch tt {
	case html.StartTagToken:
		s.divs++
	case html.EndTagToken:
		s.divs--
		if s.divs == s.skipAt {
			s.skipAt = -1
		}
	}
}

func (s *scanner) start(tag string, attrs map[string]string, o Options) {
	s.flush()
	o.Policy = attrs["data-policy"]
	o.Theme = attrs["data-theme"]
	if n := atoiPositive(attrs["data-sel"]); n > 0 {
		o.Sel = n
	}
	s.ex = &example{tag: tag, opts: o}
}

// flush writes the view of the pending example.
func (s *scanner) flush() {
	ex := s.pending
	if ex == nil {
		return
	}
	s.pending = nil
	s.n++
	opts, input := SplitOptions(ex.text.String(), ex.opts)
	if opts.Policy == "" {
		opts.Policy = s.o.Policy
	}
	res := Answer(Request{Policy: opts.Policy, Input: input, Sel: opts.Sel})
	var b strings.Builder
	WriteStatic(&b, &res, View{N: s.n, Opts: opts, Input: input, BaseURL: s.o.BaseURL})
	s.out.WriteString(b.String())
}

func hasClass(list, c string) bool {
	for _, f := range strings.Fields(list) {
		if f == c {
			return true
		}
	}
	return false
}

func atoiPositive(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > 1e6 {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
