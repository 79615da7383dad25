// Command bench measures listen as a whole process: sessions per second
// and the 99th percentile of a session's latency with 1, 100 and 1,000
// clients at once, and the memory each idle connection costs.
//
//	go run ./app/listen/testdata/bench [-runs 5] [-for 2s] [-idle 1000] [-rows FILE] BINARY
//
// It starts `BINARY listen` on a loopback port (msn-2009-08, the terminal
// line and its link written to /dev/null, as a run that logs to a file),
// and a bare server, itself with -bare: a process that answers every
// connection's two lines with fixed ones, the limit of what the machine's
// TCP allows. For each run, each level of clients in turn, against both
// servers (eight short turns each, alternating, so that both meet the same
// moments of a busy machine): every client opens a connection, sends VER
// and CVR, reads both answers and closes, again and again. A session's
// latency is from the dial to the CVR answer; with N clients going back
// to back it is about N ÷ sessions per second. Last, it starts a fresh
// listen, opens -idle connections that each send a VER and then stay,
// checks that a new client is still answered and every one is still open,
// and reads listen's resident memory (VmRSS) before and after: the
// difference per connection. It prints a Markdown table, each figure as
// the median and the spread over the runs; with -rows FILE, the rows of
// the table ./build.sh bench prints (| measure | median | spread
// (min–max) | aim |).
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

const (
	ver = "VER 1 MSNP15 CVR0\r\n"
	cvr = "CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 8.5.1302 BC01 probe@example.invalid\r\n"
)

func main() {
	runs := flag.Int("runs", 5, "runs of each level")
	dur := flag.Duration("for", 2*time.Second, "how long each level runs")
	idle := flag.Int("idle", 1000, "idle connections held at once")
	rows := flag.String("rows", "", "write the rows of the bench's table to `FILE`")
	bare := flag.String("bare", "", "internal: be the bare server on `ADDR`")
	extra := flag.String("listen-flags", "", "more `FLAGS` for listen, space-separated (e.g. -base= for no links)")
	flag.Parse()
	if *bare != "" {
		serveBare(*bare)
		return
	}
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: bench [-runs 5] [-for 2s] [-idle 1000] [-rows FILE] BINARY")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), strings.Fields(*extra), *runs, *dur, *idle, *rows); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(bin string, extra []string, runs int, dur time.Duration, idle int, rowsFile string) error {
	listen, stop, err := start(bin, append([]string{"listen", "-policy", "msn-2009-08", "-max-conns", strconv.Itoa(idle + 2000)}, extra...))
	if err != nil {
		return err
	}
	defer stop()
	self, err := os.Executable()
	if err != nil {
		return err
	}
	bare, stopBare, err := start(self, []string{"-bare"})
	if err != nil {
		return err
	}
	defer stopBare()
	levels := []int{1, 100, 1000}
	rate, ratio, p99 := map[int][]float64{}, map[int][]float64{}, map[int][]float64{}
	for r := 0; r < runs; r++ {
		for _, n := range levels { // interleaved: each run goes through every level
			l, b, err := pair(listen.addr, bare.addr, n, dur)
			if err != nil {
				return fmt.Errorf("%d clients: %v", n, err)
			}
			p := l.p99()
			rate[n], ratio[n], p99[n] = append(rate[n], l.rate()), append(ratio[n], l.rate()/b.rate()), append(p99[n], p)
			fmt.Fprintf(os.Stderr, "run %d, %4d clients: listen %6.0f sessions/s (bare %6.0f), p99 %.2f ms\n", r+1, n, l.rate(), b.rate(), p)
		}
	}
	var perConn []float64
	for r := 0; r < runs; r++ {
		kib, err := idleCost(bin, idle)
		if err != nil {
			return fmt.Errorf("idle connections: %v", err)
		}
		perConn = append(perConn, kib)
		fmt.Fprintf(os.Stderr, "run %d: %d idle connections, %.1f KiB each\n", r+1, idle, kib)
	}
	var out []string
	for _, n := range levels {
		out = append(out, row(fmt.Sprintf("listen: sessions per second, %s at once (connect, VER, CVR, close)", clients(n)), rate[n], "%.0f", "", "—"))
	}
	for _, n := range levels {
		out = append(out, row(fmt.Sprintf("listen ÷ a bare server writing fixed lines: sessions per second, %s", clients(n)), ratio[n], "%.2f", "×", "≥ 0.8×"))
	}
	for _, n := range levels {
		aim := "— (≈ clients ÷ sessions per second)"
		if n == 1 {
			aim = "≤ 10 ms"
		}
		out = append(out, row(fmt.Sprintf("listen: a session's p99 latency, %s at once", clients(n)), p99[n], "%.2f", " ms", aim))
	}
	out = append(out, row(fmt.Sprintf("listen: memory per idle connection (%d held open, resident memory)", idle), perConn, "%.1f", " KiB", "≤ 32 KiB, ≥ 1,000 held"))
	fmt.Println("| measure | median | spread (min–max) | aim |\n|---|---|---|---|")
	for _, l := range out {
		fmt.Println(l)
	}
	if rowsFile != "" {
		return os.WriteFile(rowsFile, []byte(strings.Join(out, "\n")+"\n"), 0o644)
	}
	return nil
}

// server is a process serving on addr.
type server struct {
	addr string
	pid  int
}

// start runs bin with args and -addr on a free loopback port, and waits
// until it accepts connections.
func start(bin string, args []string) (server, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return server{}, nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	if args[0] == "-bare" {
		args = []string{"-bare", addr}
	} else {
		args = append(args, "-addr", addr)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	if err := cmd.Start(); err != nil {
		return server{}, nil, err
	}
	stop := func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }
	if err := waitUp(addr); err != nil {
		stop()
		return server{}, nil, err
	}
	return server{addr, cmd.Process.Pid}, stop, nil
}

// serveBare answers each connection's lines with fixed ones until it
// closes: the least a server can do for a session.
func serveBare(addr string) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	replies := []string{"VER 1 MSNP15\r\n", "CVR 2 14.0.8089 14.0.8089 14.0.8089 http://example.com/x.exe http://example.com\r\n"}
	for {
		c, err := ln.Accept()
		if err != nil {
			continue
		}
		go func() {
			defer c.Close()
			r := bufio.NewReader(c)
			for i := 0; ; i++ {
				if _, err := r.ReadSlice('\n'); err != nil {
					return
				}
				io.WriteString(c, replies[min(i, 1)])
			}
		}()
	}
}

func clients(n int) string {
	if n == 1 {
		return "1 client"
	}
	return strconv.Itoa(n) + " clients"
}

func waitUp(addr string) error {
	for i := 0; i < 200; i++ {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(25 * time.Millisecond)
	}
	return errors.New("listen did not start")
}

// tally is what the clients of one server did in a level.
type tally struct {
	took time.Duration
	lat  []time.Duration
}

func (t *tally) rate() float64 { return float64(len(t.lat)) / t.took.Seconds() }

// p99 is the 99th percentile of the latencies, in milliseconds.
func (t *tally) p99() float64 {
	slices.Sort(t.lat)
	return float64(t.lat[min(len(t.lat)-1, len(t.lat)*99/100)].Microseconds()) / 1000
}

// turns is how many turns each server gets in a level: short turns in
// alternation, so that both see the same moments of a busy machine.
const turns = 8

// pair loads listen and the bare server with n clients for d each, in
// turns of d/turns, alternating which goes first.
func pair(listen, bare string, n int, d time.Duration) (l, b tally, err error) {
	for k := 0; k < turns; k++ {
		order := []struct {
			addr string
			t    *tally
		}{{listen, &l}, {bare, &b}}
		if k%2 == 1 {
			order[0], order[1] = order[1], order[0]
		}
		for _, o := range order {
			if err := load(o.addr, n, d/turns, o.t); err != nil {
				return l, b, err
			}
		}
	}
	return l, b, nil
}

// load runs n clients for d against addr, adding their sessions to t.
func load(addr string, n int, d time.Duration, t *tally) error {
	var mu sync.Mutex
	var firstErr error
	var wg sync.WaitGroup
	start := time.Now()
	end := start.Add(d)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for time.Now().Before(end) {
				l, err := session(addr)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					return
				}
				mine = append(mine, l)
			}
			mu.Lock()
			t.lat = append(t.lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	t.took += time.Since(start)
	return firstErr
}

// session is one client's visit: connect, VER, CVR, close.
func session(addr string) (time.Duration, error) {
	t0 := time.Now()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(c)
	for _, l := range []string{ver, cvr} {
		if _, err := io.WriteString(c, l); err != nil {
			return 0, err
		}
		got, err := r.ReadString('\n')
		if err != nil {
			return 0, err
		}
		if got[:3] != l[:3] {
			return 0, fmt.Errorf("%q answered %q", l, got)
		}
	}
	return time.Since(t0), nil
}

// idleCost starts a fresh listen, holds n connections that each sent
// VER, checks that a new client is answered and that every one is still
// open, and returns listen's resident memory per connection in KiB.
func idleCost(bin string, n int) (float64, error) {
	srv, stop, err := start(bin, []string{"listen", "-policy", "msn-2009-08", "-max-conns", strconv.Itoa(n + 100)})
	if err != nil {
		return 0, err
	}
	defer stop()
	if _, err := session(srv.addr); err != nil { // one session first: what every session needs is there
		return 0, err
	}
	time.Sleep(200 * time.Millisecond)
	before, err := rss(srv.pid)
	if err != nil {
		return 0, err
	}
	conns := make([]net.Conn, 0, n)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := 0; i < n; i++ {
		c, err := net.Dial("tcp", srv.addr)
		if err != nil {
			return 0, err
		}
		conns = append(conns, c)
		io.WriteString(c, ver)
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, err := bufio.NewReader(c).ReadString('\n'); err != nil {
			return 0, fmt.Errorf("connection %d: %v", i, err)
		}
	}
	time.Sleep(time.Second) // held idle
	if _, err := session(srv.addr); err != nil {
		return 0, fmt.Errorf("a client beside %d idle connections: %v", n, err)
	}
	for i, c := range conns { // all still open
		c.SetReadDeadline(time.Now().Add(time.Millisecond))
		if _, err := c.Read(make([]byte, 1)); !isTimeout(err) {
			return 0, fmt.Errorf("idle connection %d was closed: %v", i, err)
		}
	}
	after, err := rss(srv.pid)
	if err != nil {
		return 0, err
	}
	return float64(after-before) / float64(n), nil
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// rss reads a process's resident memory in KiB.
func rss(pid int) (int, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			return strconv.Atoi(f[1])
		}
	}
	return 0, errors.New("no VmRSS")
}

// row writes a table row: the median and the range of v.
func row(measure string, v []float64, format, unit, aim string) string {
	s := slices.Clone(v)
	slices.Sort(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	f := func(x float64) string { return fmt.Sprintf(format, x) }
	return fmt.Sprintf("| %s | %s%s | %s–%s%s | %s |", measure, f(med), unit, f(s[0]), f(s[len(s)-1]), unit, aim)
}
