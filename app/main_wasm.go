//go:build wasm

package main

import (
	"io"

	"cvq-playground/wasm"
)

// The time the Go program starts, for the load measurements.
func init() { wasm.Mark("cvq-main") }

// runCommand is never reached in the browser: RunWhenOnBrowser does not
// return there.
func runCommand([]string, io.Reader, io.Writer, io.Writer) int { return 0 }
