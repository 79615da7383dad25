package probe_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	"cvq-playground/app/probe"
	"cvq-playground/protocol"
)

// TestMisbehavingServers runs a few cases against servers that never
// answer, close at once, send garbage or half a line, trickle a byte a
// second or flood: each case comes out as it should, the run costs at
// most its timeouts, and no goroutine is left.
func TestMisbehavingServers(t *testing.T) {
	base := runtime.NumGoroutine()
	p, _ := protocol.Preset("msn-2003-09")
	cases := probe.Select(probe.Cases(p, false), "msn-2003-09/cvr/known/2")
	servers := []struct {
		name   string
		handle func(net.Conn)
		want   probe.Outcome
		field  string
	}{
		{"silent", func(c net.Conn) { io.Copy(io.Discard, c) }, probe.Timeout, "reply"},
		{"closes at once", func(c net.Conn) {}, probe.Closed, "reply"},
		{"garbage", func(c net.Conn) { c.Write([]byte("\x00\xff\x1b[2J\r\n")); io.Copy(io.Discard, c) }, probe.Garbage, "garbage"},
		{"half a line", func(c net.Conn) { readLine(c); c.Write([]byte("VER 1 MSN")) }, probe.Garbage, "garbage"},
		{"trickle", func(c net.Conn) {
			readLine(c)
			for _, b := range []byte("VER 1 MSNP9\r\n") {
				if _, err := c.Write([]byte{b}); err != nil {
					return
				}
				time.Sleep(time.Second)
			}
		}, probe.Timeout, "reply"},
		{"flood of bytes", func(c net.Conn) {
			readLine(c)
			junk := []byte(strings.Repeat("A", 64<<10))
			for i := 0; i < 64; i++ {
				if _, err := c.Write(junk); err != nil {
					return
				}
			}
		}, probe.Garbage, "garbage"},
		{"flood of lines", func(c net.Conn) {
			readLine(c)
			junk := []byte(strings.Repeat("VER 1 MSNP9\r\n", 4096))
			for i := 0; i < 64; i++ {
				if _, err := c.Write(junk); err != nil {
					return
				}
			}
		}, probe.Garbage, "garbage"},
		{"wrong line end", func(c net.Conn) {
			r := bufio.NewReader(c)
			r.ReadString('\n')
			c.Write([]byte("VER 1 MSNP9\n"))
			r.ReadString('\n')
		}, probe.Fail, "framing"},
	}
	opt := probe.Options{Timeout: 1500 * time.Millisecond, Quiet: 20 * time.Millisecond}
	for _, s := range servers {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			addr := fakeServer(t, s.handle)
			start := time.Now()
			recs, err := probe.Run(t.Context(), addr, p, cases, opt)
			took := time.Since(start)
			if err != nil {
				t.Fatal(err)
			}
			// Each case waits for two replies at most, and a close.
			if most := time.Duration(len(cases)) * (3*opt.Timeout + time.Second); took > most {
				t.Errorf("the run took %v, more than its timeouts allow (%v)", took, most)
			}
			for _, r := range probe.GradeAll(p, recs) {
				if r.Outcome != s.want || len(r.Diffs) == 0 || r.Diffs[0].Field != s.field {
					t.Errorf("%s: %s %v, want %s with %s first", r.ID, r.Outcome, r.Diffs, s.want, s.field)
				}
			}
		})
	}
	t.Cleanup(func() { settle(t, base) })
}

func readLine(c net.Conn) { bufio.NewReader(c).ReadString('\n') }

// TestConnectRefused: a port where nothing listens aborts the run at the
// first case, and skips the rest.
func TestConnectRefused(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	p, _ := protocol.Preset("msn-2003-09")
	cases := probe.Cases(p, false)
	recs, err := probe.Run(t.Context(), addr, p, cases, fast)
	if err == nil || len(recs) != len(cases) {
		t.Fatalf("Run: %d records, %v; want all, and ErrAborted", len(recs), err)
	}
	res := probe.GradeAll(p, recs)
	if res[0].Outcome != probe.Error || res[1].Outcome != probe.Skip || res[len(res)-1].Outcome != probe.Skip {
		t.Errorf("outcomes %s %s … %s, want ERROR SKIP … SKIP", res[0].Outcome, res[1].Outcome, res[len(res)-1].Outcome)
	}
	if rep := probe.NewReport(p.Name, res, addr, addr, err.Error(), ""); rep.ExitCode() != probe.ExitAborted {
		t.Errorf("exit code %d, want 3", rep.ExitCode())
	}
}

// TestInterrupted: an interrupt (ctx cancelled) during a case against a
// silent server ends the run at once: that case is an ERROR, the rest are
// skipped, and the report's exit status is 3.
func TestInterrupted(t *testing.T) {
	addr := fakeServer(t, func(c net.Conn) { io.Copy(io.Discard, c) })
	p, _ := protocol.Preset("msn-2003-09")
	cases := probe.Cases(p, false)
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(300*time.Millisecond, cancel)
	start := time.Now()
	recs, err := probe.Run(ctx, addr, p, cases, probe.Options{Timeout: 10 * time.Second})
	if took := time.Since(start); err == nil || took > 5*time.Second {
		t.Fatalf("Run: %v after %v; want ErrAborted at once", err, took)
	}
	res := probe.GradeAll(p, recs)
	if res[0].Outcome != probe.Error || res[1].Outcome != probe.Skip || len(res) != len(cases) {
		t.Errorf("outcomes %s %s of %d; want ERROR, SKIP… for %d", res[0].Outcome, res[1].Outcome, len(res), len(cases))
	}
	if rep := probe.NewReport(p.Name, res, addr, addr, err.Error(), ""); rep.ExitCode() != probe.ExitAborted {
		t.Errorf("exit %d, want 3", rep.ExitCode())
	}
}
