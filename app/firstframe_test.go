//go:build !wasm

package main

import (
	"strings"
	"testing"
)

// The pages hold their first frame until the hint under the editor is
// parsed: the first frame the browser draws shows the editor, and the
// block ends there, not at the end of the document.
func TestFirstFrameWaitsForTheEditor(t *testing.T) {
	base := startServer(t)
	for _, path := range append([]string{"/"}, embedPaths[0]) {
		_, page := get(t, base+path)
		head, body, ok := strings.Cut(page, "<body")
		if !ok {
			t.Fatalf("%s: no body", path)
		}
		if !strings.Contains(head, `<link rel="expect" href="#`+editorHelpID+`" blocking="render">`) {
			t.Errorf("%s: the head does not hold rendering until #%s is parsed", path, editorHelpID)
		}
		editor, help := strings.Index(body, `id="editor"`), strings.Index(body, `id="`+editorHelpID+`"`)
		if editor < 0 || help < editor || help > editor+4096 {
			t.Errorf("%s: #%s at %d, not right after the editor (at %d) in a body of %d bytes", path, editorHelpID, help, editor, len(body))
		}
	}
}
