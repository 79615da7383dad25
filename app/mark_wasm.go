//go:build wasm

package main

import "cvq-playground/wasm"

// The time the Go program starts, for the load measurements.
func init() { wasm.Mark("cvq-main") }
