package listen

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestHostile throws at listen what a public port gets: 1 MB lines,
// control bytes, 10,000 connections opened and abandoned, slowloris
// clients that never end a line. A well-behaved client beside them keeps
// getting its answers, and once they are gone listen's goroutines and
// memory are back where they were.
func TestHostile(t *testing.T) {
	base := runtime.NumGoroutine()
	heap0 := heapInUse()
	// The idle time cuts the slowloris clients off (their line would take
	// 6.5 s); a well-behaved one sends its line at once, which on a busy
	// machine can still take a second or more to be scheduled.
	s := &Server{IdleTimeout: 3 * time.Second}
	addr, stop := start(t, s, "msn-2009-08")

	var answered, wrong atomic.Int64
	var firstErr atomic.Value
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // the well-behaved client
		defer wg.Done()
		for {
			select {
			case <-done:
				return
			default:
			}
			// A SYN lost in the burst of connections is sent again after
			// a second: the client waits for that, as clients do.
			c, err := net.DialTimeout("tcp", addr, 10*time.Second)
			if err != nil {
				wrong.Add(1)
				firstErr.CompareAndSwap(nil, err.Error())
				continue
			}
			r := bufio.NewReader(c)
			v := try(c, r, "VER 1 MSNP15 CVR0")
			q := try(c, r, "CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 8.5.1302 BC01 a@b.c")
			if v == "VER 1 MSNP15\r\n" && strings.HasPrefix(q, "CVR 2 14.0.8089 14.0.8089 14.0.8089 ") {
				answered.Add(1)
			} else {
				wrong.Add(1)
				firstErr.CompareAndSwap(nil, fmt.Sprintf("answers %q and %q", v, q))
			}
			c.Close()
		}
	}()

	hostile := []func(){
		func() { // 1 MB lines, ended and not
			for _, end := range []string{"", "\r\n"} {
				c, err := net.Dial("tcp", addr)
				if err != nil {
					t.Error(err)
					return
				}
				go c.Write([]byte(strings.Repeat("VER 1 MSNP15 ", 80000) + end))
				c.SetReadDeadline(time.Now().Add(5 * time.Second))
				if b, _ := io.ReadAll(c); len(b) != 0 {
					t.Errorf("a 1 MB line was answered: %q", b[:min(len(b), 40)])
				}
				c.Close()
			}
		},
		func() { // control bytes
			for _, l := range []string{"\x00\x01\x02VER 1 MSNP15\r\n", "\x1b[2J\x07\r\n", "VER\x001 MSNP15\r\n", "\xff\xfe\xfd\r\n"} {
				c, err := net.Dial("tcp", addr)
				if err != nil {
					t.Error(err)
					return
				}
				c.Write([]byte(l))
				c.SetReadDeadline(time.Now().Add(5 * time.Second))
				if b, err := io.ReadAll(c); len(b) != 0 || err != nil {
					t.Errorf("%q: answered %q, %v; want a close and nothing", l, b, err)
				}
				c.Close()
			}
		},
		func() { // 10,000 connections opened and abandoned, in waves
			for wave := 0; wave < 20; wave++ {
				conns := make([]net.Conn, 0, 500)
				for i := 0; i < 500; i++ {
					c, err := net.Dial("tcp", addr)
					if err != nil {
						t.Errorf("connection %d: %v", wave*500+i, err)
						break
					}
					conns = append(conns, c)
				}
				for _, c := range conns {
					c.Close()
				}
			}
		},
		func() { // slowloris: a byte every 50 ms, a line never ended
			var sw sync.WaitGroup
			for i := 0; i < 20; i++ {
				sw.Add(1)
				go func() {
					defer sw.Done()
					c, err := net.Dial("tcp", addr)
					if err != nil {
						t.Error(err)
						return
					}
					defer c.Close()
					start := time.Now()
					for _, b := range []byte(strings.Repeat("VER 1 MSNP15 ", 10)) {
						if _, err := c.Write([]byte{b}); err != nil {
							return // closed by listen
						}
						time.Sleep(50 * time.Millisecond)
					}
					t.Errorf("a slowloris client was not cut off after %v", time.Since(start))
				}()
			}
			sw.Wait()
		},
	}
	var hw sync.WaitGroup
	for _, h := range hostile {
		hw.Add(1)
		go func() { defer hw.Done(); h() }()
	}
	hw.Wait()
	close(done)
	wg.Wait()
	if answered.Load() == 0 || wrong.Load() != 0 {
		t.Errorf("the well-behaved client: %d answered, %d not (%v)", answered.Load(), wrong.Load(), firstErr.Load())
	}
	// Back to the baseline, with listen still running.
	for i := 0; i < 300 && (s.Stats().Active.Load() > 0 || s.Stats().Empty.Load() < 10000); i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if st := s.Stats(); st.Empty.Load() < 10000 {
		t.Errorf("%d connections without a line counted, want 10,000 or more", st.Empty.Load())
	}
	if n := s.Stats().Active.Load(); n != 0 {
		t.Errorf("%d connections still open", n)
	}
	if grown := heapInUse() - heap0; grown > 8<<20 {
		t.Errorf("the heap grew by %d MiB", grown>>20)
	}
	stop()
	settle(t, base)
}

func heapInUse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse)
}

// try sends line and returns the reply, "" on any error: the
// well-behaved client runs beside the test's goroutine.
func try(c net.Conn, r *bufio.Reader, line string) string {
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(c, line+"\r\n"); err != nil {
		return ""
	}
	got, _ := r.ReadString('\n')
	return got
}
