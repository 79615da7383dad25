package listen

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// TestLimits: a connection over the byte limit is closed, one over the
// connection limit is closed at once, and an idle one after the idle time.
func TestLimits(t *testing.T) {
	s := &Server{MaxBytes: 1000, MaxConns: 2, IdleTimeout: time.Minute}
	addr, _ := start(t, s, "msn-2009-08")
	a := dial(t, addr)
	if got := a.ask("VER 1 MSNP15"); got != "VER 1 MSNP15\r\n" {
		t.Fatalf("VER: %q", got)
	}
	b := dial(t, addr)
	if got := b.ask("VER 1 MSNP15"); got != "VER 1 MSNP15\r\n" {
		t.Fatalf("VER: %q", got)
	}
	c := dial(t, addr) // the third: over MaxConns
	if !c.closed(5 * time.Second) {
		t.Error("a connection over the limit was kept")
	}
	if s.Stats().Refused.Load() != 1 {
		t.Errorf("refused %d, want 1", s.Stats().Refused.Load())
	}
	// Blank lines, which the engine ignores, until the byte limit.
	io.WriteString(a.c, strings.Repeat("  \r\n", 400))
	if !a.closed(5 * time.Second) {
		t.Error("a connection over the byte limit was kept")
	}
	if b.closed(50 * time.Millisecond) {
		t.Error("a connection within the limits was closed")
	}

	idle := &Server{IdleTimeout: 200 * time.Millisecond}
	addr, _ = start(t, idle, "msn-2009-08")
	d := dial(t, addr) // sends nothing: closed after the idle time
	if !d.closed(5 * time.Second) {
		t.Error("an idle connection was kept")
	}
}

// TestListenCommand: usage errors exit 2; an interrupt stops the server
// cleanly with exit 0.
func TestListenCommand(t *testing.T) {
	for _, args := range [][]string{{"-policy", "nope"}, {"-forward", "nohost"}, {"extra"}, {"-bogus"}} {
		var out, errs bytes.Buffer
		if code := Main(t.Context(), args, &out, &errs); code != 2 {
			t.Errorf("listen %v: exit %d, want 2", args, code)
		}
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(t.Context())
	var out, errs syncBuffer
	done := make(chan int)
	go func() {
		done <- Main(ctx, []string{"-addr", addr, "-policy", "msn-2003-09", "-record", t.TempDir()}, &out, &errs)
	}()
	var c net.Conn
	var err error
	for i := 0; i < 100; i++ {
		if c, err = net.Dial("tcp", addr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	cl := &client{t, c, bufio.NewReader(c)}
	if got := cl.ask("VER 1 MSNP9"); got != "VER 1 MSNP9\r\n" {
		t.Errorf("VER: %q", got)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d after an interrupt, want 0: %s", code, errs.String())
	}
	if !contains(out.String(), "listen: a Dispatch Server answering as msn-2003-09 on 127.0.0.1:", "#1 127.0.0.1:", "listen stopped", "listen: stopped; 1 sessions") {
		t.Errorf("output:\n%s", out.String())
	}
	c.Close()
}
