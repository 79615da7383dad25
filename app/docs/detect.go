package docs

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Finding examples as documentation writes them. embed.js (with
// data-cvq-detect), render -detect and check apply these rules; embed.js
// mirrors them in JavaScript, over the same test pages (testdata/wiki).
//
// Explicit examples — pre[data-cvq], pre.language-cvq, pre > code.language-cvq,
// pre > code[data-lang=cvq], and Markdown fences tagged cvq — are always
// examples, whatever their text or size. With detection on, any other pre
// (and any untagged fence or indented code block in Markdown) is a candidate
// when:
//
//   - it is not inside an earlier view (data-cvq-rendered) and carries no
//     data-cvq-skip, nor follows the hidden comment <!-- cvq skip -->;
//   - it names no other language: the class tokens language-X, lang-X and
//     highlight-X, and the attributes data-lang=X and data-language=X, on
//     the pre, its code children, its parent and its grandparent (where
//     Hugo, MkDocs, Sphinx and Docusaurus put them) name no X other than
//     "", cvq, text, plaintext, plain, txt, none, nohighlight or default
//     (Sphinx's untagged blocks), in any case.
//
// A candidate's text is read as highlighters leave it (see blockText):
// text with entities decoded, <br> a line break, U+00A0 a space, the line
// spans of Chroma, Shiki and Prism (span.line, span.token-line, a span
// styled display:flex) each ending a line, Chroma's line numbers (.ln,
// .lnt) skipped, and one newline right after <pre> dropped.
//
// A candidate is an example when one of its first MaxDetectLines lines is
// a client line written in either notation — "C: " or ">>> " at the start
// of the line — whose command is VER, CVR or CVQ followed by blanks and a
// TrID of 1 to 10 digits no greater than 4294967295 (IsTranscript). Bare
// lines never make a block an example, since pages write server replies
// and syntax bare ("CVQ TrID locale …"); in an example they are client
// lines. A candidate longer than MaxDetectChars UTF-16 code units is left
// alone.
//
// Examples are read by ReadExample: the engine's notation, MediaWiki's
// one-line ">>> … <<< …" form and "---" remarks, and a ">>> VER" after
// other lines opening a new connection.
//
// Options, the first that sets a key winning: the block's first comment
// lines (# policy: …, see SplitOptions); data-policy, data-sel and
// data-theme on its code, then on its pre; the hidden comment right before
// the block, <!-- cvq policy: msn-2003-09; sel: 2; theme: dark -->
// (HiddenOptions); the page's default (data-policy on its embed.js script
// tag, or ?policy= in its address; else render's and check's -policy);
// protocol.DefaultPreset. "Right before" is the previous sibling
// that is not blank text, of the pre or, while there is none, of its
// parent, up to three levels up; in Markdown, the last non-blank line
// before the fence.
const (
	MaxDetectChars = 65536
	MaxDetectLines = 1000
)

// IsTranscript reports whether text, a candidate block's text, is an
// example: a "C: " or ">>> " line among its first MaxDetectLines lines is
// VER, CVR or CVQ with a numeric TrID.
func IsTranscript(text string) bool {
	if len(text) > MaxDetectChars && utf16Len(text, MaxDetectChars+1) > MaxDetectChars {
		return false
	}
	for n := 0; n < MaxDetectLines && text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if rest, ok := strings.CutPrefix(line, "C: "); ok && isQuery(rest) {
			return true
		}
		if rest, ok := strings.CutPrefix(line, ">>> "); ok && isQuery(rest) {
			return true
		}
	}
	return false
}

// isQuery reports whether a client line is VER, CVR or CVQ with a TrID
// the engine takes.
func isQuery(line string) bool {
	line = strings.TrimSuffix(line, "\r")
	if len(line) < 5 || (line[:3] != "VER" && line[:3] != "CVR" && line[:3] != "CVQ") || !isBlankByte(line[3]) {
		return false
	}
	rest := strings.TrimLeft(line[3:], " \t")
	end := strings.IndexAny(rest, " \t")
	if end < 0 {
		end = len(rest)
	}
	trid := rest[:end]
	if len(trid) == 0 || len(trid) > 10 {
		return false
	}
	for i := 0; i < len(trid); i++ {
		if trid[i] < '0' || trid[i] > '9' {
			return false
		}
	}
	v, err := strconv.ParseUint(trid, 10, 64)
	return err == nil && v <= 1<<32-1
}

func isBlankByte(c byte) bool { return c == ' ' || c == '\t' }

// utf16Len counts s in UTF-16 code units, as JavaScript's length does,
// stopping once it passes limit.
func utf16Len(s string, limit int) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
		if n > limit {
			break
		}
	}
	return n
}

// plainLanguages are the language names that leave a block a candidate.
var plainLanguages = map[string]bool{"": true, "cvq": true, "text": true, "plaintext": true, "plain": true, "txt": true, "none": true, "nohighlight": true, "default": true}

// NamesOtherLanguage reports whether an element's class list or its
// data-lang / data-language value names a language other than plain
// text or cvq.
func NamesOtherLanguage(class, dataLang, dataLanguage string) bool {
	for _, c := range strings.Fields(class) {
		for _, p := range [...]string{"language-", "lang-", "highlight-"} {
			if x, ok := cutPrefixFold(c, p); ok && !plainLanguages[strings.ToLower(x)] {
				return true
			}
		}
	}
	return !plainLanguages[strings.ToLower(strings.TrimSpace(dataLang))] || !plainLanguages[strings.ToLower(strings.TrimSpace(dataLanguage))]
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case (prefix is
// ASCII; Unicode's case tables would weigh on engine.wasm).
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) {
		return "", false
	}
	for i := 0; i < len(prefix); i++ {
		if lower(s[i]) != lower(prefix[i]) {
			return "", false
		}
	}
	return s[len(prefix):], true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// HiddenOptions reads a hidden comment's text (between <!-- and -->):
// "cvq policy: msn-2003-09; sel: 2; theme: dark" sets o's keys it names;
// "cvq skip" reports skip. ok is false for any other comment.
func HiddenOptions(comment string, o Options) (_ Options, skip, ok bool) {
	rest, ok := cutPrefixFold(strings.TrimSpace(comment), "cvq")
	if !ok || (rest != "" && !isBlankByte(rest[0]) && rest[0] != '\n' && rest[0] != '\r') || !utf8.ValidString(rest) {
		return o, false, false
	}
	for _, part := range strings.Split(rest, ";") {
		part = strings.TrimSpace(part)
		if rest, ok := cutPrefixFold(part, "skip"); ok && rest == "" {
			skip = true
			continue
		}
		key, val, found := strings.Cut(part, ":")
		if !found {
			continue
		}
		val = strings.TrimSpace(val)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "policy":
			o.Policy = val
		case "sel":
			if n := atoiPositive(val); n > 0 {
				o.Sel = n
			}
		case "theme":
			o.Theme = normTheme(val)
		}
	}
	return o, skip, true
}
