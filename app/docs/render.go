package docs

import (
	"bytes"
	"io"
	"strings"
)

// RenderOptions are the render command's settings: the preset for
// examples that name none (unless the page's embed.js script tag names
// one, with data-policy or ?policy=), the playground's address for the links (none
// if empty), and whether to detect examples that are not marked.
type RenderOptions struct {
	Policy  string
	BaseURL string
	Detect  bool
}

// Render copies the HTML page in src to dst with every CVQ example —
// <pre data-cvq> or <pre class="language-cvq">, or <pre><code class="language-cvq"> (also with
// data-lang="cvq", and inside Hugo's <div class="highlight">), and with
// Detect the examples detect.go's rules find — followed by its static view.
// Everything else is copied byte for byte; the views an earlier run added
// are replaced, so rendering twice changes nothing.
func Render(dst io.Writer, src io.Reader, o RenderOptions) error {
	in, err := io.ReadAll(src)
	if err != nil {
		return err
	}
	_, err = dst.Write(renderPage(in, o))
	return err
}

// renderPage is in with the views of its examples in place of earlier ones.
func renderPage(in []byte, o RenderOptions) []byte {
	p := findHTML(in, o.Detect)
	if p.policy != "" {
		o.Policy = p.policy // the page's own default, as embed.js reads it
	}
	var out bytes.Buffer
	out.Grow(len(in) + len(in)/2)
	pos, v := 0, 0
	for i := range p.examples {
		ex := &p.examples[i]
		for v < len(p.views) && p.views[v][0] < ex.At {
			out.Write(in[pos:p.views[v][0]])
			pos = p.views[v][1]
			v++
		}
		out.Write(in[pos:ex.At])
		pos = ex.At
		writeFound(&out, ex, i+1, o)
	}
	for ; v < len(p.views); v++ {
		out.Write(in[pos:p.views[v][0]])
		pos = p.views[v][1]
	}
	out.Write(in[pos:])
	return out.Bytes()
}

// writeFound writes the static view of example n.
func writeFound(out *bytes.Buffer, ex *Found, n int, o RenderOptions) {
	opts, input := SplitOptions(ex.Text, ex.Opts)
	if opts.Policy == "" {
		opts.Policy = o.Policy
	}
	res := Answer(Request{Policy: opts.Policy, Input: input, Sel: opts.Sel})
	// The link carries the lines as the playground reads them.
	link, line := PlaygroundText(input)
	vo := opts
	if vo.Sel > 0 {
		vo.Sel = line(vo.Sel)
	}
	var b strings.Builder
	WriteStatic(&b, &res, View{N: n, Opts: vo, Input: link, BaseURL: o.BaseURL})
	out.WriteString(b.String())
}

func hasClass(list, c string) bool {
	for _, f := range strings.Fields(list) {
		if f == c {
			return true
		}
	}
	return false
}

func atoiPositive(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > 1e6 {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
