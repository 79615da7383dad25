// Package cli is the playground's command line on the engine: respond
// writes the server's answers to a transcript, explain explains every
// field of it, presets lists the built-in policies.
package cli

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

// Run runs one of the commands respond, explain, presets, render and check, args[0]
// being its name, and returns the exit status.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	switch args[0] {
	case "render":
		return render(args[1:], stdin, stdout, stderr)
	case "check":
		return check(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet(args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	policy := fs.String("policy", protocol.DefaultPreset, "built-in policy `NAME` or a policy FILE.json")
	markdown := fs.Bool("markdown", false, "explain: write Markdown tables")
	jsonOf := fs.String("json", "", "presets: print the JSON of the preset `NAME`")
	switch args[0] {
	case "respond", "explain", "presets":
	default:
		fmt.Fprintf(stderr, "unknown command %q\n", args[0])
		return 2
	}
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if args[0] == "presets" {
		return listPresets(stdout, stderr, *jsonOf)
	}
	p, err := loadPolicy(*policy)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if args[0] == "respond" {
		return respond(stdout, stderr, p, stdin)
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
	if err := Explain(stdout, p, string(in), *markdown); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}

// respond streams the transcript: memory stays the same however long it is.
func respond(stdout, stderr io.Writer, p *protocol.Policy, stdin io.Reader) int {
	differs, err := protocol.RespondStream(stdout, p, stdin)
	switch {
	case err != nil:
		fmt.Fprintln(stderr, err)
		return 1
	case differs:
		return 1
	}
	return 0
}

// maxInput bounds what explain reads.
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
	// A timeline of the service: the presets come by date.
	fmt.Fprintln(tw, "DATE\tNAME\tDIALECTS\tWHAT IT ANSWERS\tSOURCE")
	for _, p := range protocol.Presets() {
		def := ""
		if p.Name == protocol.DefaultPreset {
			def = " (default)"
		}
		fmt.Fprintf(tw, "%s\t%s%s\t%s\t%s\t%s\n", p.Date, p.Name, def, dialectRange(p.Dialects), p.Description, p.Source)
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
