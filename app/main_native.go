//go:build !wasm

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"cvq-playground/app/cli"
	"cvq-playground/app/listen"
	"cvq-playground/app/probe"
	"cvq-playground/app/site"
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
  cvq-playground render  [-policy NAME] [-base URL] [-detect] [FILE.html | DIR [-o OUT]]
        write the HTML page (stdin by default) with every CVQ example
        followed by its computed answers, as static HTML; -detect also
        answers the transcripts that are not marked; a folder's .html
        files are rewritten in place, or into OUT
  cvq-playground check   [-policy NAME] [-json] PATH...
        compare the server lines documented in the examples of Markdown and
        HTML files (folders walked) with the computed ones; exit 1 when one
        differs, 2 for an unreadable path or an unknown policy
  cvq-playground probe   [-policy NAME] [-cases PREFIX] [-strict] [-list] [-json FILE]
                         [-junit FILE] [-record FILE] [-timeout 2s] [-delay 100ms] HOST:PORT
        ask a live Dispatch Server the engine's questions, one connection per
        case, and grade each answer field by field; -replay FILE grades a
        recording again; exit 0 all pass, 1 a case fails, 2 usage, 3 aborted
  cvq-playground listen  [-addr 127.0.0.1:1863] [-policy NAME] [-record DIR] [-forward HOST:PORT]
        a Dispatch Server on TCP for real old clients, answering as the preset

A transcript is one client line per line; "C: " and ">>> " prefixes are
accepted, "S: " and "<<< " lines are expected server lines, ".. " continues
the previous line.
`

// runCommand runs a command line and returns the exit status: the site's
// commands here, the engine's in package cli.
func runCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "respond", "explain", "presets", "render", "check":
		return cli.Run(args, stdin, stdout, stderr)
	case "serve", "static":
		return siteCommand(args, stderr)
	case "probe", "listen":
		// An interrupt ends a run or the server cleanly: reports and
		// logs are written.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		if args[0] == "probe" {
			return probe.Main(ctx, args[1:], stdout, stderr)
		}
		return listen.Main(ctx, args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
	return 2
}

// siteCommand runs serve or static.
func siteCommand(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", defaultAddr(), "serve: listen `address`")
	prefix := fs.String("prefix", "/", "static: the `path` the site is served under")
	baseURL := fs.String("base-url", os.Getenv("CVQ_PUBLIC_URL"), "the site's public `URL`, for link previews (default $CVQ_PUBLIC_URL)")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	cfg := siteConfig()
	var err error
	if cfg.BaseURL, err = site.ParseBaseURL(*baseURL); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if args[0] == "serve" {
		err = cfg.Serve(*addr, stderr)
	} else if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "static: give the output directory: static [-prefix /path/] OUT")
		return 2
	} else {
		err = cfg.WriteStatic(fs.Arg(0), *prefix)
	}
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// siteConfig is the site of this program, as build.sh lays it out:
// CVQ_WEB_DIR (default build) holds web/app.wasm and the assets, and
// CVQ_VERSION identifies the build. Its public address is the
// -base-url flag's business.
func siteConfig() site.Config {
	dir := os.Getenv("CVQ_WEB_DIR")
	if dir == "" {
		dir = "build"
	}
	return site.Config{Dir: dir, Version: os.Getenv("CVQ_VERSION"), Embed: embedPaths}
}

func defaultAddr() string {
	if a := os.Getenv("CVQ_ADDR"); a != "" {
		return a
	}
	return "127.0.0.1:8000"
}
