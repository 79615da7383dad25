//go:build wasm

package main

import (
	"io"
	"time"

	"cvq-playground/wasm"
)

// The time the Go program starts, for the load measurements. Then, before
// go-app replaces the prerendered page, the browser records its paint, so
// that the largest paint is the prerendered page's (see AwaitPaintRecorded;
// under load, Chromium can take several hundred milliseconds to present
// the first frame, hence up to a second).
func init() {
	wasm.Mark("cvq-main")
	wasm.AwaitPaintRecorded(time.Second)
	wasm.Mark("cvq-painted")
}

// runCommand is never reached in the browser: RunWhenOnBrowser does not
// return there.
func runCommand([]string, io.Reader, io.Writer, io.Writer) int { return 0 }
