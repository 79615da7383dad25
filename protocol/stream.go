package protocol

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"strings"
	"unsafe"
)

// MaxTranscriptLine bounds one line of a transcript that RespondStream
// reads (a joined ".. " line may grow past it): the whole line is written
// back, so it is held whole.
const MaxTranscriptLine = 256 << 20

// ErrLineTooLong is returned by RespondStream for a line longer than
// MaxTranscriptLine.
var ErrLineTooLong = errors.New("a transcript line is longer than 256 MiB")

// Buffer sizes of RespondStream: large enough that a read or a write
// carries hundreds of lines.
const (
	streamReadBuffer  = 64 << 10
	streamWriteBuffer = 64 << 10
)

// RespondStream is Respond reading the transcript from r as it goes. It
// reads the notation the way ReadTranscript does, and writes a client
// line's answer as soon as no pasted server line can follow it any more,
// so it holds one client line with its expectations at a time, not the
// transcript; after the first lines it allocates nothing.
func RespondStream(w io.Writer, p *Policy, r io.Reader) (differs bool, err error) {
	rs := responder{bw: bufio.NewWriterSize(w, streamWriteBuffer), s: NewSession(p), last: -1}
	rs.s.reuseReply = true
	br := bufio.NewReaderSize(r, streamReadBuffer)
	for {
		line, more, err := rs.readLine(br)
		if err != nil {
			rs.bw.Flush()
			return rs.differs, err
		}
		if !more {
			break
		}
		rs.line(line)
	}
	rs.flushStray()
	rs.flush(rs.n)
	return rs.differs, rs.bw.Flush()
}

// responder follows ReadTranscript's reading, line by line, keeping only
// what a later line can still change.
type responder struct {
	bw    *bufio.Writer
	s     *Session
	notes []Annotation

	// win[:n] are the client lines not written yet: the last non-blank
	// one (win[last]), which pasted server lines still extend, and the
	// blank ones after it. Before the first non-blank one, last is -1
	// and win holds the blank ones. Slots are reused with their buffers.
	win        []pendingEntry
	n, last    int
	anyEntry   bool // a client line, even blank, has come
	seenClient bool // a non-blank client line has come
	prevServer bool // the previous input line was a server line

	// stray is the last server line before any client line, written
	// when no ".. " line can continue it any more.
	stray    []byte
	hasStray bool

	long         []byte // a line longer than the reader's buffer
	differs      bool
	pendingBreak bool // a close was written: a blank line before the next exchange
}

// pendingEntry is an Entry whose text lives in reused buffers.
type pendingEntry struct {
	client                []byte
	expect                [][]byte // expect[:nexp] are the pasted server lines
	nexp                  int
	expected, expectClose bool
	hangup                bool     // a "Client disconnects." follows
	strs                  []string // the Entry's Expect, over expect
}

// readLine returns the next line without its LF and a CR before it; the
// text is valid until the next call. more is false at the end.
func (rs *responder) readLine(br *bufio.Reader) (line string, more bool, err error) {
	if br.Buffered() == 0 {
		// The next read may wait for a writer that is still writing
		// (tail -f, a pipe): what is answered goes out first.
		if err := rs.bw.Flush(); err != nil {
			return "", false, err
		}
	}
	b, err := br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		rs.long = append(rs.long[:0], b...)
		for err == bufio.ErrBufferFull {
			b, err = br.ReadSlice('\n')
			if len(rs.long)+len(b) > MaxTranscriptLine+2 {
				return "", false, ErrLineTooLong
			}
			rs.long = append(rs.long, b...)
		}
		b = rs.long
	}
	switch {
	case err == io.EOF && len(b) == 0:
		return "", false, nil
	case err != nil && err != io.EOF:
		return "", false, err
	}
	if len(b) > 0 && b[len(b)-1] == '\n' {
		b = b[:len(b)-1]
	}
	if len(b) > 0 && b[len(b)-1] == '\r' {
		b = b[:len(b)-1]
	}
	if len(b) > MaxTranscriptLine {
		return "", false, ErrLineTooLong
	}
	return bytesString(b), true, nil
}

// line reads one input line, as the body of ReadTranscript's loop does.
func (rs *responder) line(line string) {
	if c := firstByte(line); c != '.' && c != 'S' && c != '<' && c != '#' && c != 'C' {
		rs.client(line) // the common case, with or without "C: " or ">>> "
		return
	}
	if rest, ok := cutPrefix(line, "..", " "); ok {
		switch {
		case rs.prevServer && rs.seenClient && rs.win[rs.last].nexp > 0:
			e := &rs.win[rs.last]
			l := append(append(e.expect[e.nexp-1], ' '), rest...)
			e.expect[e.nexp-1] = normalizeBytes(l)
			return
		case rs.prevServer && !rs.seenClient && rs.hasStray:
			rs.stray = normalizeBytes(append(append(rs.stray, ' '), rest...))
			return
		case !rs.prevServer && rs.anyEntry:
			e := &rs.win[rs.n-1]
			e.client = append(append(e.client, ' '), rest...)
			if !isBlankBytes(e.client) {
				rs.setLast(rs.n - 1)
			}
			return
		}
	}
	if rest, ok := serverLine(line); ok {
		rs.prevServer = true
		if !rs.seenClient {
			rs.flushStray()
			rs.stray = normalizeBytes(append(rs.stray[:0], rest...))
			rs.hasStray = true
			return
		}
		e := &rs.win[rs.last]
		e.expected = true
		if e.nexp == len(e.expect) {
			e.expect = append(e.expect, nil)
		}
		if normalized(rest) {
			e.expect[e.nexp] = append(e.expect[e.nexp][:0], rest...)
		} else {
			e.expect[e.nexp] = normalizeBytes(append(e.expect[e.nexp][:0], rest...))
		}
		e.nexp++
		return
	}
	if trimBlanksRight(line) == DisconnectLine {
		if rs.seenClient {
			rs.win[rs.last].expected = true
			rs.win[rs.last].expectClose = true
		}
		rs.prevServer = true
		return
	}
	if trimBlanksRight(line) == HangupLine {
		if rs.seenClient {
			rs.win[rs.last].hangup = true
		}
		rs.prevServer = true
		return
	}
	if line[0] == '#' {
		return
	}
	rs.client(line)
}

// client reads a client line.
func (rs *responder) client(line string) {
	rs.prevServer = false
	if rest, ok := cutPrefix(line, "C:", " "); ok {
		line = rest
	} else if rest, ok := cutPrefix(line, ">>>", " "); ok {
		line = rest
	}
	// A blank line that only a ".. " line could still change, and that
	// the server ignores, needs no slot once another line follows it.
	if rs.n > 0 && rs.n-1 != rs.last {
		if prev := rs.win[rs.n-1].client; isBlankBytes(prev) && len(prev) <= rs.s.policy.MaxLineBytes() {
			rs.n--
		}
	}
	if rs.n == len(rs.win) {
		rs.win = append(rs.win, pendingEntry{})
	}
	e := &rs.win[rs.n]
	e.client = append(e.client[:0], line...)
	e.nexp, e.expected, e.expectClose, e.hangup = 0, false, false, false
	rs.n++
	rs.anyEntry = true
	if !isBlankBytes(e.client) {
		rs.setLast(rs.n - 1)
	}
}

// setLast makes win[i] the last non-blank client line: the lines before
// it are complete, and written.
func (rs *responder) setLast(i int) {
	if !rs.seenClient {
		rs.seenClient = true
		rs.flushStray()
	}
	rs.flush(i)
	rs.last = 0
}

// flush writes win[:i] and moves the rest to the front, buffers kept.
func (rs *responder) flush(i int) {
	for j := 0; j < i; j++ {
		rs.write(&rs.win[j])
	}
	for j := i; j < rs.n; j++ {
		rs.win[j-i], rs.win[j] = rs.win[j], rs.win[j-i]
	}
	rs.n -= i
}

func (rs *responder) flushStray() {
	if !rs.hasStray {
		return
	}
	rs.bw.WriteString(expectedPrefix)
	rs.bw.Write(rs.stray)
	rs.bw.WriteString(" (before any client line)\n")
	rs.differs = true
	rs.hasStray = false
}

// write hands a client line to the session and writes the exchange.
func (rs *responder) write(pe *pendingEntry) {
	pe.strs = pe.strs[:0]
	for _, l := range pe.expect[:pe.nexp] {
		pe.strs = append(pe.strs, bytesString(l))
	}
	e := Entry{Client: bytesString(pe.client), Expected: pe.expected, Expect: pe.strs, ExpectClose: pe.expectClose, Hangup: pe.hangup}
	x := rs.s.StepEntry(&e)
	if x.Kind == KindIgnored {
		return
	}
	rs.exchange(&e, &x)
}

// exchange writes x, the answer to e's client line, in the notation:
// "C: " and the line, then its annotations.
func (rs *responder) exchange(e *Entry, x *Exchange) {
	bw := rs.bw
	if rs.pendingBreak {
		bw.WriteByte('\n')
		rs.pendingBreak = false
	}
	bw.WriteString("C: ")
	bw.WriteString(x.Line)
	bw.WriteByte('\n')
	rs.notes = AppendAnnotations(rs.notes[:0], e, x)
	for _, a := range rs.notes {
		if bw.Available() < len(a.Text)+len(expectedPrefix)+1 {
			bw.Flush()
		}
		b := a.AppendTo(bw.AvailableBuffer())
		bw.Write(append(b, '\n'))
	}
	if e.Differs(x) {
		rs.differs = true
	}
	rs.pendingBreak = x.Close || x.Hangup || x.Ended
}

// replyLine returns the reply for d: a string of its own, or, for a
// session RespondStream drives, one over s.reply.
func (s *Session) replyLine(d *Decision) string {
	if !s.reuseReply {
		return d.Reply()
	}
	s.reply = d.AppendReply(s.reply[:0])
	return bytesString(s.reply)
}

// msnpNames holds "MSNP1" … "MSNP99", the dialects msnpNumber accepts, so
// that naming one allocates nothing.
var msnpNames = func() (n [100]string) {
	for i := 1; i < len(n); i++ {
		n[i] = "MSNP" + strconv.Itoa(i)
	}
	return n
}()

func msnpName(n int) string {
	if n > 0 && n < len(msnpNames) {
		return msnpNames[n]
	}
	return "MSNP" + strconv.Itoa(n)
}

// verReply returns the reply to a VER, the same way.
func (s *Session) verReply(trid uint32, chosen string) string {
	if !s.reuseReply {
		return "VER " + strconv.FormatUint(uint64(trid), 10) + " " + chosen
	}
	b := append(s.reply[:0], "VER "...)
	b = strconv.AppendUint(b, uint64(trid), 10)
	s.reply = append(append(b, ' '), chosen...)
	return bytesString(s.reply)
}

// bytesString views b as a string without copying; b must not change
// while the string is in use.
func bytesString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

func firstByte(s string) byte {
	if s == "" {
		return 0
	}
	return s[0]
}

func isBlankBytes(b []byte) bool {
	for _, c := range b {
		if !isBlank(c) {
			return false
		}
	}
	return true
}

// trimBlanksRight removes trailing spaces and tabs.
func trimBlanksRight(s string) string {
	i := len(s)
	for i > 0 && isBlank(s[i-1]) {
		i--
	}
	return s[:i]
}

// normalized reports whether normalizeServer leaves s as it is, the way
// pasted lines usually are.
func normalized(s string) bool {
	return s == "" || (s[0] != ' ' && s[len(s)-1] != ' ' && !strings.Contains(s, "  ") && strings.IndexByte(s, '\t') < 0)
}

// normalizeBytes is normalizeServer in place: runs of spaces and tabs
// become one space, none at the ends.
func normalizeBytes(b []byte) []byte {
	w, gap := 0, false
	for _, c := range b {
		if isBlank(c) {
			gap = w > 0
			continue
		}
		if gap {
			b[w] = ' '
			w++
			gap = false
		}
		b[w] = c
		w++
	}
	return b[:w]
}
