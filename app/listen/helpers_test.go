package listen

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"cvq-playground/protocol"
)

// syncBuffer is a log the sessions write to from their goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start runs s (its Policy set to preset if nil) on a loopback port until
// the test ends; stop shuts it down earlier.
func start(t testing.TB, s *Server, preset string) (addr string, stop func()) {
	t.Helper()
	if s.Policy == nil {
		p, err := protocol.Preset(preset)
		if err != nil {
			t.Fatal(err)
		}
		s.Policy = p
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ln) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			s.Shutdown(t.Context())
			if err := <-done; err != nil {
				t.Errorf("Serve: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return ln.Addr().String(), stop
}

// client is a well-behaved client.
type client struct {
	t testing.TB
	c net.Conn
	r *bufio.Reader
}

func dial(t testing.TB, addr string) *client {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &client{t, c, bufio.NewReader(c)}
}

// ask sends line with CR LF and returns the reply line with its CR LF
// ("" if none came within a second).
func (c *client) ask(line string) string {
	c.t.Helper()
	c.c.SetDeadline(time.Now().Add(2 * time.Second))
	if _, err := io.WriteString(c.c, line+"\r\n"); err != nil {
		c.t.Fatalf("writing %q: %v", line, err)
	}
	got, _ := c.r.ReadString('\n')
	return got
}

// closed reports whether the server closed the connection (within wait).
func (c *client) closed(wait time.Duration) bool {
	c.c.SetReadDeadline(time.Now().Add(wait))
	_, err := c.r.ReadByte()
	return err == io.EOF || err != nil && !isTimeout(err)
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// settle waits for the goroutines to come back to base.
func settle(t testing.TB, base int) {
	t.Helper()
	var n int
	for i := 0; i < 500; i++ {
		if n = runtime.NumGoroutine(); n <= base {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	buf := make([]byte, 1<<16)
	st := string(buf[:runtime.Stack(buf, true)])
	if len(st) > 4000 {
		st = st[:4000]
	}
	t.Errorf("%d goroutines left, %d before:\n%s", n, base, st)
}

func contains(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}
