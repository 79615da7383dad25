package docs

import (
	"sort"
	"strings"
)

// findMarkdown finds the examples of a Markdown file by the rules of
// detect.go: fences tagged cvq (explicit), untagged or plain-text fences
// and indented code blocks that hold a transcript, and pre elements in its
// raw HTML. Front matter (--- or +++ at the first line) is skipped, and
// the lines are those of the file.
func findMarkdown(src []byte) []Found {
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	blank := make([]bool, len(lines)) // lines that are not raw HTML
	var out []Found
	i := frontMatter(lines, blank)
	inList, prevBlank := false, true
	for i < len(lines) {
		l := lines[i]
		indent, rest := indentOf(l)
		if rest == "" {
			prevBlank = true
			i++
			continue
		}
		if fence, ok := fenceOpen(rest); ok && (indent <= 3 || inList) {
			i = readFence(lines, i, indent, fence, blank, &out)
			prevBlank = false
			continue
		}
		if indent >= 4 && prevBlank && !inList {
			i = readIndented(lines, i, blank, &out)
			continue
		}
		if isListItem(rest) && indent <= 3 {
			inList = true
		} else if indent == 0 && prevBlank {
			inList = false
		}
		// After an ATX heading or an HTML comment, a code block may follow.
		prevBlank = strings.HasPrefix(rest, "#") || strings.HasPrefix(rest, "<!--") && strings.HasSuffix(rest, "-->")
		i++
	}
	// The rest is HTML for the pre elements it holds.
	var html strings.Builder
	// A code block leaves text in its place, so that a hidden comment
	// before it is not read as one before a pre that follows it.
	for i, l := range lines {
		switch {
		case !blank[i]:
			html.WriteString(blankCodeSpans(l))
		case i > 0 && !blank[i-1] || i == 0:
			html.WriteString("code")
		}
		html.WriteByte('\n')
	}
	out = append(out, findHTML([]byte(html.String()), true).examples...)
	sort.SliceStable(out, func(a, b int) bool { return out[a].Lines[0] < out[b].Lines[0] })
	return out
}

// frontMatter blanks a YAML (---) or TOML (+++) front matter and returns
// the index of the line after it.
func frontMatter(lines []string, blank []bool) int {
	if len(lines) == 0 || (lines[0] != "---" && lines[0] != "+++") {
		return 0
	}
	for i := 1; i < len(lines); i++ {
		if lines[i] == lines[0] || (lines[0] == "---" && lines[i] == "...") {
			for j := 0; j <= i; j++ {
				blank[j] = true
			}
			return i + 1
		}
	}
	return 0
}

// indentOf counts the leading blanks (a tab to the next multiple of 4).
func indentOf(l string) (int, string) {
	n := 0
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case ' ':
			n++
		case '\t':
			n += 4 - n%4
		default:
			return n, l[i:]
		}
	}
	return n, ""
}

// fenceOpen reads an opening fence: its marker (``` or ~~~, or longer).
func fenceOpen(rest string) (string, bool) {
	c := rest[0]
	if c != '`' && c != '~' {
		return "", false
	}
	n := 0
	for n < len(rest) && rest[n] == c {
		n++
	}
	if n < 3 || (c == '`' && strings.IndexByte(rest[n:], '`') >= 0) {
		return "", false
	}
	return rest[:n], true
}

// readFence reads the fence opening at line i and returns the line after it.
func readFence(lines []string, i, indent int, fence string, blank []bool, out *[]Found) int {
	open := i
	_, rest := indentOf(lines[i])
	lang := strings.ToLower(firstWord(strings.TrimSpace(rest[len(fence):])))
	var text strings.Builder
	var at []int
	blank[i] = true
	for i++; i < len(lines); i++ {
		blank[i] = true
		n, r := indentOf(lines[i])
		if n <= 3 && strings.HasPrefix(r, fence) && strings.Trim(r, fence[:1]+" \t") == "" {
			i++
			break
		}
		text.WriteString(dedent(lines[i], indent))
		text.WriteByte('\n')
		at = append(at, i+1)
	}
	addBlock(lines, open, lang == "cvq", plainLanguages[lang], text.String(), at, out)
	return i
}

// readIndented reads an indented code block starting at line i.
func readIndented(lines []string, i int, blank []bool, out *[]Found) int {
	open := i
	var text strings.Builder
	var at []int
	end := i
	for ; i < len(lines); i++ {
		n, r := indentOf(lines[i])
		if r != "" && n < 4 {
			break
		}
		if r != "" {
			end = i + 1
		}
	}
	for j := open; j < end; j++ {
		blank[j] = true
		text.WriteString(dedent(lines[j], 4))
		text.WriteByte('\n')
		at = append(at, j+1)
	}
	addBlock(lines, open, false, true, text.String(), at, out)
	return end
}

// addBlock adds a code block opening at line open when it is an example,
// with the options of the hidden comment on the last non-blank line
// before it.
func addBlock(lines []string, open int, explicit, plain bool, text string, at []int, out *[]Found) {
	var o Options
	skip := false
	for j := open - 1; j >= 0; j-- {
		if l := strings.TrimSpace(lines[j]); l != "" {
			if c, ok := strings.CutPrefix(l, "<!--"); ok && strings.HasSuffix(c, "-->") {
				o, skip, _ = HiddenOptions(strings.TrimSuffix(c, "-->"), o)
			}
			break
		}
	}
	if !explicit && (!plain || skip || !IsTranscript(text)) {
		return
	}
	if len(at) == 0 {
		at = []int{open + 2}
	}
	*out = append(*out, Found{Explicit: explicit, Opts: o, Text: text, Lines: at})
}

// dedent removes up to n columns of leading blanks.
func dedent(l string, n int) string {
	col := 0
	for i := 0; i < len(l); i++ {
		switch {
		case col >= n:
			return l[i:]
		case l[i] == ' ':
			col++
		case l[i] == '\t':
			col += 4 - col%4
			if col > n {
				return strings.Repeat(" ", col-n) + l[i+1:]
			}
		default:
			return l[i:]
		}
	}
	return ""
}

func firstWord(s string) string {
	if i := strings.IndexAny(s, " \t{"); i >= 0 {
		return s[:i]
	}
	return s
}

// isListItem reports whether a line (blanks removed) starts a list item.
func isListItem(rest string) bool {
	if len(rest) >= 2 && strings.IndexByte("-*+", rest[0]) >= 0 && (rest[1] == ' ' || rest[1] == '\t') {
		return true
	}
	n := 0
	for n < len(rest) && n < 9 && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	return n > 0 && n+1 < len(rest) && (rest[n] == '.' || rest[n] == ')') && (rest[n+1] == ' ' || rest[n+1] == '\t')
}

// blankCodeSpans replaces the code spans of a line (`<pre data-cvq>` in
// prose) with spaces, so that their text is not read as HTML.
func blankCodeSpans(l string) string {
	if strings.IndexByte(l, '`') < 0 {
		return l
	}
	b := []byte(l)
	for i := 0; i < len(b); {
		if b[i] != '`' {
			i++
			continue
		}
		n := 0
		for i+n < len(b) && b[i+n] == '`' {
			n++
		}
		close := strings.Index(string(b[i+n:]), strings.Repeat("`", n))
		if close < 0 {
			break
		}
		end := i + n + close + n
		for j := i; j < end; j++ {
			b[j] = ' '
		}
		i = end
	}
	return string(b)
}
