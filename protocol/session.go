package protocol

import "strings"

// Kind says what the server did with a client line. The zero Kind is
// KindIgnored.
type Kind int

const (
	KindIgnored      Kind = iota // an empty line: no reply, the connection stays
	KindReplied                  // the server wrote a line
	KindSilent                   // no reply; Fault says why (the server closes)
	KindNotSimulated             // a command of the wider protocol: no reply, no close
	numKinds
)

var kindNames = [numKinds]string{"ignored", "replied", "silent", "not-simulated"}

var kindText = [numKinds]string{"ignored", "answered", "closed without a reply", "not simulated"}

// String returns the kind's stable name, such as "not-simulated".
func (k Kind) String() string { return enumName(kindNames[:], int(k), "kind") }

// Text says what the server did, in plain words.
func (k Kind) Text() string { return enumText(kindText[:], int(k), "unknown") }

// DialectCVR0 is the fallback dialect: one CVQ, then the server closes.
// The MSNP dialects are named "MSNP2" to "MSNP21".
const DialectCVR0 = "CVR0"

// Exchange is one client line and what the server did with it. The zero
// Exchange is an ignored empty line on no connection.
type Exchange struct {
	Line string // the client line, without CR LF
	Conn int    // 1-based connection number
	// Dialect is the session's dialect when the line arrived: "" on a
	// fresh connection, "CVR0" or "MSNPn".
	Dialect string
	// Implicit marks a line that opened a session without VER.
	Implicit bool
	Kind     Kind    // what the server did
	Fault    Fault   // why the server closed without a reply; FaultNone otherwise
	Span     Span    // the token the Fault is about
	Req      Request // the line parsed; zero for an empty or too long line
	// Decision is the policy's answer to a CVQ or CVR line that reached
	// the checks, and the zero Decision otherwise (see HasDecision).
	Decision Decision
	// Chosen is the dialect a VER negotiated: "MSNPn", "CVR0", or "0"
	// when nothing was agreed; "" for other lines.
	Chosen string
	Reply  string // the server's line, without CR LF; "" when it wrote none
	Close  bool   // the server closed the connection after this line
	// Hangup reports that the client closed the connection after this
	// line and the server's answer (see StepEntry); Close stays false.
	Hangup bool
	// Ended reports that the connection ended after this line because the
	// transcript has the server close it where this server would not have
	// (see StepEntry); Close stays false.
	Ended bool
}

// HasDecision reports whether x went through the checks of CVQ or CVR,
// so that x.Decision holds their result.
func (x *Exchange) HasDecision() bool { return x.Decision.Verb != "" }

// Session follows the connections of one client to a server with Policy.
// The zero Session is not usable: use NewSession.
type Session struct {
	policy  *Policy
	conn    int
	lines   int // lines handled on the current connection, empty ones excluded
	dialect string
	closed  bool
	// reuseReply makes Step write replies into reply, overwritten by the
	// next Step: RespondStream writes each one before the next line.
	reuseReply bool
	reply      []byte
}

// NewSession starts a client's first connection to a server with p.
func NewSession(p *Policy) *Session { return &Session{policy: p, conn: 1} }

// SessionState is where a Session stands between two lines: enough to
// resume it, so that a user interface can recompute one line without
// replaying the whole transcript. The zero SessionState is not valid.
type SessionState struct {
	conn, lines int
	dialect     string
	closed      bool
}

// State returns where s stands now.
func (s *Session) State() SessionState {
	return SessionState{conn: s.conn, lines: s.lines, dialect: s.dialect, closed: s.closed}
}

// Fresh reports whether the next line opens a connection as if nothing
// came before it: the last line closed one, or none was handled on the
// current one. Only the connection's number then tells it apart.
func (st SessionState) Fresh() bool { return st.closed || (st.lines == 0 && st.dialect == "") }

// NextConn is the number of the connection the next line arrives on.
func (st SessionState) NextConn() int {
	if st.closed {
		return st.conn + 1
	}
	return st.conn
}

// Renumbered returns st with its connection number moved by d, for a
// connection that now comes earlier or later in a transcript.
func (st SessionState) Renumbered(d int) SessionState {
	st.conn += d
	return st
}

// ResumeSession returns a session with p that stands where st says.
func ResumeSession(p *Policy, st SessionState) *Session {
	s := &Session{policy: p}
	s.Resume(st)
	return s
}

// Resume moves s to where st says, keeping its policy.
func (s *Session) Resume(st SessionState) {
	s.conn, s.lines, s.dialect, s.closed = st.conn, st.lines, st.dialect, st.closed
}

// Step hands the server one client line (without its CR LF) and returns
// what it did. After a close the next line opens a new connection.
// It allocates nothing beyond the reply line.
func (s *Session) Step(line string) Exchange {
	if s.closed {
		s.conn, s.lines, s.dialect, s.closed = s.conn+1, 0, "", false
	}
	x := Exchange{Line: line, Conn: s.conn, Dialect: s.dialect}
	silent := func(f Fault, sp Span) Exchange {
		x.Kind, x.Fault, x.Span, x.Close = KindSilent, f, sp, true
		s.closed = true
		return x
	}
	if len(line) > s.policy.MaxLineBytes() {
		return silent(FaultTooLong, Span{s.policy.MaxLineBytes(), len(line)})
	}
	if IsBlank(line) {
		x.Kind = KindIgnored
		return x
	}
	x.Req = Parse(line)
	r := &x.Req
	first := s.lines == 0
	s.lines++
	cmd := r.CommandName()
	switch {
	case cmd == "":
		tok, _ := nextToken(line, 0)
		return silent(FaultLeadingBlank, Span{0, tok.Start})
	case cmd == "VER":
		if !first {
			return silent(FaultVERNotFirst, r.Command)
		}
	case cmd == "CVQ":
		if first {
			s.dialect, x.Implicit = DialectCVR0, true
		} else if s.dialect != DialectCVR0 {
			return silent(FaultWrongDialect, r.Command)
		}
	case cmd == "CVR":
		if first {
			if s.policy.c.msnp == 0 {
				return silent(FaultNoMSNP, r.Command)
			}
			s.dialect, x.Implicit = s.policy.HighestMSNP(), true
		} else if s.dialect == DialectCVR0 {
			return silent(FaultWrongDialect, r.Command)
		}
	case isUpperCommand(cmd):
		switch {
		case first:
			return silent(FaultNoSession, r.Command)
		case s.dialect == DialectCVR0:
			return silent(FaultWrongDialect, r.Command)
		}
		x.Kind = KindNotSimulated
		return x
	case isKnownCommand(strings.ToUpper(cmd)):
		return silent(FaultCommandCase, r.Command)
	default:
		return silent(FaultUnknownCommand, r.Command)
	}
	if r.TrIDErr != FaultNone {
		return silent(r.TrIDErr, r.TrIDTok)
	}
	x.Dialect = s.dialect
	if cmd == "VER" {
		return s.ver(x)
	}
	x.Decision = s.policy.Decide(cmd, r)
	x.Kind, x.Reply = KindReplied, s.replyLine(&x.Decision)
	x.Close = s.dialect == DialectCVR0 || x.Decision.Code == CodeBadParams
	s.closed = x.Close
	return x
}

// Hangup closes the current connection from the client's side: the next
// Step opens a new one, as after the server's close. It reports whether a
// connection was open; one with no line yet is left as it is.
func (s *Session) Hangup() bool {
	if s.closed || (s.lines == 0 && s.dialect == "") {
		return false
	}
	s.closed = true
	return true
}

// StepEntry steps e's client line, then ends the connection where the
// transcript says it ended: the client disconnected after the line
// (e.Hangup), or the server did (e.ExpectClose) where this one would not
// have (x.Ended). Readers of a transcript step its entries with StepEntry
// so that connections end where it says: in a recording, the next line
// was sent on a new connection.
func (s *Session) StepEntry(e *Entry) Exchange {
	x := s.Step(e.Client)
	if x.Kind == KindIgnored {
		return x
	}
	if e.Hangup {
		x.Hangup = s.Hangup()
	}
	if e.ExpectClose && !x.Close && !x.Hangup {
		x.Ended = s.Hangup()
	}
	return x
}

// ver negotiates: the highest MSNP dialect offered and supported, else
// CVR0 if both sides have it, else 0 and a close.
func (s *Session) ver(x Exchange) Exchange {
	r := &x.Req
	best, cvr0 := 0, false
	for i := 0; i < r.NParams; i++ {
		d := r.ParamText(i)
		if !s.policy.c.dialects[d] {
			continue
		}
		if n, ok := msnpNumber(d); ok && n > best {
			best = n
		} else if d == DialectCVR0 {
			cvr0 = true
		}
	}
	switch {
	case best > 0:
		x.Chosen = msnpName(best)
	case cvr0:
		x.Chosen = DialectCVR0
	default:
		x.Chosen = "0"
		x.Close = true
		s.closed = true
	}
	if !x.Close {
		s.dialect = x.Chosen
	}
	x.Kind = KindReplied
	x.Reply = s.verReply(r.TrID, s.verDialects(r, x.Chosen))
	return x
}

// verDialects is what the answer to VER lists: the chosen dialect, or
// with VERReplyEcho every offered dialect the server supports, in the
// client's order (the logged servers were offered only dialects they had;
// leaving out the others is this playground's choice, so that every
// dialect named is one the server speaks).
func (s *Session) verDialects(r *Request, chosen string) string {
	if s.policy.VERReply != VERReplyEcho || chosen == "0" {
		return chosen
	}
	var b strings.Builder
	for i := 0; i < r.NParams; i++ {
		if d := r.ParamText(i); s.policy.c.dialects[d] {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(d)
		}
	}
	return b.String()
}

func isKnownCommand(c string) bool { return c == "VER" || c == "CVQ" || c == "CVR" }

// isUpperCommand reports whether c looks like an MSNP command: three
// upper-case letters.
func isUpperCommand(c string) bool {
	if len(c) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return false
		}
	}
	return true
}
