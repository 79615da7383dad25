package site

import (
	"bytes"
	"strings"
)

// go-app writes prerendered pages indented, one child per line. In most
// places that whitespace is harmless, but the transcript keeps the line's
// own spaces (white-space: pre-wrap), where the indentation showed as
// blank lines and wide gaps until the WebAssembly redrew the page.
// compactHTML takes the indentation out again, so that the prerendered
// page holds the same text as the one the WebAssembly draws.
//
// It relies on the encoder's layout: an element with several children
// writes "\n", then each child indented by two spaces per open element and
// followed by "\n", then the closing tag indented; a lone text child
// stays inline. Text kept apart from that layout is copied as it is.
func compactHTML(in []byte) []byte {
	out := make([]byte, 0, len(in))
	depth := 0
	for i := 0; i < len(in); {
		if in[i] != '<' {
			j := bytes.IndexByte(in[i:], '<')
			if j < 0 {
				j = len(in) - i
			}
			closing := i+j+1 < len(in) && in[i+j+1] == '/'
			out = appendText(out, in[i:i+j], depth, closing)
			i += j
			continue
		}
		end := tagEnd(in, i)
		tag := in[i:end]
		out = append(out, tag...)
		i = end
		name, closing := tagName(tag)
		switch {
		case closing:
			depth--
		case voidElements[name] || strings.HasPrefix(name, "!") || bytes.HasSuffix(tag, []byte("/>")):
		case rawTextElements[name]:
			// Script, style, title and textarea content is copied as it is.
			close := bytes.Index(in[i:], []byte("</"+name))
			if close < 0 {
				close = len(in) - i
			}
			out = append(out, in[i:i+close]...)
			i += close
			depth++
		default:
			depth++
		}
	}
	return out
}

// appendText appends the text between two tags without the encoder's
// line breaks and indentation. depth is the number of open elements;
// beforeClose tells whether a closing tag follows.
func appendText(out, text []byte, depth int, beforeClose bool) []byte {
	if bytes.IndexByte(text, '\n') < 0 {
		return append(out, text...)
	}
	pieces := bytes.Split(text, []byte{'\n'})
	out = append(out, pieces[0]...)
	childIndent := strings.Repeat(" ", 2*depth)
	for k, p := range pieces[1:] {
		last := k == len(pieces)-2
		switch {
		case last && beforeClose && string(p) == strings.Repeat(" ", max(0, 2*depth-2)):
		case last && !beforeClose && string(p) == childIndent:
		case !last && bytes.HasPrefix(p, []byte(childIndent)):
			out = append(out, p[len(childIndent):]...)
		default:
			out = append(out, '\n')
			out = append(out, p...)
		}
	}
	return out
}

// tagEnd returns the index just after the tag that starts at i, skipping
// quoted attribute values (go-app quotes them with strconv.Quote).
func tagEnd(in []byte, i int) int {
	for j := i + 1; j < len(in); j++ {
		switch in[j] {
		case '"':
			for j++; j < len(in) && in[j] != '"'; j++ {
				if in[j] == '\\' {
					j++
				}
			}
		case '>':
			return j + 1
		}
	}
	return len(in)
}

// tagName returns the lower-case name of a tag and whether it closes.
func tagName(tag []byte) (string, bool) {
	s := strings.TrimPrefix(string(tag), "<")
	closing := strings.HasPrefix(s, "/")
	s = strings.TrimPrefix(s, "/")
	end := strings.IndexAny(s, " \t\n/>")
	if end < 0 {
		end = len(s)
	}
	return strings.ToLower(s[:end]), closing
}

var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true}

var rawTextElements = map[string]bool{"script": true, "style": true, "title": true, "textarea": true}
