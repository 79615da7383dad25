package probe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"

	"cvq-playground/app/wire"
	"cvq-playground/protocol"
)

// Options bound a run. The zero Options use the defaults.
type Options struct {
	ConnectTimeout time.Duration // 5 s
	Timeout        time.Duration // per reply, 2 s
	Delay          time.Duration // between cases; 0 for none
	// Quiet is how long a connection must stay silent to count as silent
	// where no reply is due: Timeout/20 within 5–100 ms by default.
	Quiet time.Duration
}

// Limits of a run.
const (
	DefaultConnectTimeout = 5 * time.Second
	DefaultTimeout        = 2 * time.Second
	maxReplyLine          = 4096 // bytes of one server line
	maxReplyBytes         = 16 << 10
	maxLinesPerStep       = 8
)

func (o Options) withDefaults() Options {
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Quiet <= 0 {
		o.Quiet = min(max(o.Timeout/20, 5*time.Millisecond), 100*time.Millisecond)
	}
	return o
}

// ErrAborted is returned by Run when it stopped before the last case: a
// connection could not be made, or ctx was cancelled.
var ErrAborted = errors.New("probe: run aborted")

// Run asks addr (an IP address and port, resolved once by the caller) each
// case of cases in turn, one connection at a time, and returns a Record
// for each. What to wait for after a line is what p expects; what came
// is recorded as it came. A connection that cannot be made ends the run
// (the remaining cases are skipped) with ErrAborted, as does ctx.
func Run(ctx context.Context, addr string, p *protocol.Policy, cases []Case, o Options) ([]Record, error) {
	o = o.withDefaults()
	recs := make([]Record, 0, len(cases))
	var runErr error
	for i, c := range cases {
		if runErr == nil && i > 0 && o.Delay > 0 {
			t := time.NewTimer(o.Delay)
			select {
			case <-ctx.Done():
			case <-t.C:
			}
			t.Stop()
		}
		if runErr == nil && ctx.Err() != nil {
			runErr = fmt.Errorf("%w: %v", ErrAborted, ctx.Err())
		}
		if runErr != nil {
			recs = append(recs, Record{ID: c.ID, Title: c.Title, Source: c.Source, Skipped: true})
			continue
		}
		rec := runCase(ctx, addr, p, c, o)
		if rec.Err != "" && len(rec.Steps) == 0 {
			runErr = fmt.Errorf("%w: %s", ErrAborted, rec.Err)
		}
		recs = append(recs, rec)
	}
	return recs, runErr
}

// runCase asks one case on a fresh connection.
func runCase(ctx context.Context, addr string, p *protocol.Policy, c Case, o Options) Record {
	rec := Record{ID: c.ID, Title: c.Title, Source: c.Source}
	d := net.Dialer{Timeout: o.ConnectTimeout}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		rec.Err = "could not connect: " + err.Error()
		return rec
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	r := wire.NewReader(conn, maxReplyLine)
	s := protocol.NewSession(p)
	for _, l := range c.Lines {
		x := s.Step(l.Text)
		st := Step{Sent: l.Text, Note: l.Note}
		conn.SetWriteDeadline(time.Now().Add(o.Timeout))
		if _, err := io.WriteString(conn, l.Wire); err != nil {
			if ctx.Err() != nil {
				rec.Err = "aborted: " + ctx.Err().Error()
			} else {
				st.Closed = true // the server went away before the line
			}
			rec.Steps = append(rec.Steps, st)
			return rec
		}
		wait := o.Quiet
		if x.Kind == protocol.KindReplied || x.Close {
			wait = o.Timeout
		}
		read(conn, r, &st, wait, x.Kind == protocol.KindReplied, x.Close, o)
		rec.Steps = append(rec.Steps, st)
		if ctx.Err() != nil {
			rec.Err = "aborted: " + ctx.Err().Error()
			return rec
		}
		if st.Closed || st.Garbage != "" || (st.Silent && len(st.Lines) == 0 && wait == o.Timeout) {
			break
		}
	}
	last := &rec.Steps[len(rec.Steps)-1]
	rec.Hangup = !last.Closed
	return rec
}

// read reads what the server sends after a line: a reply within wait
// when one is due, then, for a close that is due, until the close (or the
// timeout), else for o.Quiet more, so that extra lines and a close are
// seen on the line that caused them.
func read(conn net.Conn, r *wire.Reader, st *Step, wait time.Duration, replyDue, closeDue bool, o Options) {
	deadline := time.Now().Add(wait)
	total := 0
	for {
		conn.SetReadDeadline(deadline)
		b, end, err := r.ReadLine()
		total += len(b)
		switch {
		case err == nil && wire.Text(b):
			st.Lines = append(st.Lines, string(b))
			st.LF = st.LF || end == wire.EndLF
			if len(st.Lines) >= maxLinesPerStep || total > maxReplyBytes {
				st.Garbage = fmt.Sprintf("(more than %d lines or %d bytes at once)", maxLinesPerStep, maxReplyBytes)
				return
			}
			if len(st.Lines) == 1 && replyDue {
				deadline = time.Now().Add(o.Quiet)
				if closeDue {
					deadline = time.Now().Add(o.Timeout)
				}
			}
			continue
		case err == nil || errors.Is(err, wire.ErrTooLong):
			st.Garbage = clip(b)
			return
		case errors.Is(err, os.ErrDeadlineExceeded):
			st.Partial = clip(b)
			st.Silent = true
			return
		case err == io.EOF || isReset(err):
			if len(b) > 0 {
				st.Garbage = clip(b)
			}
			st.Closed = true
			return
		default:
			st.Closed = true // a broken connection: the server is gone
			return
		}
	}
}

// isReset reports a connection the peer reset: for a probe, a close.
func isReset(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && !op.Timeout()
}
