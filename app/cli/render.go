package cli

import (
	"flag"
	"fmt"
	"io"
	"os"

	"cvq-playground/app/docs"
	"cvq-playground/protocol"
)

// render is the render command: an HTML page in, the same page out with
// each CVQ example followed by its answers (see docs.Render).
func render(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	policy := fs.String("policy", protocol.DefaultPreset, "built-in policy `NAME` for examples that name none")
	base := fs.String("base", "", "the playground's `URL`, for the \"Open in playground\" links (none if empty)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if _, err := protocol.Preset(*policy); err != nil {
		fmt.Fprintf(stderr, "render: %v\n", err)
		return 2
	}
	in := stdin
	switch fs.NArg() {
	case 0:
	case 1:
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			fmt.Fprintf(stderr, "render: %v\n", err)
			return 1
		}
		defer f.Close()
		in = f
	default:
		fmt.Fprintln(stderr, "usage: cvq-playground render [-policy NAME] [-base URL] [FILE.html]")
		return 2
	}
	if err := docs.Render(stdout, in, docs.RenderOptions{Policy: *policy, BaseURL: *base}); err != nil {
		fmt.Fprintf(stderr, "render: %v\n", err)
		return 1
	}
	return 0
}
