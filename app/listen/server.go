// Package listen is a Dispatch Server on TCP that answers VER, CVR and
// CVQ as a preset does, for real old clients: it ends each session at the
// sign-in (USR) with OUT, or with an XFR to a server the user names, logs
// every session as a transcript, and says what the client did with the
// answer. Its resources are bounded per connection and in all.
package listen

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"cvq-playground/protocol"
)

// Server answers as Policy does. The zero values of its limits are the
// defaults.
type Server struct {
	Policy *protocol.Policy
	// Forward is the HOST:PORT an XFR sends the client on to when it
	// signs in (USR); "" answers USR with OUT and a close.
	Forward string
	// RecordDir receives one transcript per session; "" keeps none.
	RecordDir string
	// KeepAccounts keeps the accounts in logs and links; they are
	// redacted otherwise.
	KeepAccounts bool
	MaxConns     int           // connections at once; DefaultMaxConns
	IdleTimeout  time.Duration // for a line to arrive whole; DefaultIdleTimeout
	MaxBytes     int           // read from one connection; DefaultMaxBytes
	BaseURL      string        // the playground, for the links
	// Log receives one line per session; nil for none.
	Log io.Writer

	mu      sync.Mutex
	ln      net.Listener
	conns   map[net.Conn]struct{}
	wg      sync.WaitGroup
	sem     chan struct{}
	closing atomic.Bool
	logMu   sync.Mutex
	seq     atomic.Uint64
	stats   Stats
	readers sync.Pool // *wire.Reader of ended connections
}

// Stats counts what a server did.
type Stats struct {
	Sessions atomic.Int64 // connections that sent a line
	Empty    atomic.Int64 // connections closed without a line
	Refused  atomic.Int64 // connections closed at once, over MaxConns
	Active   atomic.Int64 // connections open now
}

// Limits by default.
const (
	DefaultMaxConns    = 4096
	DefaultIdleTimeout = 60 * time.Second
	DefaultMaxBytes    = 64 << 10
)

// Stats returns the server's counters.
func (s *Server) Stats() *Stats { return &s.stats }

func (s *Server) init() {
	if s.MaxConns <= 0 {
		s.MaxConns = DefaultMaxConns
	}
	if s.IdleTimeout <= 0 {
		s.IdleTimeout = DefaultIdleTimeout
	}
	if s.MaxBytes <= 0 {
		s.MaxBytes = DefaultMaxBytes
	}
	s.sem = make(chan struct{}, s.MaxConns)
	s.conns = map[net.Conn]struct{}{}
}

// Serve accepts connections on ln until Shutdown, and returns nil then.
// A connection beyond MaxConns is closed at once.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	s.init()
	s.ln = ln
	s.mu.Unlock()
	backoff := time.Duration(0)
	for {
		c, err := ln.Accept()
		if err != nil {
			if s.closing.Load() {
				return nil
			}
			if errors.Is(err, net.ErrClosed) {
				return err
			}
			// Out of file descriptors, or the like: wait, as net/http
			// does, rather than spin.
			backoff = min(max(2*backoff, 5*time.Millisecond), time.Second)
			time.Sleep(backoff)
			continue
		}
		backoff = 0
		select {
		case s.sem <- struct{}{}:
		default:
			s.stats.Refused.Add(1)
			c.Close()
			continue
		}
		if !s.track(c) {
			<-s.sem
			c.Close()
			return nil
		}
		go s.serveConn(c)
	}
}

// track registers c, unless the server is shutting down.
func (s *Server) track(c net.Conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing.Load() {
		return false
	}
	s.conns[c] = struct{}{}
	s.wg.Add(1)
	s.stats.Active.Add(1)
	return true
}

func (s *Server) untrack(c net.Conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	s.stats.Active.Add(-1)
	<-s.sem
	s.wg.Done()
}

// Shutdown stops accepting, ends every session (each writes its log) and
// waits for them, or for ctx.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing.Store(true)
	if s.ln != nil {
		s.ln.Close()
	}
	for c := range s.conns {
		// A read deadline in the past ends the session's read: it then
		// writes its log and closes.
		c.SetReadDeadline(time.Unix(1, 0))
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		for c := range s.conns {
			c.Close()
		}
		s.mu.Unlock()
		<-done
		return ctx.Err()
	}
}
