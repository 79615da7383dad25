package protocol

import (
	"io"
	"strings"
)

// Entry is one client line of a transcript with the server lines pasted
// after it, if any.
type Entry struct {
	Client string
	// Line is the 1-based input line the client line starts on, and Segs
	// map the client line back to the input (more than one segment when
	// ".. " continuations were joined).
	Line int
	Segs []Segment
	// Expected reports that server lines or a "Server disconnects client."
	// follow the client line in the input, so the answer can be compared.
	Expected    bool
	Expect      []string
	ExpectClose bool
	// Hangup reports that a "Client disconnects." follows the client line
	// (and its server lines): the client closes the connection, and the
	// next client line opens a new one.
	Hangup bool
	// ExpectLines are the 1-based input lines the Expect lines start on,
	// and CloseLine the first "Server disconnects client." line (0: none),
	// so that a checker can point at a documented line.
	ExpectLines []int
	CloseLine   int
}

// Segment maps Len bytes of a client line, from byte At, to the input's
// bytes from Off.
type Segment struct{ Off, At, Len int }

// Transcript is client lines with expectations, read from the notation of
// protocol documentation.
type Transcript struct {
	Entries []Entry
	// Stray holds server lines that come before any client line.
	Stray []string
}

// Notation of transcripts.
const (
	DisconnectLine = "Server disconnects client."
	// HangupLine is the client's close: the next client line opens a new
	// connection, as after DisconnectLine. A recording of separate
	// connections (probe's) needs it where the server kept one open.
	HangupLine     = "Client disconnects."
	notSimulated   = "# not simulated: "
	expectedPrefix = "! expected: "
	expectedNone   = "! expected no reply"
)

// ReadTranscript reads client lines and expectations. A line is a client
// line, bare or after "C: " or ">>> "; "S: " and "<<< " mark expected
// server lines; ".. " continues the previous line (joined with one space);
// "Server disconnects client." expects a close; "Client disconnects." closes
// the connection from the client's side (see Entry.Hangup); lines starting
// with "#" are comments. A CR before the LF is dropped, and a last line
// without LF counts.
//
// A recording of separate connections reads:
//
//	# case msn-2003-09/ver/chosen/1: PASS
//	C: VER 1 MSNP8 CVR0
//	S: VER 1 MSNP8
//	Client disconnects.
//
//	C: CVQ 6 spaghetti
//	S: 731 6
//	Server disconnects client.
func ReadTranscript(text string) Transcript {
	lines := strings.Count(text, "\n") + 1
	t := Transcript{Entries: make([]Entry, 0, lines)}
	// One backing array for the segments of all entries; a joined line's
	// append goes elsewhere, as each entry's slice is capped at one.
	segs := make([]Segment, 0, lines)
	last := -1          // index of the last non-blank client entry
	prevServer := false // the previous input line was a server line
	off := 0
	for n := 1; off < len(text) || (n == 1 && text != ""); n++ {
		end := strings.IndexByte(text[off:], '\n')
		next := len(text)
		if end >= 0 {
			end += off
			next = end + 1
		} else {
			end = len(text)
		}
		line := text[off:end]
		if strings.HasSuffix(line, "\r") {
			line = line[:len(line)-1]
		}
		start := off
		off = next
		if rest, ok := cutPrefix(line, "..", " "); ok {
			switch {
			case prevServer && last >= 0 && len(t.Entries[last].Expect) > 0:
				e := &t.Entries[last]
				e.Expect[len(e.Expect)-1] = normalizeServer(e.Expect[len(e.Expect)-1] + " " + rest)
				continue
			case prevServer && last < 0 && len(t.Stray) > 0:
				t.Stray[len(t.Stray)-1] = normalizeServer(t.Stray[len(t.Stray)-1] + " " + rest)
				continue
			case !prevServer && len(t.Entries) > 0:
				e := &t.Entries[len(t.Entries)-1]
				e.Client += " "
				e.Segs = append(e.Segs, Segment{Off: start + len(line) - len(rest), At: len(e.Client), Len: len(rest)})
				e.Client += rest
				if !IsBlank(e.Client) {
					last = len(t.Entries) - 1
				}
				continue
			}
		}
		if rest, ok := serverLine(line); ok {
			prevServer = true
			if last < 0 {
				t.Stray = append(t.Stray, normalizeServer(rest))
				continue
			}
			e := &t.Entries[last]
			e.Expected = true
			e.Expect = append(e.Expect, normalizeServer(rest))
			e.ExpectLines = append(e.ExpectLines, n)
			continue
		}
		if strings.TrimRight(line, " \t") == DisconnectLine {
			if last >= 0 {
				e := &t.Entries[last]
				e.Expected = true
				e.ExpectClose = true
				if e.CloseLine == 0 {
					e.CloseLine = n
				}
			}
			prevServer = true
			continue
		}
		if strings.TrimRight(line, " \t") == HangupLine {
			if last >= 0 {
				t.Entries[last].Hangup = true
			}
			prevServer = true
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		prevServer = false
		client := line
		if rest, ok := cutPrefix(line, "C:", " "); ok {
			client = rest
		} else if rest, ok := cutPrefix(line, ">>>", " "); ok {
			client = rest
		}
		segs = append(segs, Segment{Off: start + len(line) - len(client), At: 0, Len: len(client)})
		t.Entries = append(t.Entries, Entry{Client: client, Line: n, Segs: segs[len(segs)-1 : len(segs) : len(segs)]})
		if !IsBlank(client) {
			last = len(t.Entries) - 1
		}
	}
	return t
}

func serverLine(line string) (string, bool) {
	if rest, ok := cutPrefix(line, "S:", " "); ok {
		return rest, true
	}
	return cutPrefix(line, "<<<", " ")
}

// cutPrefix removes prefix and one following sep; the prefix alone, at the
// end of the line, also counts.
func cutPrefix(line, prefix, sep string) (string, bool) {
	if line == prefix {
		return "", true
	}
	if rest, ok := strings.CutPrefix(line, prefix); ok && strings.HasPrefix(rest, sep) {
		return rest[len(sep):], true
	}
	return "", false
}

// normalizeServer writes a pasted server line the way the server writes
// lines: single spaces, no leading or trailing blanks.
func normalizeServer(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t") && strings.TrimSpace(s) == s {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' }), " ")
}

// Differs reports whether e's expectations, if any, disagree with x.
func (e *Entry) Differs(x *Exchange) bool { return e.LinesDiffer(x) || e.CloseDiffers(x) }

// LinesDiffer reports whether pasted server lines disagree with x's reply.
// A "Server disconnects client." right after the client line, with no
// server line, expects no reply.
func (e *Entry) LinesDiffer(x *Exchange) bool {
	if !e.Expected {
		return false
	}
	if x.Reply == "" {
		return len(e.Expect) != 0
	}
	// Pasted lines are compared with their blanks collapsed, as web pages
	// show them; so is a reply with an empty field (two spaces).
	return len(e.Expect) != 1 || e.Expect[0] != x.Reply && e.Expect[0] != normalizeServer(x.Reply)
}

// CloseDiffers reports whether a pasted "Server disconnects client." is
// not what the server did. Without one, the close is not compared: the
// wiki's transcripts often leave it out.
func (e *Entry) CloseDiffers(x *Exchange) bool { return e.ExpectClose && !x.Close }

// Respond runs the transcript in text against p and writes it in the
// notation of protocol documentation:
//
//	C: <client line>
//	S: <server line>
//	Server disconnects client.
//
// with an empty line between connections, "# not simulated: CMD" for
// commands outside CVQ, and "! expected: …" lines where a pasted
// expectation differs (see AppendAnnotations). It reports whether any
// did. It is RespondStream over text.
func Respond(w io.Writer, p *Policy, text string) (differs bool, err error) {
	return RespondStream(w, p, strings.NewReader(text))
}
