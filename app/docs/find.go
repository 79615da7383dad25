package docs

import (
	"bytes"

	"golang.org/x/net/html"
)

// Found is an example found in a page.
type Found struct {
	Explicit bool    // marked as CVQ, rather than detected
	Opts     Options // from its attributes and the hidden comment before it
	Text     string  // its text, as blockText reads it
	// Lines[i] is the page line text line i+1 starts on.
	Lines []int
	At    int // the byte offset of the page where its view goes
	Pre   int // which pre of the page it is, from 0 in document order
}

// page is what findHTML saw in a page: its examples, and the views an
// earlier render wrote (byte spans), which a new render replaces.
type page struct {
	examples []Found
	views    [][2]int
	policy   string // the page's default: data-policy (or ?policy=) of its embed.js script
}

// frame is an open element. before is what precedes it among its
// siblings: a hidden comment's text, or "" (with element set) when the
// previous sibling is anything else.
type frame struct {
	tag       string
	attrs     attrs
	before    string
	hasBefore bool // a sibling (not blank text) comes before it
	last      string
	hasLast   bool // the last child seen, for the next child's before
	lineSpan  bool
	skipped   bool
	highlight bool // Hugo's div.highlight: views go after it
}

// voidElements have no end tag.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// closesP are the start tags that end an open <p>, as the HTML parser
// does, so that a pre's parent is the one a browser sees.
var closesP = map[string]bool{"address": true, "article": true, "aside": true, "blockquote": true, "details": true, "div": true,
	"dl": true, "fieldset": true, "figure": true, "footer": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "header": true, "hr": true, "main": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true, "table": true, "ul": true}

// finder follows the tokens of a page.
type finder struct {
	src    []byte
	detect bool
	p      page
	stack  []frame
	line   int // the page line at off
	off    int // bytes read

	view    int // depth of the earlier view being skipped, or -1
	viewAt  int // its start
	pre     int // depth of the open pre, or -1
	block   *Found
	cand    bool // the open pre is a candidate
	text    *blockText
	pres    int   // pre elements seen
	pending []int // examples waiting for the end of their highlight wrapper
	hlDepth int   // depth of that wrapper
}

// findHTML finds the examples of a page: the explicit ones, and with
// detect the ones the rules of detect.go find.
func findHTML(src []byte, detect bool) page {
	f := &finder{src: src, detect: detect, line: 1, view: -1, pre: -1, hlDepth: -1}
	f.stack = append(f.stack, frame{tag: "#document"})
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start, startLine := f.off, f.line
		f.off += len(raw)
		f.line += bytes.Count(raw, []byte{'\n'})
		f.token(tt, z, raw, start, startLine)
	}
	// The tokenizer stops before a tag left open at the end: views go
	// before it.
	f.popTo(1, f.off)
	return f.p
}

func (f *finder) top() *frame { return &f.stack[len(f.stack)-1] }

func (f *finder) token(tt html.TokenType, z *html.Tokenizer, raw []byte, start, line int) {
	if f.view >= 0 {
		f.skipView(tt, z)
		return
	}
	switch tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		name, hasAttr := z.TagName()
		tag := tagName(name)
		attrs := readAttrs(z, hasAttr)
		if attrs.rendered && tag == "div" && f.pre < 0 {
			f.view, f.viewAt = len(f.stack), start
			return
		}
		if tag == "script" && f.p.policy == "" {
			f.p.policy = scriptPolicy(attrs)
		}
		if (tag == "p" || tag == "li" || tag == "dt" || tag == "dd") && f.top().tag == tag || closesP[tag] && f.top().tag == "p" {
			f.popTo(len(f.stack)-1, start)
		}
		if f.text != nil {
			f.text.first = false
			if tag == "br" {
				f.text.br(line)
			}
		}
		fr := frame{tag: tag, attrs: attrs}
		parent := f.top()
		fr.before, fr.hasBefore = parent.last, parent.hasLast
		parent.last, parent.hasLast = "", true
		if f.pre >= 0 {
			fr.lineSpan, fr.skipped = element(tag, attrs)
			if fr.skipped && f.text != nil {
				f.text.skip++
			}
			if tag == "code" && len(f.stack) == f.pre+1 && f.block != nil {
				f.codeChild(attrs)
			}
		}
		fr.highlight = tag == "div" && hasClass(attrs.class, "highlight")
		if tt == html.SelfClosingTagToken || voidElements[tag] {
			if fr.skipped && f.text != nil {
				f.text.skip--
			}
			return
		}
		f.stack = append(f.stack, fr)
		if tag == "pre" && f.pre < 0 {
			f.pre = len(f.stack) - 1
			f.startBlock(f.line)
		}
	case html.EndTagToken:
		name, _ := z.TagName()
		for i := len(f.stack) - 1; i > 0; i-- {
			if f.stack[i].tag == string(name) {
				f.popTo(i, f.off)
				break
			}
		}
	case html.CommentToken:
		if f.pre < 0 {
			f.top().last, f.top().hasLast = string(z.Text()), true
		}
	case html.TextToken:
		if f.text != nil {
			f.text.text(raw, line)
		} else if len(bytes.TrimSpace(raw)) > 0 {
			f.top().last, f.top().hasLast = "", true
		}
	}
}

// popTo closes the elements from depth d up, at byte end of the page
// (after their end tag, or before the tag that closed them implicitly).
func (f *finder) popTo(d, end int) {
	for len(f.stack) > d {
		i := len(f.stack) - 1
		fr := f.stack[i]
		if fr.lineSpan && f.text != nil {
			f.text.endLineSpan()
		}
		if fr.skipped && f.text != nil {
			f.text.skip--
		}
		f.stack = f.stack[:i]
		if i == f.pre {
			f.endBlock(end)
		}
		if i == f.hlDepth {
			for _, k := range f.pending {
				f.p.examples[k].At = end
			}
			f.pending, f.hlDepth = f.pending[:0], -1
		}
	}
}

// skipView passes over an earlier view, up to its closing div.
func (f *finder) skipView(tt html.TokenType, z *html.Tokenizer) {
	name, _ := z.TagName()
	if string(name) != "div" {
		return
	}
	switch tt {
	case html.StartTagToken:
		f.view++
	case html.EndTagToken:
		if f.view--; f.view < len(f.stack) {
			f.p.views = append(f.p.views, [2]int{f.viewAt, f.off})
			f.view = -1
		}
	}
}

// startBlock begins reading a pre.
func (f *finder) startBlock(line int) {
	fr := &f.stack[f.pre]
	b := &Found{Pre: f.pres}
	f.pres++
	b.Explicit = fr.attrs.cvq || hasClass(fr.attrs.class, "language-cvq")
	hidden, skip := f.hiddenOptions()
	b.Opts = attrOptions(fr.attrs, hidden)
	f.block, f.text = b, newBlockText(line)
	f.cand = f.candidate() && !skip
}

// codeChild reads a code element right inside the pre.
func (f *finder) codeChild(a attrs) {
	if hasClass(a.class, "language-cvq") || a.lang == "cvq" {
		f.block.Explicit = true
	} else if NamesOtherLanguage(a.class, a.lang, a.language) {
		f.cand = false
	}
	f.block.Opts = attrOptions(a, f.block.Opts)
}

// candidate applies the rules of detect.go to the open pre.
func (f *finder) candidate() bool {
	if !f.detect {
		return false
	}
	if f.stack[f.pre].attrs.skip {
		return false
	}
	for i := f.pre; i >= 1 && i >= f.pre-2; i-- {
		a := &f.stack[i].attrs
		if NamesOtherLanguage(a.class, a.lang, a.language) {
			return false
		}
	}
	return true
}

// hiddenOptions reads the hidden comment right before the open pre, or
// before its parent while it has no sibling before it, up to three levels.
func (f *finder) hiddenOptions() (o Options, skip bool) {
	for i := f.pre; i >= 1 && i >= f.pre-3; i-- {
		if fr := &f.stack[i]; fr.hasBefore {
			o, skip, _ = HiddenOptions(fr.before, Options{})
			return o, skip
		}
	}
	return Options{}, false
}

// endBlock decides, at the end of a pre, whether it was an example.
func (f *finder) endBlock(end int) {
	b, t := f.block, f.text
	f.block, f.text, f.pre = nil, nil, -1
	if !b.Explicit && !(f.cand && IsTranscript(t.b.String())) {
		return
	}
	b.Text, b.Lines, b.At = t.b.String(), t.lines, end
	f.p.examples = append(f.p.examples, *b)
	for i := 1; i < len(f.stack); i++ {
		if f.stack[i].highlight {
			f.pending = append(f.pending, len(f.p.examples)-1)
			f.hlDepth = i
			break
		}
	}
}
