//go:build !wasm

package main

import (
	"bytes"
	"compress/flate"
)

// deflate compresses data (RFC 1951) and calls done at once. In the
// browser, deflate_wasm.go uses the browser's compressor instead, which
// keeps Go's out of app.wasm; both write the same format.
func deflate(data []byte, done func([]byte, error)) {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(data)
	w.Close()
	done(buf.Bytes(), nil)
}
