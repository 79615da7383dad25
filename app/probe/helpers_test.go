package probe_test

import (
	"net"
	"runtime"
	"sync"
	"testing"
	"time"

	"cvq-playground/app/listen"
	"cvq-playground/protocol"
)

// startListen runs listen with preset on a loopback port.
func startListen(t *testing.T, preset string) string {
	t.Helper()
	p, err := protocol.Preset(preset)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &listen.Server{Policy: p, IdleTimeout: 5 * time.Second}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ln) }()
	t.Cleanup(func() {
		s.Shutdown(t.Context())
		<-done
	})
	return ln.Addr().String()
}

// fakeServer serves each connection with handle on a loopback port, and
// on cleanup closes the listener and waits for every handler.
func fakeServer(t *testing.T, handle func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				handle(c)
			}()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		wg.Wait()
	})
	return ln.Addr().String()
}

// settle waits for the number of goroutines to come back to at most
// base, and fails if it does not within a few seconds.
func settle(t *testing.T, base int) {
	t.Helper()
	var n int
	for i := 0; i < 300; i++ {
		if n = runtime.NumGoroutine(); n <= base {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	buf := make([]byte, 1<<16)
	t.Errorf("%d goroutines left, %d before:\n%s", n, base, buf[:runtime.Stack(buf, true)])
}
