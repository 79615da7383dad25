//go:build browser && bench

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// benchRows are one part's rows of the table ./build.sh bench prints, one
// Markdown row per measure: | measure | median | spread (min–max) | aim |.
// build.sh prints every part's rows under one header (the machine, the
// command); each part writes its own file, build/bench/<part>.rows.
type benchRows struct{ b strings.Builder }

// add is a row of the median and the range of xs, each written with
// format (such as "%.0f ms" or "%.2f×").
func (r *benchRows) add(measure string, xs []float64, format, aim string) {
	if len(xs) == 0 {
		r.one(measure, "(no runs)", aim)
		return
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	num, unit := splitFormat(format)
	fmt.Fprintf(&r.b, "| %s | %s | %s–%s | %s |\n", measure, fmt.Sprintf(format, med), fmt.Sprintf(num, s[0]), fmt.Sprintf(num, s[len(s)-1])+unit, aim)
}

// splitFormat splits a format such as "%.0f ms" into its verb and the
// unit after it, so that a range names its unit once: "502–910 ms".
func splitFormat(format string) (num, unit string) {
	i := strings.IndexAny(format, "fgdv") + 1
	return format[:i], format[i:]
}

// one is a row of a single figure, which has no spread.
func (r *benchRows) one(measure, value, aim string) {
	fmt.Fprintf(&r.b, "| %s | %s | – | %s |\n", measure, value, aim)
}

// write writes the rows to ../build/bench/<part>.rows.
func (r *benchRows) write(t *testing.T, part string) {
	t.Helper()
	dir := filepath.Join("..", "build", "bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, part+".rows"), []byte(r.b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	fmt.Print(r.b.String())
}
