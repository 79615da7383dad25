package listen

import (
	"errors"
	"io"
	"net"
	"os"
	"strconv"
	"time"

	"cvq-playground/app/wire"
	"cvq-playground/protocol"
)

// serveConn answers one connection: each line as the policy's session
// does, USR with OUT (or XFR to Forward) and a close, until a close, the
// client's, an idle line, the byte limit or Shutdown.
func (s *Server) serveConn(c net.Conn) {
	defer s.untrack(c)
	defer c.Close()
	log := newSessionLog(s, c)
	r := s.reader(c)
	defer s.readers.Put(r)
	ps := protocol.NewSession(s.Policy)
	read := 0
	for {
		c.SetReadDeadline(time.Now().Add(s.IdleTimeout))
		if s.closing.Load() && r.Buffered() == 0 {
			// Shutdown may have set its deadline before this one.
			log.end(endShutdown, 0)
			return
		}
		b, end, err := r.ReadLine()
		read += len(b) + endLen(end)
		switch {
		case err == nil || errors.Is(err, wire.ErrTooLong):
			// A line too long goes to the engine, which closes on it.
		case err == io.EOF:
			log.end(endClient, len(b))
			return
		case s.closing.Load():
			log.end(endShutdown, len(b))
			return
		case errors.Is(err, os.ErrDeadlineExceeded):
			log.end(endIdle, len(b))
			return
		default:
			log.end(endBroken, len(b))
			return
		}
		if read > s.MaxBytes {
			log.end(endBytes, 0)
			return
		}
		line := string(b)
		x := ps.Step(line)
		reply, closing, beyond := x.Reply, x.Close, ""
		if x.Kind == protocol.KindNotSimulated {
			reply, closing, beyond = s.beyond(&x, c)
		}
		if reply != "" {
			c.SetWriteDeadline(time.Now().Add(s.IdleTimeout))
			if _, err := io.WriteString(c, reply+"\r\n"); err != nil {
				log.step(&x, reply, beyond)
				log.end(endBroken, 0)
				return
			}
		}
		log.step(&x, reply, beyond)
		if closing {
			log.end(endServer, 0)
			return
		}
	}
}

// reader returns a line reader on c, reused from an ended connection
// when one is free.
func (s *Server) reader(c net.Conn) *wire.Reader {
	if r, ok := s.readers.Get().(*wire.Reader); ok {
		r.Reset(c)
		return r
	}
	return wire.NewReader(c, s.Policy.MaxLineBytes())
}

// beyond answers a command of the wider protocol, which the engine does
// not simulate: USR, the sign-in, with OUT (or an XFR to Forward) and a
// close; OUT with a close; anything else with silence. It returns the
// reply, whether to close, and the command it answered.
func (s *Server) beyond(x *protocol.Exchange, c net.Conn) (reply string, closing bool, cmd string) {
	cmd = x.Req.CommandName()
	trid := strconv.FormatUint(uint64(x.Req.TrID), 10)
	switch {
	case cmd == "USR" && x.Req.TrIDErr == protocol.FaultNone && s.Forward != "":
		return xfr(trid, x.Dialect, s.Forward, c.LocalAddr().String()), true, cmd
	case cmd == "USR":
		return "OUT", true, cmd
	case cmd == "OUT":
		return "", true, cmd
	}
	return "", false, ""
}

// xfr sends the client on to the notification server at to: "XFR t NS
// to 0 here" as MSNP8 to 12 read it, "XFR t NS to U D" from MSNP13 (as
// captured for both).
func xfr(trid, dialect, to, here string) string {
	if n, err := strconv.Atoi(dialect[min(len(dialect), 4):]); err == nil && n >= 13 {
		return "XFR " + trid + " NS " + to + " U D"
	}
	return "XFR " + trid + " NS " + to + " 0 " + here
}

func endLen(e wire.Ending) int {
	switch e {
	case wire.EndCRLF:
		return 2
	case wire.EndLF:
		return 1
	}
	return 0
}
