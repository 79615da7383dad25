package listen

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"time"

	"cvq-playground/protocol"
)

// Usage is the listen command's synopsis.
const Usage = `usage: listen [-addr 127.0.0.1:1863] [-policy NAME] [-record DIR] [-forward HOST:PORT] [-keep-accounts]
              [-max-conns 4096] [-idle 60s] [-max-bytes 65536] [-base URL]`

// Main runs the listen command (args without the command's name) until
// ctx is done (an interrupt), and returns its exit status.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("listen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, Usage); fs.PrintDefaults() }
	addr := fs.String("addr", "127.0.0.1:1863", "listen `address`; loopback unless another is given")
	policy := fs.String("policy", protocol.DefaultPreset, "the built-in policy `NAME` to answer as")
	record := fs.String("record", "", "write each session's transcript into `DIR`")
	forward := fs.String("forward", "", "answer USR with an XFR to `HOST:PORT` (your own server) instead of OUT")
	keep := fs.Bool("keep-accounts", false, "keep the accounts in logs and links (redacted by default)")
	maxConns := fs.Int("max-conns", DefaultMaxConns, "connections at once; more are closed at once")
	idle := fs.Duration("idle", DefaultIdleTimeout, "how long a line may take to arrive whole")
	maxBytes := fs.Int("max-bytes", DefaultMaxBytes, "bytes read from one connection at most")
	base := fs.String("base", baseURL(), "the playground's `URL`, for the links (none if empty)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(stderr, Usage)
		return 2
	}
	p, err := protocol.Preset(*policy)
	if err != nil {
		fmt.Fprintln(stderr, "listen: -policy:", err)
		return 2
	}
	if *forward != "" {
		if _, _, err := net.SplitHostPort(*forward); err != nil {
			fmt.Fprintf(stderr, "listen: -forward %q is not HOST:PORT\n", *forward)
			return 2
		}
	}
	if *record != "" {
		if err := os.MkdirAll(*record, 0o755); err != nil {
			fmt.Fprintln(stderr, "listen:", err)
			return 1
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "listen:", err)
		return 1
	}
	s := &Server{Policy: p, Forward: *forward, RecordDir: *record, KeepAccounts: *keep, MaxConns: *maxConns,
		IdleTimeout: *idle, MaxBytes: *maxBytes, BaseURL: *base, Log: stdout}
	fmt.Fprintf(stdout, "listen: a Dispatch Server answering as %s on %s (%s)\n", p.Name, ln.Addr(), p.Description)
	done := make(chan error, 1)
	go func() { done <- s.Serve(ln) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = s.Shutdown(sctx)
		cancel()
		if serr := <-done; err == nil {
			err = serr
		}
	}
	st := s.Stats()
	fmt.Fprintf(stdout, "listen: stopped; %d sessions, %d connections without a line, %d refused over the limit\n",
		st.Sessions.Load(), st.Empty.Load(), st.Refused.Load())
	if err != nil {
		fmt.Fprintln(stderr, "listen:", err)
		return 1
	}
	return 0
}

func baseURL() string {
	if u := os.Getenv("CVQ_PUBLIC_URL"); u != "" {
		return u
	}
	return "http://127.0.0.1:8000/"
}
