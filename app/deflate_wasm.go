//go:build wasm

package main

import "cvq-playground/wasm"

// deflate compresses data with the browser's CompressionStream.
func deflate(data []byte, done func([]byte, error)) { wasm.DeflateRaw(data, done) }
