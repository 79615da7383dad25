package listen

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"cvq-playground/protocol"
)

// sessionLog is one session's transcript, in the notation respond reads
// and the playground opens, and what the client did after the answer.
// What the engine does not simulate (the sign-in and listen's answer to
// it) is written as comments, so that the transcript replays as is.
type sessionLog struct {
	s       *Server
	seq     uint64
	remote  string
	start   time.Time
	b       strings.Builder
	lines   int
	query   *protocol.Exchange // the last CVQ or CVR answered with versions
	queryAt time.Time
	next    string // what the client did after it
	cut     bool   // the log reached maxLog
}

// maxLog bounds a session's log; what comes after is counted, not kept.
const maxLog = 32 << 10

// maxLogged bounds how much of a line the log keeps (a line too long is
// logged by its start and its length).
const maxLogged = 256

func newSessionLog(s *Server, c net.Conn) *sessionLog {
	return &sessionLog{s: s, remote: c.RemoteAddr().String(), start: time.Now()}
}

// step logs one line and what listen did.
func (l *sessionLog) step(x *protocol.Exchange, reply, beyond string) {
	if l.lines == 0 {
		l.b.Grow(1024)
		l.seq = l.s.seq.Add(1)
		l.s.stats.Sessions.Add(1)
		fmt.Fprintf(&l.b, "# listen session %d from %s, policy %s, %s\n", l.seq, l.remote, l.s.Policy.Name, l.start.UTC().Format(time.RFC3339))
	}
	l.lines++
	line := l.redact(x.Line)
	if l.query != nil && l.next == "" {
		l.next = "went on with " + firstWord(x.Line)
		switch beyond {
		case "USR":
			l.next = "went on to USR (the sign-in)"
		case "OUT":
			l.next = "sent OUT"
		}
	}
	if l.b.Len() > maxLog {
		if !l.cut {
			l.b.WriteString("# … the rest of the session is not logged\n")
			l.cut = true
		}
		return
	}
	if beyond != "" {
		fmt.Fprintf(&l.b, "# C: %s\n# S: %s\n# (beyond the version check: listen ends the session here)\n", line, orNone(reply))
		return
	}
	fmt.Fprintf(&l.b, "C: %s\n", line)
	if reply != "" {
		fmt.Fprintf(&l.b, "S: %s\n", reply)
	}
	if x.Close {
		l.b.WriteString(protocol.DisconnectLine + "\n")
	}
	if x.HasDecision() && x.Decision.Code == 0 {
		l.query, l.queryAt, l.next = x, time.Now(), ""
	}
}

func orNone(s string) string {
	if s == "" {
		return "(no reply)"
	}
	return s
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(strings.TrimLeft(s, " \t"), " ")
	if len(w) > 16 {
		w = w[:16] + "…"
	}
	return fmt.Sprintf("%q", w)
}

// How a session ended.
type ending int

const (
	endClient   ending = iota // the client closed
	endServer                 // listen closed, as the engine does or after USR
	endIdle                   // no whole line within the idle time
	endBytes                  // the connection's byte limit
	endBroken                 // a network error
	endShutdown               // listen stopped
)

var endingText = [...]string{"the client disconnected", "listen closed the connection", "idle: no whole line in time, listen closed",
	"over the byte limit, listen closed", "the connection broke", "listen stopped"}

// end writes the session's verdict and log, and its terminal line.
// partial is the length of a line the client had not ended.
func (l *sessionLog) end(how ending, partial int) {
	if l.lines == 0 {
		l.s.stats.Empty.Add(1)
		return
	}
	if partial > 0 {
		fmt.Fprintf(&l.b, "# %d bytes of a line not ended\n", partial)
	}
	verdict := l.verdict(how)
	if verdict != "" {
		fmt.Fprintf(&l.b, "# client: %s\n", verdict)
	}
	fmt.Fprintf(&l.b, "# %s after %s\n", endingText[how], time.Since(l.start).Round(time.Millisecond))
	if how == endClient {
		l.b.WriteString(protocol.HangupLine + "\n")
	}
	text := l.b.String()
	if l.s.RecordDir != "" {
		name := fmt.Sprintf("%s-%06d.txt", l.start.UTC().Format("20060102T150405Z"), l.seq)
		if err := os.WriteFile(filepath.Join(l.s.RecordDir, name), []byte(text), 0o644); err != nil {
			l.s.printf("listen: session %d: %v\n", l.seq, err)
		}
	}
	l.s.printf("%s\n", l.summary(verdict, how, text))
}

// verdict says what the client did with the answer to its query.
func (l *sessionLog) verdict(how ending) string {
	if l.query == nil {
		return ""
	}
	reaction := l.query.Decision.Reaction()
	after := time.Since(l.queryAt).Round(10 * time.Millisecond)
	switch {
	case l.next != "":
		return l.next + " (" + reaction.Text() + ")"
	case l.query.Close:
		return "the server closed after the answer (CVR0): what the client did next is not seen (" + reaction.Text() + ")"
	case how == endClient && reaction == protocol.ReactionMustUpgrade:
		return fmt.Sprintf("disconnected %s after the answer: the upgrade prompt (must upgrade)", after)
	case how == endClient:
		return fmt.Sprintf("disconnected %s after the answer (%s)", after, reaction.Text())
	}
	return "sent nothing more (" + reaction.Text() + ")"
}

// summary is the session's terminal line: who, which client, the answer,
// what the client did, and a link that opens the session in the
// playground.
func (l *sessionLog) summary(verdict string, how ending, text string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s #%d %s", l.start.Format("15:04:05"), l.seq, l.remote)
	if q := l.query; q != nil {
		r := &q.Req
		fmt.Fprintf(&b, " %s %s %s %s", r.CommandName(), r.ParamText(protocol.ParamLibrary), r.ParamText(protocol.ParamVersion),
			r.ParamText(protocol.ParamLocale))
	} else {
		fmt.Fprintf(&b, " %d line", l.lines)
		if l.lines != 1 {
			b.WriteString("s")
		}
	}
	if verdict != "" {
		b.WriteString("; " + verdict)
	} else {
		b.WriteString("; " + endingText[how])
	}
	if l.s.BaseURL != "" {
		b.WriteString(" · " + l.s.link(text))
	}
	return b.String()
}

func (s *Server) printf(format string, args ...any) {
	if s.Log == nil {
		return
	}
	s.logMu.Lock()
	fmt.Fprintf(s.Log, format, args...)
	s.logMu.Unlock()
}

// redact replaces the accounts of a line: the user-handle of a query,
// every token with an @, and what follows USR's method and stage.
func (l *sessionLog) redact(line string) string {
	if len(line) > maxLogged {
		line = strings.ToValidUTF8(line[:maxLogged], "") + fmt.Sprintf("… (%d bytes)", len(line))
	}
	line = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return '�'
		}
		return r
	}, line)
	if l.s.KeepAccounts {
		return line
	}
	toks := strings.Split(line, " ")
	usr := len(toks) > 0 && toks[0] == "USR"
	for i, t := range toks {
		switch {
		case usr && i >= 4:
			toks[i] = "redacted"
		case strings.Contains(t, "@"):
			toks[i] = Redacted
		}
	}
	return strings.Join(toks, " ")
}

// Redacted stands for an account in logs and links.
const Redacted = "account@redacted.invalid"
