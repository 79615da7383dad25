package share

import (
	"bytes"
	"compress/flate"
)

// A Deflater compresses data (raw deflate, RFC 1951) and calls done with
// the result, at once or later.
type Deflater func(data []byte, done func([]byte, error))

// Deflate is Go's compressor as a Deflater: it answers at once. The page
// passes the browser's instead (wasm.DeflateRaw), so that Go's compressor
// stays out of app.wasm; both write the same format.
func Deflate(data []byte, done func([]byte, error)) {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(data)
	w.Close()
	done(buf.Bytes(), nil)
}
