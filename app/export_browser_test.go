//go:build browser

package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// ./build.sh static leaves a brotli and a gzip copy of every file of the
// site but the images, each the file itself once decompressed. (It runs
// with the browser tests, which build the site first.)
func TestStaticExportPrecompressed(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if msg, err := exec.Command("../build.sh", "static", out).CombinedOutput(); err != nil {
		t.Fatalf("./build.sh static: %v\n%s", err, msg)
	}
	checked := map[string]bool{}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") || strings.HasSuffix(p, ".png") {
			return err
		}
		want, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		gz, err := os.Open(p + ".gz")
		if err != nil {
			t.Errorf("%s: no .gz", p)
			return nil
		}
		defer gz.Close()
		zr, err := gzip.NewReader(gz)
		if err != nil {
			t.Errorf("%s.gz: %v", p, err)
			return nil
		}
		if got, err := io.ReadAll(zr); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s.gz is not the file (%v)", p, err)
		}
		if got, err := exec.Command("brotli", "-d", "-c", p+".br").Output(); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s.br is missing or not the file (%v)", p, err)
		}
		checked[filepath.Ext(p)] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, ext := range []string{".html", ".js", ".css", ".wasm", ".svg", ".webmanifest"} {
		if !checked[ext] {
			t.Errorf("no %s file in the export", ext)
		}
	}
}
