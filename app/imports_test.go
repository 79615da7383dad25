//go:build !wasm

package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// importRules are the walls between the project's packages: the engine
// knows no browser, page or network; the link format and the command line
// know no network, so that each stays usable where it is needed; the
// server, which net/http is for, is the native program's alone, as are
// probe and listen, which speak TCP; the build's module rewriter knows
// only bytes.
var importRules = []struct {
	dir    string   // a package folder, from the module root
	forbid []string // import paths, or prefixes ending in "/"
	why    string
}{
	{"protocol", []string{"syscall/js", "github.com/maxence-charriere/go-app/", "github.com/hack-pad/safejs", "net/http", "cvq-playground/app", "cvq-playground/wasm"}, "the engine is pure Go: no browser, no page, no network"},
	{"app/share", []string{"net/http", "syscall/js", "github.com/maxence-charriere/go-app/", "cvq-playground/app/site", "cvq-playground/app/cli", "cvq-playground/wasm"}, "the link format runs in the page and natively: no network, no platform"},
	{"app/cli", []string{"net/http", "syscall/js", "github.com/maxence-charriere/go-app/", "cvq-playground/app/site", "cvq-playground/wasm"}, "the command line is the engine's, not the site's"},
	{"app/site", []string{"syscall/js", "cvq-playground/wasm", "cvq-playground/app/cli"}, "the server is native: it gets the pages from the program"},
	{"app/wire", []string{"net/http", "syscall/js", "github.com/maxence-charriere/go-app/", "cvq-playground/"}, "line framing knows bytes only"},
	{"app/probe", []string{"net/http", "syscall/js", "github.com/maxence-charriere/go-app/", "cvq-playground/app/site", "cvq-playground/app/cli", "cvq-playground/app/docs", "cvq-playground/wasm"}, "probe is a native client on the engine: no page, no web server"},
	{"app/listen", []string{"net/http", "syscall/js", "github.com/maxence-charriere/go-app/", "cvq-playground/app/site", "cvq-playground/app/cli", "cvq-playground/app/docs", "cvq-playground/app/probe", "cvq-playground/wasm"}, "listen is a native server on the engine: no page, no web server"},
	{"wasm", []string{"github.com/maxence-charriere/go-app/", "cvq-playground/"}, "the bridge knows nothing of the page"},
	{"wasm/datapack", []string{"syscall/js", "github.com/maxence-charriere/go-app/", "github.com/hack-pad/safejs", "cvq-playground/app", "cvq-playground/protocol"}, "a build step reads bytes: no browser, no page"},
}

// TestImportRules reads the imports of every Go file (tests too, every
// build tag) of each package and fails on a forbidden one.
func TestImportRules(t *testing.T) {
	for _, rule := range importRules {
		files, err := filepath.Glob(filepath.Join("..", rule.dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", rule.dir, err)
		}
		for _, file := range files {
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				for _, bad := range rule.forbid {
					if path == bad || strings.HasPrefix(path, bad) && (strings.HasSuffix(bad, "/") || strings.HasPrefix(path, bad+"/")) {
						t.Errorf("%s imports %s: %s", file, path, rule.why)
					}
				}
			}
		}
	}
}

// nativeOnly are the packages only the native entry imports, so that
// app.wasm stays without them: the server and net/http, the command line,
// and probe and listen with their TCP.
var nativeOnly = map[string]bool{
	"cvq-playground/app/site": true, "cvq-playground/app/cli": true, "net/http": true,
	"cvq-playground/app/probe": true, "cvq-playground/app/listen": true, "cvq-playground/app/wire": true,
}

// Only the native entry imports the server: net/http stays out of
// app.wasm. Build tags are for the two entries alone.
func TestOnlyTheNativeEntryImportsTheSite(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		tagged := strings.HasPrefix(string(src), "//go:build")
		if tagged != (file == "main_native.go" || file == "main_wasm.go") {
			t.Errorf("%s: build tag %v; only main_native.go and main_wasm.go differ by platform", file, tagged)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if (nativeOnly[path] || path == "net") && file != "main_native.go" {
				t.Errorf("%s imports %s: only the native entry may", file, path)
			}
		}
	}
	for _, dir := range []string{"site", "share", "cli", "probe", "listen", "wire"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, file := range files {
			src, _ := os.ReadFile(file)
			if strings.HasPrefix(string(src), "//go:build") {
				t.Errorf("%s has a build tag: app/%s builds everywhere", file, dir)
			}
		}
	}
}
