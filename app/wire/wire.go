// Package wire is MSNP's line framing on a TCP connection, shared by probe
// (reading a server's replies) and listen (reading a client's lines): a
// line ends in CR LF, or a bare LF that is reported as such, and is never
// longer than a bound, so a peer that floods or never ends a line costs a
// fixed amount of memory.
package wire

import (
	"bufio"
	"errors"
	"io"
	"unicode/utf8"
)

// Ending says how a line ended. The zero Ending is EndNone: the line did
// not end (the peer closed, went quiet or sent too much first).
type Ending int

const (
	EndNone Ending = iota // no LF came
	EndCRLF               // CR LF, as MSNP writes it
	EndLF                 // a bare LF
	numEndings
)

var endingNames = [numEndings]string{"none", "crlf", "lf"}

// String returns the ending's stable name: "none", "crlf" or "lf".
func (e Ending) String() string {
	if e < 0 || e >= numEndings {
		return "ending(?)"
	}
	return endingNames[e]
}

// ErrTooLong is ReadLine's error for more than its bound of bytes without
// an LF.
var ErrTooLong = errors.New("wire: line longer than the bound")

// Reader reads lines of at most Max bytes (without their ending). The
// zero Reader is not usable: use NewReader.
type Reader struct {
	br  *bufio.Reader
	max int
}

// NewReader returns a Reader of lines of at most max bytes from r; its
// buffer holds max+2 bytes (at least 16).
func NewReader(r io.Reader, max int) *Reader {
	return &Reader{br: bufio.NewReaderSize(r, max+2), max: max}
}

// Reset makes r read from src, keeping its buffer, so that a server can
// reuse readers across connections.
func (r *Reader) Reset(src io.Reader) { r.br.Reset(src) }

// ReadLine returns the next line without its ending. The bytes are valid
// until the next call. On an error the bytes are what came of the line
// before it: ErrTooLong with the first max+2 bytes or more, io.EOF when
// the peer closed in the middle of a line (or, with none, between lines),
// or the connection's error, such as a deadline.
func (r *Reader) ReadLine() ([]byte, Ending, error) {
	b, err := r.br.ReadSlice('\n')
	switch {
	case err == bufio.ErrBufferFull:
		return b, EndNone, ErrTooLong
	case err != nil:
		return b, EndNone, err
	}
	b = b[:len(b)-1]
	if n := len(b); n > 0 && b[n-1] == '\r' {
		return b[:n-1], EndCRLF, nil
	}
	if len(b) > r.max {
		return b, EndNone, ErrTooLong
	}
	return b, EndLF, nil
}

// Buffered reports how many bytes have been read and not returned yet.
func (r *Reader) Buffered() int { return r.br.Buffered() }

// Text reports whether b can be a line of MSNP's text: valid UTF-8 with
// no control byte but the tab.
func Text(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	return utf8.Valid(b)
}
