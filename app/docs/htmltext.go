package docs

import (
	"html"
	"strings"
)

// blockText reads the text of a pre element as highlighters leave it,
// and remembers the page line each of its lines starts on:
//
//   - text, its entities decoded, U+00A0 read as a space, CR LF as LF;
//   - <br> is a line break;
//   - a line span (span.line of Chroma and Shiki, span.token-line of
//     Prism, a span styled display:flex by Chroma's classless output)
//     ends a line: unless what it held ends with one, a line break is
//     pending, written before the next text unless that text starts with
//     one, and dropped at the end;
//   - Chroma's line numbers (class ln or lnt) are skipped;
//   - a line break right after <pre> is dropped, as the HTML parser does.
type blockText struct {
	b       strings.Builder
	lines   []int // lines[i]: the page line text line i+1 starts on
	pending bool  // a line span ended without a line break
	first   bool  // nothing has come since <pre>
	skip    int   // open elements whose text is skipped
}

func newBlockText(line int) *blockText {
	return &blockText{lines: []int{line}, first: true}
}

// text adds the raw bytes of a text token that starts on page line line.
func (t *blockText) text(raw []byte, line int) {
	if t.skip > 0 {
		return
	}
	s := string(raw)
	if t.first {
		t.first = false
		if rest, ok := strings.CutPrefix(strings.TrimPrefix(s, "\r"), "\n"); ok {
			s = rest
			line++
			t.lines[0] = line
		}
	}
	for {
		piece, rest, found := strings.Cut(s, "\n")
		t.write(html.UnescapeString(strings.TrimSuffix(piece, "\r")), line)
		if !found {
			return
		}
		line++
		t.br(line)
		s = rest
	}
}

// write adds decoded text found on page line line.
func (t *blockText) write(s string, line int) {
	if s == "" {
		return
	}
	if t.pending {
		t.pending = false
		if s[0] != '\n' {
			t.b.WriteByte('\n')
			t.lines = append(t.lines, line)
		}
	}
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ReplaceAll(s, "\x00", "\uFFFD")
	for i := strings.IndexByte(s, '\n'); i >= 0; i = strings.IndexByte(s, '\n') {
		t.b.WriteString(s[:i+1])
		t.lines = append(t.lines, line)
		s = s[i+1:]
	}
	t.b.WriteString(s)
}

// br adds a line break; the next line starts on page line next.
func (t *blockText) br(next int) {
	if t.skip > 0 {
		return
	}
	t.first, t.pending = false, false
	t.b.WriteByte('\n')
	t.lines = append(t.lines, next)
}

// endLineSpan marks the end of a line span.
func (t *blockText) endLineSpan() {
	if t.skip == 0 && t.b.Len() > 0 && !strings.HasSuffix(t.b.String(), "\n") {
		t.pending = true
	}
}

// element says what an element inside the block is: a line span, or
// one whose text is skipped.
func element(tag string, a attrs) (lineSpan, skipped bool) {
	cls := a.class
	if hasClass(cls, "ln") || hasClass(cls, "lnt") {
		return false, true
	}
	if tag != "span" {
		return false, false
	}
	style := strings.ReplaceAll(strings.ToLower(a.style), " ", "")
	return hasClass(cls, "line") || hasClass(cls, "token-line") || strings.Contains(style, "display:flex"), false
}
