package listen

import (
	"bytes"
	"compress/flate"
	"sync"

	"cvq-playground/app/share"
)

// link returns the playground's share link that opens a session's
// transcript.
func (s *Server) link(text string) string {
	frag := ""
	share.Encode(share.State{Policy: s.Policy.Name, Input: text}, pooledDeflate, func(f string) { frag = f })
	return s.BaseURL + "#" + frag
}

// deflaters keeps compressors for the links: a new one at the best level
// allocates about a megabyte, which would cost more than the session.
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestCompression)
	return w
}}

// pooledDeflate is share.Deflate with a reused compressor: the same
// format and level, so the same links.
func pooledDeflate(data []byte, done func([]byte, error)) {
	var buf bytes.Buffer
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&buf)
	w.Write(data)
	w.Close()
	deflaters.Put(w)
	done(buf.Bytes(), nil)
}
