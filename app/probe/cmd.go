package probe

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"cvq-playground/protocol"
)

// Usage is the probe command's synopsis.
const Usage = `usage: probe [-policy NAME] [-cases PREFIX] [-strict] [-json FILE] [-junit FILE] [-record FILE]
             [-timeout 2s] [-delay 100ms] [-base URL] HOST:PORT
       probe -list [-policy NAME] [-cases PREFIX] [-strict]
       probe -replay FILE [-policy NAME] [-cases PREFIX] [-json FILE] [-junit FILE]
exit status: 0 every case passed, 1 a case did not, 2 usage error, 3 could not connect or aborted`

// Main runs the probe command (args without the command's name) and
// returns its exit status; ctx cancelled (an interrupt) aborts the run.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("probe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, Usage); fs.PrintDefaults() }
	policy := fs.String("policy", protocol.DefaultPreset, "the built-in policy `NAME` to grade against")
	prefix := fs.String("cases", "", "run the cases whose ID starts with `PREFIX` (and the sanity cases)")
	list := fs.Bool("list", false, "list the cases without connecting")
	strict := fs.Bool("strict", false, "add the framing cases (LF without CR, lower case, tabs, trailing blanks, a blank line)")
	jsonFile := fs.String("json", "", "write the report as JSON to `FILE`")
	junitFile := fs.String("junit", "", "write the report as JUnit XML to `FILE`")
	recordFile := fs.String("record", "", "write every case's exchange to `FILE`, a transcript respond and the playground read")
	replay := fs.String("replay", "", "grade the recording `FILE` instead of asking a server")
	timeout := fs.Duration("timeout", DefaultTimeout, "how long to wait for each reply")
	delay := fs.Duration("delay", 100*time.Millisecond, "pause between cases")
	base := fs.String("base", baseURL(), "the playground's `URL`, for the links (default $CVQ_PUBLIC_URL or "+DefaultBaseURL+"; none if empty)")
	if err := fs.Parse(args); err != nil {
		return ExitUsage
	}
	p, err := protocol.Preset(*policy)
	if err != nil {
		fmt.Fprintln(stderr, "probe: -policy:", err)
		return ExitUsage
	}
	if *timeout <= 0 || *delay < 0 {
		fmt.Fprintln(stderr, "probe: -timeout must be positive and -delay not negative")
		return ExitUsage
	}
	cases := Select(Cases(p, *strict), *prefix)
	if *prefix != "" && len(cases) <= 2 {
		fmt.Fprintf(stderr, "probe: no case of %s starts with %q (see probe -list)\n", p.Name, *prefix)
		return ExitUsage
	}
	if *list {
		return listCases(stdout, cases)
	}
	out := outputs{json: *jsonFile, junit: *junitFile, record: *recordFile, base: *base}
	if *replay != "" {
		if fs.NArg() != 0 {
			fmt.Fprintln(stderr, "probe: -replay grades a file: give no HOST:PORT")
			return ExitUsage
		}
		return replayFile(p, cases, *prefix, *replay, out, stdout, stderr)
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, Usage)
		return ExitUsage
	}
	target := fs.Arg(0)
	host, port, err := net.SplitHostPort(target)
	if err != nil || host == "" || port == "" {
		fmt.Fprintf(stderr, "probe: %q is not HOST:PORT\n", target)
		return ExitUsage
	}
	addr, err := resolve(ctx, host, port)
	if err != nil {
		fmt.Fprintf(stderr, "probe: %v\n", err)
		return ExitAborted
	}
	// The address first: the one host named, before anything is sent.
	fmt.Fprintf(stdout, "probe: %s is %s; %d cases, one connection at a time\n", target, addr, len(cases))
	recs, err := Run(ctx, addr, p, cases, Options{Timeout: *timeout, Delay: *delay})
	aborted := ""
	if err != nil {
		aborted = err.Error()
	}
	rep := NewReport(p.Name, GradeAll(p, recs), target, addr, aborted, out.base)
	return out.write(rep, stdout, stderr, p)
}

func baseURL() string {
	if u := os.Getenv("CVQ_PUBLIC_URL"); u != "" {
		return u
	}
	return DefaultBaseURL
}

// resolve looks the host up once; every connection goes to that address.
func resolve(ctx context.Context, host, port string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, DefaultConnectTimeout)
	defer cancel()
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return "", fmt.Errorf("could not resolve %s: %v", host, err)
	}
	ip := ips[0]
	for _, a := range ips {
		if a.IP.To4() != nil {
			ip = a
			break
		}
	}
	return net.JoinHostPort(ip.String(), port), nil
}

func listCases(w io.Writer, cases []Case) int {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tWHAT IT ASKS\tSENDS\tEXPECTED FROM")
	for _, c := range cases {
		var sends []string
		for _, l := range c.Lines {
			sends = append(sends, abbreviate(strings.ReplaceAll(l.Text, "\t", "→")))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.ID, c.Title, strings.Join(sends, " | "), c.Source)
	}
	tw.Flush()
	return ExitPass
}

// replayFile grades a recording against p, without any connection.
func replayFile(p *protocol.Policy, cases []Case, prefix, file string, out outputs, stdout, stderr io.Writer) int {
	f, err := os.Open(file)
	if err != nil {
		fmt.Fprintln(stderr, "probe:", err)
		return ExitUsage
	}
	defer f.Close()
	recs, err := ReadRecording(f)
	if err != nil {
		fmt.Fprintf(stderr, "probe: %s: %v\n", file, err)
		return ExitUsage
	}
	known := map[string]Case{}
	for _, c := range cases {
		known[c.ID] = c
	}
	var kept []Record
	for _, r := range recs {
		if strings.HasPrefix(r.ID, prefix) || strings.Contains(r.ID, "/sanity/") {
			r.Title, r.Source = known[r.ID].Title, known[r.ID].Source
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		fmt.Fprintf(stderr, "probe: %s holds no case (a recording's cases start with %q)\n", file, caseHeader)
		return ExitUsage
	}
	rep := NewReport(p.Name, GradeAll(p, kept), file, "", "", out.base)
	out.record = "" // the recording is the input
	return out.write(rep, stdout, stderr, p)
}

// outputs are the files a run writes besides the text report.
type outputs struct{ json, junit, record, base string }

func (o outputs) write(rep *Report, stdout, stderr io.Writer, p *protocol.Policy) int {
	WriteText(stdout, rep)
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{o.json, func(w io.Writer) error { return WriteJSON(w, rep) }},
		{o.junit, func(w io.Writer) error { return WriteJUnit(w, rep) }},
		{o.record, func(w io.Writer) error {
			head := []string{fmt.Sprintf("probe recording: policy %s, server %s (%s), %s", p.Name, rep.Address, rep.Target, time.Now().UTC().Format(time.RFC3339)),
				"S: lines are the server's lines as received; probe -replay FILE -policy NAME grades them again"}
			return WriteRecording(w, head, rep.Results)
		}},
	}
	code := rep.ExitCode()
	for _, f := range files {
		if f.name == "" {
			continue
		}
		if err := writeFile(f.name, f.write); err != nil {
			fmt.Fprintln(stderr, "probe:", err)
			code = max(code, ExitFail)
		}
	}
	return code
}

func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return errors.New(name + ": " + err.Error())
	}
	return nil
}
