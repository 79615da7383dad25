package listen

import (
	"bufio"
	"io"
	"net"
	"testing"
)

// BenchmarkSession is one client's visit to listen in-process, a
// connection each: connect, VER, CVR, close (the terminal line and its
// link written to io.Discard). ./build.sh bench measures listen as a
// process; this one is for profiles.
func BenchmarkSession(b *testing.B) {
	addr, _ := start(b, &Server{Log: io.Discard, BaseURL: "http://127.0.0.1:8000/"}, "msn-2009-08")
	b.ReportAllocs()
	for b.Loop() {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			b.Fatal(err)
		}
		r := bufio.NewReader(c)
		for _, l := range []string{"VER 1 MSNP15 CVR0\r\n", "CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 8.5.1302 BC01 a@b.c\r\n"} {
			io.WriteString(c, l)
			if _, err := r.ReadString('\n'); err != nil {
				b.Fatal(err)
			}
		}
		c.Close()
	}
}
