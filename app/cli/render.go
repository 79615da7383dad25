package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"cvq-playground/app/docs"
	"cvq-playground/protocol"
)

// render is the render command: an HTML page in, the same page out with
// each CVQ example followed by its answers (see docs.Render). Given a
// folder, it renders every .html file under it, in place or into -o.
func render(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	policy := fs.String("policy", protocol.DefaultPreset, "built-in policy `NAME` for examples that name none")
	base := fs.String("base", "", "the playground's `URL`, for the \"Open in playground\" links (none if empty)")
	detect := fs.Bool("detect", false, "also answer the examples that are not marked, found as embed.js's data-cvq-detect finds them")
	outDir := fs.String("o", "", "for a folder: write the site into `DIR` instead of in place")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if _, err := protocol.Preset(*policy); err != nil {
		fmt.Fprintf(stderr, "render: %v\n", err)
		return 2
	}
	o := docs.RenderOptions{Policy: *policy, BaseURL: *base, Detect: *detect}
	in := stdin
	switch fs.NArg() {
	case 0:
	case 1:
		if info, err := os.Stat(fs.Arg(0)); err == nil && info.IsDir() {
			return renderFolder(fs.Arg(0), *outDir, o, stderr)
		}
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			fmt.Fprintf(stderr, "render: %v\n", err)
			return 1
		}
		defer f.Close()
		in = f
	default:
		fmt.Fprintln(stderr, "usage: cvq-playground render [-policy NAME] [-base URL] [-detect] [FILE.html | DIR [-o OUT]]")
		return 2
	}
	if *outDir != "" {
		fmt.Fprintln(stderr, "render: -o is for a folder")
		return 2
	}
	if err := docs.Render(stdout, in, o); err != nil {
		fmt.Fprintf(stderr, "render: %v\n", err)
		return 1
	}
	return 0
}

// renderFolder renders every .html file under dir: in place, writing only
// the files that change, or into out, with the other files copied.
func renderFolder(dir, out string, o docs.RenderOptions, stderr io.Writer) int {
	if out != "" {
		if abs, rel := absPaths(dir, out); strings.HasPrefix(rel+string(filepath.Separator), abs+string(filepath.Separator)) {
			fmt.Fprintln(stderr, "render: -o must not be inside the folder rendered")
			return 2
		}
	}
	failed := false
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		dst := path
		if out != "" {
			dst = filepath.Join(out, rel)
		}
		if d.IsDir() {
			if out != "" {
				return os.MkdirAll(dst, 0o755)
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if err := renderFile(path, dst, o); err != nil {
			fmt.Fprintf(stderr, "render: %v\n", err)
			failed = true
		}
		return nil
	})
	if err != nil {
		fmt.Fprintf(stderr, "render: %v\n", err)
		return 1
	}
	if failed {
		return 1
	}
	return 0
}

// renderFile renders src into dst when it is HTML, and copies it into
// another dst otherwise.
func renderFile(src, dst string, o docs.RenderOptions) error {
	ext := strings.ToLower(filepath.Ext(src))
	if ext != ".html" && ext != ".htm" {
		if src == dst {
			return nil
		}
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	}
	page, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := docs.Render(&b, bytes.NewReader(page), o); err != nil {
		return fmt.Errorf("%s: %v", src, err)
	}
	if src == dst && bytes.Equal(b.Bytes(), page) {
		return nil
	}
	return os.WriteFile(dst, b.Bytes(), 0o644)
}

func absPaths(dir, out string) (string, string) {
	a, _ := filepath.Abs(dir)
	b, _ := filepath.Abs(out)
	return a, b
}
