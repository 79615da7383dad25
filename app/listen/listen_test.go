package listen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cvq-playground/protocol"
)

const cvr = "CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS someone@hotmail.com"

// TestSessions follows real clients' sessions: the CVR0 fallback, a
// client that signs in (OUT, or XFR with -forward), one that leaves at
// the upgrade prompt, one that sends OUT; each logged as a transcript with
// the account redacted, with what the client did, and a terminal line
// with a playground link.
func TestSessions(t *testing.T) {
	dir := t.TempDir()
	var log syncBuffer
	addr, stop := start(t, &Server{RecordDir: dir, Log: &log, BaseURL: "https://cvq.example/"}, "msn-2006-03")
	fwd, _ := start(t, &Server{Forward: "192.0.2.1:1863"}, "msn-2006-03")

	// The fallback: VER with CVR0 only, one CVQ, then the close.
	c := dial(t, addr)
	if got := c.ask("VER 1 CVR0"); got != "VER 1 CVR0\r\n" {
		t.Errorf("VER 1 CVR0: %q", got)
	}
	if got := c.ask("CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS someone@hotmail.com"); !strings.HasPrefix(got, "CVQ 2 7.5.0324 7.5.0324 6.2.0208 ") || !c.closed(2*time.Second) {
		t.Errorf("CVQ: %q, want the answer and a close", got)
	}
	// A client that goes on to sign in: OUT and a close.
	c = dial(t, addr)
	c.ask("VER 1 MSNP12 MSNP11 CVR0")
	c.ask(cvr)
	if got := c.ask("USR 3 TWN I someone@hotmail.com"); got != "OUT\r\n" || !c.closed(2*time.Second) {
		t.Errorf("USR: %q, want OUT and a close", got)
	}
	// With -forward, an XFR to the user's server.
	c = dial(t, fwd)
	c.ask("VER 1 MSNP12")
	c.ask(cvr)
	if got := c.ask("USR 3 TWN I someone@hotmail.com"); !strings.HasPrefix(got, "XFR 3 NS 192.0.2.1:1863 0 127.0.0.1:") || !c.closed(2*time.Second) {
		t.Errorf("USR with -forward: %q, want XFR to 192.0.2.1:1863 and a close", got)
	}
	c = dial(t, fwd)
	c.ask("VER 1 MSNP15")
	if p, _ := protocol.Preset("msn-2006-03"); !p.Supports("MSNP15") {
		// msn-2006-03 has no MSNP15: the answer is 0 and a close.
		if !c.closed(2 * time.Second) {
			t.Error("VER MSNP15 to msn-2006-03: no close")
		}
	}
	// A client that must upgrade and leaves: the upgrade prompt.
	c = dial(t, addr)
	c.ask("VER 1 MSNP12")
	c.ask(strings.Replace(cvr, "6.0.0602", "6.0.0250", 1))
	c.c.Close()
	// One that says OUT.
	c = dial(t, addr)
	c.ask("VER 1 MSNP12")
	c.ask(cvr)
	c.ask("OUT")
	if !c.closed(2 * time.Second) {
		t.Error("OUT: no close")
	}
	// A session still open when listen stops is logged too.
	c = dial(t, addr)
	c.ask("VER 1 MSNP12")
	stop()

	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var all strings.Builder
	for _, f := range files {
		b, _ := os.ReadFile(f)
		all.Write(b)
		// Each log replays in respond as it was answered.
		p, _ := protocol.Preset("msn-2006-03")
		var out strings.Builder
		if differs, err := protocol.Respond(&out, p, string(b)); differs || err != nil {
			t.Errorf("%s does not replay: %v\n%s\n%s", f, err, b, out.String())
		}
	}
	logs := all.String()
	if len(files) != 5 {
		t.Errorf("%d session logs, want 5:\n%s", len(files), logs)
	}
	for _, want := range []string{
		"# client: went on to USR (the sign-in) (must upgrade)",
		"# client: disconnected ",
		"after the answer: the upgrade prompt (must upgrade)",
		"# client: sent OUT",
		"# client: the server closed after the answer (CVR0)",
		"# listen stopped after",
		"C: CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS " + Redacted,
		"# C: USR 3 TWN I redacted\n# S: OUT\n",
		protocol.HangupLine,
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("the logs lack %q:\n%s", want, logs)
		}
	}
	if strings.Contains(logs, "someone@") || strings.Contains(log.String(), "someone") {
		t.Errorf("an account is in the logs:\n%s\n%s", logs, log.String())
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 5 || !contains(log.String(), " · https://cvq.example/#", "CVR MSNMSGR 6.0.0250 0x0409; disconnected ", "the upgrade prompt (must upgrade) · https://cvq.example/#policy=msn-2006-03&in=") {
		t.Errorf("terminal lines:\n%s", log.String())
	}
}

// TestKeepAccounts keeps the account when asked.
func TestKeepAccounts(t *testing.T) {
	dir := t.TempDir()
	addr, stop := start(t, &Server{RecordDir: dir, KeepAccounts: true}, "msn-2006-03")
	c := dial(t, addr)
	c.ask("VER 1 MSNP12")
	c.ask(cvr)
	c.c.Close()
	time.Sleep(50 * time.Millisecond)
	stop()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) != 1 {
		t.Fatalf("%d logs, want 1", len(files))
	}
	if b, _ := os.ReadFile(files[0]); !strings.Contains(string(b), "someone@hotmail.com") {
		t.Errorf("-keep-accounts: the account is not kept:\n%s", b)
	}
}
