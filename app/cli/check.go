package cli

import (
	"encoding/json"
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

// maxPage bounds the size of a file check reads.
const maxPage = 32 << 20

// checkReport is what check found, as -json writes it.
type checkReport struct {
	Files   []checkedFile `json:"files"`
	Summary checkSummary  `json:"summary"`
}

type checkedFile struct {
	Path     string         `json:"path"`
	Error    string         `json:"error,omitempty"`
	Examples []docs.Checked `json:"examples"`
}

type checkSummary struct {
	Files        int      `json:"files"`
	Examples     int      `json:"examples"`
	Documented   int      `json:"documented"`
	Matching     int      `json:"matching"`
	Differing    int      `json:"differing"`
	Unchecked    int      `json:"unchecked"`
	NotSimulated []string `json:"notSimulated,omitempty"`
	Errors       int      `json:"errors"`
}

// check is the check command: the examples of documentation files
// compared with the engine's answers (see docs.CheckPage). It exits 1
// when a documented line differs, 2 for an unreadable path or an unknown
// preset.
func check(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	policy := fs.String("policy", protocol.DefaultPreset, "built-in policy `NAME` for examples that name none")
	asJSON := fs.Bool("json", false, "write the report as JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if _, err := protocol.Preset(*policy); err != nil {
		fmt.Fprintf(stderr, "check: %v\n", err)
		return 2
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: cvq-playground check [-policy NAME] [-json] PATH...")
		return 2
	}
	var r checkReport
	r.Files = []checkedFile{}
	for _, arg := range fs.Args() {
		for _, path := range pagesUnder(arg, &r) {
			r.add(checkFile(path, *policy))
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(r)
	} else {
		r.write(stdout)
	}
	switch {
	case r.Summary.Errors > 0:
		return 2
	case r.Summary.Differing > 0:
		return 1
	}
	return 0
}

// pagesUnder lists the files to check: arg itself, or the Markdown and
// HTML files of the folder arg, recursively (hidden folders skipped).
func pagesUnder(arg string, r *checkReport) []string {
	info, err := os.Stat(arg)
	if err != nil {
		r.add(checkedFile{Path: arg, Error: err.Error()})
		return nil
	}
	if !info.IsDir() {
		return []string{arg}
	}
	var paths []string
	err = filepath.WalkDir(arg, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			r.add(checkedFile{Path: path, Error: err.Error()})
			return nil
		case d.IsDir() && path != arg && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules"):
			return filepath.SkipDir
		case !d.IsDir() && isPage(path):
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		r.add(checkedFile{Path: arg, Error: err.Error()})
	}
	return paths
}

func isPage(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}

func checkFile(path, policy string) checkedFile {
	f := checkedFile{Path: path, Examples: []docs.Checked{}}
	file, err := os.Open(path)
	if err != nil {
		f.Error = err.Error()
		return f
	}
	defer file.Close()
	src, err := io.ReadAll(io.LimitReader(file, maxPage+1))
	switch {
	case err != nil:
		f.Error = err.Error()
	case len(src) > maxPage:
		f.Error = fmt.Sprintf("larger than %d MiB: not read", maxPage>>20)
	default:
		f.Examples = docs.CheckPage(path, src, policy)
	}
	return f
}

func (r *checkReport) add(f checkedFile) {
	if f.Examples == nil {
		f.Examples = []docs.Checked{}
	}
	r.Files = append(r.Files, f)
	s := &r.Summary
	s.Files++
	if f.Error != "" {
		s.Errors++
	}
	for _, c := range f.Examples {
		s.Examples++
		if c.Error != "" {
			s.Errors++
		}
		s.Documented += c.Documented
		s.Matching += c.Matching
		s.Differing += c.Differing
		s.Unchecked += c.Unchecked
		for _, n := range c.NotSimulated {
			if !contains(s.NotSimulated, n) {
				s.NotSimulated = append(s.NotSimulated, n)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}
