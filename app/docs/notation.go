package docs

import (
	"strings"

	"cvq-playground/protocol"
)

// ReadExample reads an example's lines as protocol.ReadTranscript does,
// and also as the MediaWiki wikis write them:
//
//	>>> VER 0 MSNP8 CVR0 <<< VER 0 MSNP8 CVR0
//	>>> VER 0 MYPROTOCOL <<< VER 0 0 --- Server closes connection
//	--- Server closes connection (no trid)
//
// " <<< " in a ">>> " line starts the documented server line; " --- " in
// a ">>>" or "<<<" line, or "---" at the start of a line, starts a remark.
// A remark, or a line, that begins "Server closes connection" or "Server
// disconnects client" documents a close; other remarks are comments.
//
// A ">>> VER" line after other lines opens a new connection (the entry
// before it gets Hangup, see protocol.Session.StepEntry): MediaWiki's
// pages list separate negotiations in one block. Written bare or after
// "C: ", a second VER is the server's business (it closes). Line numbers
// stay those of text.
func ReadExample(text string) protocol.Transcript {
	t := protocol.ReadTranscript(text)
	if !strings.Contains(text, "<<<") && !strings.Contains(text, "---") && !strings.Contains(text, "Server closes") && strings.Count(text, "VER") < 2 {
		return t
	}
	n := 0
	last := -1 // the last non-blank entry kept
	for i := range t.Entries {
		e := &t.Entries[i]
		if remark, ok := strings.CutPrefix(e.Client, "---"); ok || isCloseRemark(e.Client) {
			if !ok {
				remark = e.Client
			}
			if last >= 0 {
				k := &t.Entries[last]
				if isCloseRemark(remark) {
					expectClose(k, e.Line)
				}
				// Lines documented after a remark belong to the line before it.
				k.Expect = append(k.Expect, e.Expect...)
				k.ExpectLines = append(k.ExpectLines, e.ExpectLines...)
				k.Expected = k.Expected || e.Expected
				if e.ExpectClose {
					expectClose(k, e.CloseLine)
				}
			}
			continue
		}
		if len(e.Segs) > 0 && lineStartsWith(text, e.Segs[0].Off, ">>>") {
			oneLine(e)
		}
		for k, l := range e.Expect {
			if before, remark, ok := strings.Cut(l, " --- "); ok {
				e.Expect[k] = before
				if isCloseRemark(remark) {
					expectClose(e, e.ExpectLines[k])
				}
			}
		}
		if last >= 0 && isVER(e.Client) && len(e.Segs) > 0 && lineStartsWith(text, e.Segs[0].Off, ">>>") {
			t.Entries[last].Hangup = true
		}
		if n != i {
			t.Entries[n] = *e
		}
		if !protocol.IsBlank(t.Entries[n].Client) {
			last = n
		}
		n++
	}
	t.Entries = t.Entries[:n]
	return t
}

// oneLine splits ">>> client <<< server --- remark" written on one line.
func oneLine(e *protocol.Entry) {
	cut := len(e.Client)
	server, remark := "", ""
	hasServer := false
	if i := strings.Index(e.Client, " <<< "); i >= 0 {
		cut, hasServer = i, true
		server = e.Client[i+len(" <<< "):]
		server, remark, _ = strings.Cut(server, " --- ")
	} else if i := strings.Index(e.Client, " --- "); i >= 0 {
		cut, remark = i, e.Client[i+len(" --- "):]
	} else {
		return
	}
	e.Client = e.Client[:cut]
	segs := e.Segs[:0]
	for _, s := range e.Segs {
		if s.At >= cut {
			break
		}
		s.Len = min(s.Len, cut-s.At)
		segs = append(segs, s)
	}
	e.Segs = segs
	if hasServer {
		e.Expected = true
		e.Expect = append([]string{collapseBlanks(server)}, e.Expect...)
		e.ExpectLines = append([]int{e.Line}, e.ExpectLines...)
	}
	if isCloseRemark(remark) {
		expectClose(e, e.Line)
	}
}

func expectClose(e *protocol.Entry, line int) {
	e.Expected, e.ExpectClose = true, true
	if e.CloseLine == 0 || line < e.CloseLine {
		e.CloseLine = line
	}
}

// isCloseRemark reports whether a remark documents the server's close.
func isCloseRemark(s string) bool {
	s = strings.TrimSpace(s)
	_, a := cutPrefixFold(s, "Server closes connection")
	_, b := cutPrefixFold(s, "Server disconnects client")
	return a || b
}

// lineStartsWith reports whether the line of text holding byte off
// starts with prefix.
func lineStartsWith(text string, off int, prefix string) bool {
	start := strings.LastIndexByte(text[:min(off, len(text))], '\n') + 1
	return strings.HasPrefix(text[start:], prefix)
}

// collapseBlanks writes a server line as the server does: single spaces,
// no blanks around it.
func collapseBlanks(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if !isBlankByte(s[i]) {
			if len(b) > 0 && isBlankByte(s[i-1]) {
				b = append(b, ' ')
			}
			b = append(b, s[i])
		}
	}
	return string(b)
}

// isVER reports whether a client line is a VER.
func isVER(client string) bool {
	return strings.HasPrefix(client, "VER") && (len(client) == 3 || isBlankByte(client[3]))
}

// PlaygroundText writes an example's lines in the notation the playground
// reads (protocol.ReadTranscript), for its "Open in playground" link:
// MediaWiki's one-line ">>> … <<< …" split in two, its remarks written as
// protocol.DisconnectLine or as comments, and protocol.HangupLine before a
// ">>> VER" that ReadExample starts a new connection with. line maps a
// line of text to its line in out.
func PlaygroundText(text string) (out string, line func(int) int) {
	if !strings.Contains(text, "<<<") && !strings.Contains(text, "---") && !strings.Contains(text, "Server closes") && strings.Count(text, ">>> VER") < 2 {
		return text, func(n int) int { return n }
	}
	var b strings.Builder
	starts := []int{0} // starts[n-1]: the line of out that text's line n starts
	outLines, client := 0, false
	emit := func(l string) {
		b.WriteString(l)
		b.WriteByte('\n')
		outLines++
	}
	remark := func(r string) {
		if isCloseRemark(r) {
			emit(protocol.DisconnectLine)
		} else {
			emit("# " + strings.TrimSpace(r))
		}
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	for i, l := range lines {
		if i > 0 {
			starts = append(starts, outLines)
		}
		l = strings.TrimSuffix(l, "\r")
		switch {
		case strings.HasPrefix(l, "---"):
			remark(l[3:])
		case isCloseRemark(l):
			emit(protocol.DisconnectLine)
		case strings.HasPrefix(l, ">>>"):
			// As oneLine splits it.
			cl, server, tail := l, "", ""
			hasServer, hasRemark := false, false
			if i := strings.Index(l, " <<< "); i >= 0 {
				cl, hasServer = l[:i], true
				server, tail, hasRemark = strings.Cut(l[i+len(" <<< "):], " --- ")
			} else if i := strings.Index(l, " --- "); i >= 0 {
				cl, tail, hasRemark = l[:i], l[i+len(" --- "):], true
			}
			if client && isVER(strings.TrimPrefix(cl, ">>> ")) {
				emit(protocol.HangupLine)
				starts[len(starts)-1] = outLines
			}
			client = true
			emit(cl)
			if hasServer {
				emit("<<< " + server)
			}
			if hasRemark {
				remark(tail)
			}
		case strings.HasPrefix(l, "<<<"):
			server, tail, found := strings.Cut(l, " --- ")
			emit(server)
			if found {
				remark(tail)
			}
		default:
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "S:") && !strings.HasPrefix(l, "..") {
				client = true
			}
			emit(l)
		}
	}
	out = b.String()
	if !strings.HasSuffix(text, "\n") {
		out = strings.TrimSuffix(out, "\n")
	}
	return out, func(n int) int {
		if n >= 1 && n <= len(starts) {
			return starts[n-1] + 1
		}
		return n
	}
}
