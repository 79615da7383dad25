package protocol

// Span is the half-open byte range [Start, End) of a token in its line.
// The zero Span is empty and sits at the start of the line.
type Span struct {
	Start int // the first byte
	End   int // one past the last byte
}

// Len reports the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// In returns the text of s in line.
func (s Span) In(line string) string { return line[s.Start:s.End] }

// isBlank reports whether c separates parameters: a space or a tab.
func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// nextToken returns the span of the first token of line at or after i, and
// ok=false when only blanks remain. Runs of spaces and tabs separate tokens.
func nextToken(line string, i int) (Span, bool) {
	for i < len(line) && isBlank(line[i]) {
		i++
	}
	if i >= len(line) {
		return Span{i, i}, false
	}
	j := i
	for j < len(line) && !isBlank(line[j]) {
		j++
	}
	return Span{i, j}, true
}

// Tokenize returns the spans of the whitespace-separated tokens of line, in
// order. A line that starts with a blank still yields its tokens; [Parse]
// is the one that rejects it.
func Tokenize(line string) []Span {
	var spans []Span
	for i := 0; ; {
		sp, ok := nextToken(line, i)
		if !ok {
			return spans
		}
		spans = append(spans, sp)
		i = sp.End
	}
}

// IsBlank reports whether line holds nothing but spaces and tabs.
func IsBlank(line string) bool {
	for i := 0; i < len(line); i++ {
		if !isBlank(line[i]) {
			return false
		}
	}
	return true
}
