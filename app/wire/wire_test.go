package wire

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadLine(t *testing.T) {
	in := "VER 1 MSNP8\r\nver 2\nx\r\r\n" + strings.Repeat("a", 20) + "\r\nhalf"
	for _, r := range []io.Reader{strings.NewReader(in), iotest.OneByteReader(strings.NewReader(in))} {
		lr := NewReader(r, 16)
		var got []string
		for {
			b, end, err := lr.ReadLine()
			got = append(got, string(b)+"|"+end.String())
			if err != nil {
				got = append(got, errName(err))
				if err != ErrTooLong {
					break
				}
				// the rest of the long line, then on
				b, end, err = lr.ReadLine()
				got = append(got, string(b)+"|"+end.String())
			}
		}
		want := "VER 1 MSNP8|crlf ver 2|lf x\r|crlf aaaaaaaaaaaaaaaaaa|none too-long aa|crlf half|none eof"
		if g := strings.Join(got, " "); g != want {
			t.Errorf("ReadLine: %q\nwant      %q", g, want)
		}
	}
}

func TestReadLineBareLFTooLong(t *testing.T) {
	lr := NewReader(strings.NewReader(strings.Repeat("b", 17)+"\n"), 16)
	if b, _, err := lr.ReadLine(); err != ErrTooLong || len(b) != 17 {
		t.Errorf("ReadLine of 17 bytes and LF = %d bytes, %v; want 17, ErrTooLong", len(b), err)
	}
}

func errName(err error) string {
	switch {
	case errors.Is(err, ErrTooLong):
		return "too-long"
	case err == io.EOF:
		return "eof"
	}
	return err.Error()
}

func TestText(t *testing.T) {
	for s, want := range map[string]bool{"VER 1 MSNP8": true, "a\tb": true, "": true, "\x00": false, "a\rb": false, "\xff": false, "é": true, "\x7f": false} {
		if Text([]byte(s)) != want {
			t.Errorf("Text(%q) = %v, want %v", s, !want, want)
		}
	}
}

func TestReset(t *testing.T) {
	lr := NewReader(strings.NewReader("a\r\nb"), 16)
	lr.ReadLine()
	lr.Reset(strings.NewReader("c\r\n"))
	if b, end, err := lr.ReadLine(); string(b) != "c" || end != EndCRLF || err != nil {
		t.Errorf("after Reset: %q %v %v, want \"c\" crlf", b, end, err)
	}
}
