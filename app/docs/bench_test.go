package docs

import (
	"strings"
	"testing"
)

// hostPage is a page of 500 pre blocks, 20 of them transcripts, as the
// browser's detection bench has it.
func hostPage() []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><body><main>\n")
	for i := 0; i < 500; i++ {
		b.WriteString("<h2>Section</h2><p>Some prose about the protocol.</p>\n")
		if i%25 == 0 {
			b.WriteString("<pre><code>C: VER 1 MSNP8 CVR0\nS: VER 1 CVR0\nC: CVQ 2 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n</code></pre>\n")
		} else {
			b.WriteString("<div class=\"highlight\"><pre class=\"chroma\"><code class=\"language-text\"><span class=\"line\"><span class=\"cl\">USR 6 TWN I example@passport.com\n</span></span><span class=\"line\"><span class=\"cl\">CVQ TrID locale system-type\n</span></span></code></pre></div>\n")
		}
	}
	b.WriteString("</main></body></html>\n")
	return []byte(b.String())
}

// BenchmarkFindDetect finds the 20 transcripts among 500 blocks, as render
// -detect and check do before answering.
func BenchmarkFindDetect(b *testing.B) {
	page := hostPage()
	b.SetBytes(int64(len(page)))
	for i := 0; i < b.N; i++ {
		if n := len(findHTML(page, true).examples); n != 20 {
			b.Fatalf("%d examples", n)
		}
	}
}

// BenchmarkRenderDetect is render -detect over that page: finding and
// answering the 20 examples, and writing their views.
func BenchmarkRenderDetect(b *testing.B) {
	page := hostPage()
	b.SetBytes(int64(len(page)))
	for i := 0; i < b.N; i++ {
		renderPage(page, RenderOptions{Policy: "msnp-wiki", Detect: true})
	}
}
