//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"cvq-playground/protocol"
)

const usage = `cvq-playground: the MSN Messenger CVQ/CVR playground.

Usage:
  cvq-playground serve   [-addr 127.0.0.1:8000] [-base-url URL]   run the playground web page
  cvq-playground static  [-prefix /path/] [-base-url URL] OUT     write the playground as a static site
  cvq-playground respond [-policy NAME|FILE.json] < transcript
        write the server's answers in the wiki's notation; exit 1 when a
        pasted expectation (S: lines) differs
  cvq-playground explain [-policy NAME|FILE.json] [-markdown] < transcript
        explain every field, check and answer of each client line
  cvq-playground presets [-json NAME]                  list the built-in policies

A transcript is one client line per line; "C: " and ">>> " prefixes are
accepted, "S: " and "<<< " lines are expected server lines, ".. " continues
the previous line.
`

// runCommand runs a command line and returns the exit status.
func runCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	policy := fs.String("policy", protocol.DefaultPreset, "built-in policy `NAME` or a policy FILE.json")
	markdown := fs.Bool("markdown", false, "explain: write Markdown tables")
	addr := fs.String("addr", defaultAddr(), "serve: listen `address`")
	prefix := fs.String("prefix", "/", "static: the `path` the site is served under")
	jsonOf := fs.String("json", "", "presets: print the JSON of the preset `NAME`")
	baseURL := fs.String("base-url", os.Getenv("CVQ_PUBLIC_URL"), "serve, static: the site's public `URL`, for link previews (default $CVQ_PUBLIC_URL)")
	switch args[0] {
	case "respond", "explain", "presets", "serve", "static":
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if err := setPublicURL(*baseURL); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	switch args[0] {
	case "presets":
		return listPresets(stdout, stderr, *jsonOf)
	case "serve":
		if err := serve(*addr, stderr); err != nil {
			fmt.Fprintln(stderr, "serve:", err)
			return 1
		}
		return 0
	case "static":
		if fs.NArg() != 1 {
			fmt.Fprintln(stderr, "static: give the output directory: static [-prefix /path/] OUT")
			return 2
		}
		if err := writeStatic(fs.Arg(0), *prefix, webDir()); err != nil {
			fmt.Fprintln(stderr, "static:", err)
			return 1
		}
		return 0
	}
	p, err := loadPolicy(*policy)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	in, err := io.ReadAll(io.LimitReader(stdin, maxInput+1))
	if err != nil {
		fmt.Fprintln(stderr, "reading the transcript:", err)
		return 1
	}
	if len(in) > maxInput {
		fmt.Fprintf(stderr, "the transcript is larger than %d MiB\n", maxInput>>20)
		return 2
	}
	if args[0] == "explain" {
		if err := explain(stdout, p, string(in), *markdown); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		return 0
	}
	differs, err := protocol.Respond(stdout, p, string(in))
	switch {
	case err != nil:
		fmt.Fprintln(stderr, err)
		return 1
	case differs:
		return 1
	}
	return 0
}

// maxInput bounds what respond and explain read.
const maxInput = 256 << 20

// loadPolicy takes a preset name, or a path to a JSON file.
func loadPolicy(arg string) (*protocol.Policy, error) {
	if !strings.HasSuffix(arg, ".json") && !strings.ContainsAny(arg, `/\`) {
		p, err := protocol.Preset(arg)
		if err != nil {
			return nil, fmt.Errorf("-policy: %v", err)
		}
		return p, nil
	}
	data, err := os.ReadFile(arg)
	if err != nil {
		return nil, fmt.Errorf("-policy: %v", err)
	}
	p, err := protocol.DecodePolicy(data)
	if err != nil {
		var pe *protocol.PolicyError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("-policy %s: %v", arg, pe)
		}
		return nil, fmt.Errorf("-policy %s: %v", arg, err)
	}
	return p, nil
}

func listPresets(stdout, stderr io.Writer, name string) int {
	if name != "" {
		p, err := protocol.Preset(name)
		if err != nil {
			fmt.Fprintln(stderr, "-json:", err)
			return 2
		}
		stdout.Write(p.JSON())
		return 0
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tDATE\tDIALECTS\tDESCRIPTION")
	for _, p := range protocol.Presets() {
		def := ""
		if p.Name == protocol.DefaultPreset {
			def = " (default)"
		}
		fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\n", p.Name, def, p.Date, dialectRange(p.Dialects), p.Description)
	}
	tw.Flush()
	return 0
}

// dialectRange writes MSNP2 … MSNP7 + CVR0 for a long list.
func dialectRange(ds []string) string {
	var msnp []string
	extra := ""
	for _, d := range ds {
		if d == protocol.DialectCVR0 {
			extra = "CVR0"
		} else {
			msnp = append(msnp, d)
		}
	}
	var parts []string
	switch len(msnp) {
	case 0:
	case 1:
		parts = append(parts, msnp[0])
	default:
		parts = append(parts, msnp[0]+"–"+msnp[len(msnp)-1])
	}
	if extra != "" {
		parts = append(parts, extra)
	}
	return strings.Join(parts, ", ")
}
