package docs

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/render")

// The pages of testdata/render: *.in.html is a page as a documentation
// build writes it (Hugo, MkDocs/Docusaurus fences, hand-written <pre
// data-cvq>, and markup that only looks like examples), *.out.html what
// render makes of it.
func TestRenderGolden(t *testing.T) {
	ins, _ := filepath.Glob("testdata/render/*.in.html")
	if len(ins) == 0 {
		t.Fatal("no testdata")
	}
	for _, in := range ins {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		got := render(t, src)
		golden := strings.TrimSuffix(in, ".in.html") + ".out.html"
		if *update {
			os.WriteFile(golden, got, 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: render differs from %s (go test ./app/docs -update rewrites it)", in, golden)
		}
		checkRendered(t, in, src, got)
	}
}

func render(t *testing.T, src []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := Render(&out, bytes.NewReader(src), RenderOptions{Policy: "msnp-wiki", BaseURL: "https://cvq.example/"}); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

var viewRE = regexp.MustCompile(`(?s)<div class="cvq-example" data-cvq-rendered[^>]*><template shadowrootmode="open">.*?</template></div>`)

// checkRendered holds render's promises on one page: the page is the
// input byte for byte once the views are taken out; rendering again
// changes nothing; and the HTML parses into the intended structure (each
// view right after its example, with its answer in a declarative shadow
// root, a labelled group, no element made from example text).
func checkRendered(t *testing.T, name string, src, out []byte) {
	t.Helper()
	if stripped := viewRE.ReplaceAll(out, nil); !bytes.Equal(stripped, src) {
		t.Errorf("%s: the page outside the views changed", name)
	}
	if again := render(t, out); !bytes.Equal(again, out) {
		t.Errorf("%s: rendering the rendered page changes it", name)
	}
	checkHTML(t, name, out, len(viewRE.FindAll(out, -1)))
}

// checkHTML parses page as a browser does and checks the views' structure.
func checkHTML(t *testing.T, name string, page []byte, views int) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	found := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "div" && attr(n, "data-cvq-rendered") != nil {
			found++
			checkView(t, name, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if found != views {
		t.Errorf("%s: %d views in the parsed page, %d written", name, found, views)
	}
}

func checkView(t *testing.T, name string, n *html.Node) {
	prev := n.PrevSibling
	for prev != nil && prev.Type != html.ElementNode {
		prev = prev.PrevSibling
	}
	if prev == nil || !(prev.Data == "pre" || prev.Data == "div" && hasClass(attrVal(prev, "class"), "highlight")) {
		t.Errorf("%s: a view does not follow its example (after %v)", name, prev)
	}
	tpl := n.FirstChild
	if tpl == nil || tpl.Data != "template" || attrVal(tpl, "shadowrootmode") != "open" || tpl.NextSibling != nil {
		t.Errorf("%s: a view is not one declarative shadow root", name)
		return
	}
	// The parser puts a template's content under it.
	var group *html.Node
	var elems []string
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		if m.Type == html.ElementNode {
			elems = append(elems, m.Data)
			if attrVal(m, "role") == "group" && group == nil {
				group = m
			}
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for c := tpl.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	if group == nil || !strings.HasPrefix(attrVal(group, "aria-label"), "CVQ example ") {
		t.Errorf("%s: a view without its labelled group", name)
	}
	for _, e := range elems {
		switch e {
		case "style", "div", "span", "ol", "li", "p", "a", "table", "tbody", "tr", "th", "td", "code":
		default:
			t.Errorf("%s: a view holds a <%s>", name, e)
		}
	}
}

func attr(n *html.Node, key string) *html.Attribute {
	for i := range n.Attr {
		if n.Attr[i].Key == key {
			return &n.Attr[i]
		}
	}
	return nil
}

func attrVal(n *html.Node, key string) string {
	if a := attr(n, key); a != nil {
		return a.Val
	}
	return ""
}

func TestRenderLeavesOtherPagesAlone(t *testing.T) {
	for _, page := range []string{
		"", "plain text", "<p>unclosed <b>tags", "<pre>CVQ 1</pre><pre><code>CVQ 1</code></pre>",
		"<!-- <pre data-cvq>x</pre> -->", "<script>'<pre data-cvq>'</script>", "<pre data-cvq", "\x00\xff<\x01",
	} {
		if got := render(t, []byte(page)); string(got) != page {
			t.Errorf("Render(%q) = %q, want it unchanged", page, got)
		}
	}
}

func FuzzRender(f *testing.F) {
	ins, _ := filepath.Glob("testdata/render/*.in.html")
	for _, in := range ins {
		src, _ := os.ReadFile(in)
		f.Add(src)
	}
	f.Add([]byte(`<div class="highlight"><div class="highlight"><pre data-cvq>CVQ 1</pre></div></div>`))
	f.Fuzz(func(t *testing.T, src []byte) {
		var out bytes.Buffer
		if err := Render(&out, bytes.NewReader(src), RenderOptions{}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(src, []byte("data-cvq-rendered")) {
			if stripped := viewRE.ReplaceAll(out.Bytes(), nil); !bytes.Equal(stripped, src) {
				t.Errorf("the page outside the views changed:\n%q\n%q", src, out.Bytes())
			}
		}
	})
}
