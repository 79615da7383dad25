//go:build wasm

package main

import "io"

// runCommand is never reached in the browser: RunWhenOnBrowser does not
// return there.
func runCommand([]string, io.Reader, io.Writer, io.Writer) int { return 0 }
