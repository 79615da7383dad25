package docs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"cvq-playground/protocol"
	"golang.org/x/net/html"
)

// expectations reads testdata/wiki/expect.json: for each HTML page, every
// pre in document order, "-" or "CHECK POLICY".
func expectations(t *testing.T) map[string][]string {
	t.Helper()
	data, err := os.ReadFile("testdata/wiki/expect.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string][]string
	if err := json.Unmarshal(data, &want); err != nil {
		t.Fatal(err)
	}
	return want
}

// countPres counts the pre elements of a page as a browser parses it.
func countPres(t *testing.T, page []byte) int {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.ElementNode && x.Data == "pre" {
			n++
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return n
}

// Every pre of the test pages is found or left alone as expect.json says,
// and each example is answered with the policy and check it says.
func TestWikiPages(t *testing.T) {
	want := expectations(t)
	pages, _ := filepath.Glob("testdata/wiki/*.html")
	if len(pages) != len(want) {
		t.Errorf("%d HTML pages, expect.json lists %d", len(pages), len(want))
	}
	for _, path := range pages {
		name := filepath.Base(path)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got := make([]string, countPres(t, src))
		for i := range got {
			got[i] = "-"
		}
		found := findHTML(src, true).examples
		checked := CheckPage(path, src, "msnp-wiki")
		for i, ex := range found {
			if ex.Pre >= len(got) {
				t.Fatalf("%s: example %d is pre %d of %d", name, i, ex.Pre, len(got))
			}
			got[ex.Pre] = checked[i].Check.String() + " " + checked[i].Policy
		}
		if !reflect.DeepEqual(got, want[name]) {
			t.Errorf("%s:\n got %q\nwant %q", name, got, want[name])
		}
	}
}

// A Markdown page and the HTML built from it hold the same examples, with
// the same answers; only the line numbers differ.
func TestWikiMarkdownAsHTML(t *testing.T) {
	mds, _ := filepath.Glob("testdata/wiki/*.md")
	if len(mds) != 4 {
		t.Fatalf("%d Markdown pages, want 4", len(mds))
	}
	for _, md := range mds {
		htm := strings.TrimSuffix(md, ".md") + ".html"
		a, b := checkedFile(t, md), checkedFile(t, htm)
		if len(a) != len(b) {
			t.Errorf("%s: %d examples, %s %d", md, len(a), htm, len(b))
			continue
		}
		for i := range a {
			if x, y := noLines(a[i]), noLines(b[i]); !reflect.DeepEqual(x, y) {
				t.Errorf("%s example %d:\n%+v\n%s:\n%+v", md, i+1, x, htm, y)
			}
		}
	}
}

func checkedFile(t *testing.T, path string) []Checked {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return CheckPage(path, src, "msnp-wiki")
}

func noLines(c Checked) Checked {
	c.Line = 0
	c.Differences = append([]Difference(nil), c.Differences...)
	for i := range c.Differences {
		c.Differences[i].Line = 0
	}
	return c
}

// Each documented line that differs is reported on its own line of the
// file: after front matter, across ".. " continuations, with CR LF.
func TestCheckLineNumbers(t *testing.T) {
	page := "---\ntitle: x\n---\n\nProse.\n\n```\nC: CVQ 5 0x1111 winnt 5.1\n.. i386 MSNMSGR 6.0.0602 MSMSGS\nS: CVQ 5 7.0.0813\n.. 7.0.0813\nS: 710 5\n```\n\n" +
		"<!-- cvq policy: msn-2003-09 -->\n    C: VER 1 MSNP8 CVR0\n    S: VER 1 MSNP8\n    C: CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS\n    Server disconnects client.\n\n" +
		"<pre>\n&gt;&gt;&gt; VER 0 MSNP8 CVR0\n\n&gt;&gt;&gt; VER 1 MSNP8 &lt;&lt;&lt; VER 1 MSNP8\n</pre>\n"
	want := []int{10, 12, 19, 24}
	for _, eol := range []string{"\n", "\r\n"} {
		var got []int
		for _, c := range CheckPage("page.md", []byte(strings.ReplaceAll(page, "\n", eol)), "msnp-wiki") {
			for _, d := range c.Differences {
				got = append(got, d.Line)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("lines with %q: %v, want %v", eol, got, want)
		}
	}
	// The same example as HTML, highlighted: lines are the page's.
	htm := "<html>\n<body>\n<pre class=\"chroma\"><code><span class=\"line\"><span class=\"cl\">C: CVQ 5 0x1111 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS\n</span></span><span class=\"line\"><span class=\"cl\">S: 999 5</span></span></code></pre>\n" +
		"<pre><span class=\"token-line\">C:&nbsp;VER 1 MSNP8</span><br><span class=\"token-line\">S:&nbsp;VER 1 MSNP8</span><br></pre>\n<pre>\nC: VER 2 MSNP8 CVR0<br>\nS: VER 2 0\n</pre>"
	var got []int
	for _, c := range CheckPage("page.html", []byte(htm), "msnp-wiki") {
		for _, d := range c.Differences {
			got = append(got, d.Line)
		}
	}
	if want := []int{4, 5, 8}; !reflect.DeepEqual(got, want) {
		t.Errorf("HTML lines %v, want %v", got, want)
	}
}

// The text of a block is read as highlighters leave it.
func TestBlockText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<pre>\nA\nB</pre>", "A\nB"},
		{"<pre><code>\nA</code></pre>", "\nA"},
		{"<pre>A<br>B<br/>C&nbsp;D&#10;E</pre>", "A\nB\nC D\nE"},
		{`<pre><span class="line"><span class="ln">1</span><span class="cl">A` + "\n" + `</span></span><span class="line"><span class="ln">2</span>B</span></pre>`, "A\nB"},
		{`<pre><span class="line"><span>A</span></span>` + "\n" + `<span class="line"><span>B</span></span></pre>`, "A\nB"},
		{`<pre><span class="line">A</span><span class="line">B</span><span class="line"></span></pre>`, "A\nB"},
		{`<pre><span class="token-line">A<br></span><span class="token-line">B</span></pre>`, "A\nB"},
		{`<pre><span style="display: flex;"><span>A</span></span><span style="DISPLAY:flex"><span>B</span></span></pre>`, "A\nB"},
		{"<pre>A\r\nB\x00</pre>", "A\nB\uFFFD"},
		{`<pre data-cvq><b>A</b> <!-- c --><i>B</i></pre>`, "A B"},
	} {
		ex := findHTML([]byte(c.in), false).examples
		if !strings.Contains(c.in, "data-cvq") {
			ex = findHTML([]byte(strings.Replace(c.in, "<pre", "<pre data-cvq", 1)), false).examples
		}
		if len(ex) != 1 || ex[0].Text != c.want {
			t.Errorf("text of %q = %+v, want %q", c.in, ex, c.want)
		}
	}
}

// Hostile pages are answered or left alone within bounds, without error.
func TestDetectHostile(t *testing.T) {
	line := "C: CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n"
	for _, c := range []struct {
		name     string
		page     string
		examples int
	}{
		{"a pre of 1 MB", "<pre>" + line + strings.Repeat("x", 1<<20) + "</pre>", 0},
		{"a pre of 1 MB with no line break", "<pre>" + strings.Repeat("C: VER 1 ", 1<<17) + "</pre>", 0},
		{"a pre of 10,000 lines, a transcript", "<pre>" + strings.Repeat("C: VER 1 MSNP8\n", 10000)[:60000] + "</pre>", 1},
		{"a pre of 10,000 lines, the client line last", "<pre>" + strings.Repeat("\n", 10000) + line + "</pre>", 0},
		{"control bytes", "<pre>\x00\x01\x1b[31m\n" + line + "\x7f\xff\xfe</pre>", 1},
		{"only looks like one", "<pre>C: VER x\nC:VER 1\nS: VER 1 MSNP8\nc: VER 1</pre>", 0},
		{"500 pre blocks", strings.Repeat("<pre>prose</pre>\n", 480) + strings.Repeat("<pre>"+line+"</pre>\n", 20), 20},
		{"a marked pre of 1 MB", "<pre data-cvq>" + strings.Repeat(line, (1<<20)/len(line)) + "</pre>", 1},
		{"unclosed", "<div class=highlight><pre>" + line, 1},
	} {
		found := findHTML([]byte(c.page), true).examples
		if len(found) != c.examples {
			t.Errorf("%s: %d examples, want %d", c.name, len(found), c.examples)
		}
		if got := CheckPage("page.html", []byte(c.page), "msnp-wiki"); len(got) != c.examples {
			t.Errorf("%s: check found %d examples, want %d", c.name, len(got), c.examples)
		}
		out := renderPage([]byte(c.page), RenderOptions{Policy: "msnp-wiki", Detect: true})
		if got := len(viewRE.FindAll(out, -1)); got != c.examples {
			t.Errorf("%s: %d views, want %d", c.name, got, c.examples)
		}
		if stripped := viewRE.ReplaceAll(out, nil); !bytes.Equal(stripped, []byte(c.page)) {
			t.Errorf("%s: the page outside the views changed", c.name)
		}
	}
}

// render -detect over the test pages: goldens, and the same promises as
// render: nothing changed outside the views, rendering twice changes
// nothing, the views where they belong.
func TestRenderDetectGolden(t *testing.T) {
	pages, _ := filepath.Glob("testdata/wiki/*.html")
	for _, in := range pages {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		o := RenderOptions{Policy: "msnp-wiki", BaseURL: "https://cvq.example/", Detect: true}
		got := renderPage(src, o)
		golden := filepath.Join("testdata/detect", filepath.Base(in))
		if *update {
			os.MkdirAll("testdata/detect", 0o755)
			os.WriteFile(golden, got, 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: render -detect differs from %s (go test ./app/docs -update rewrites it)", in, golden)
		}
		if stripped := viewRE.ReplaceAll(got, nil); !bytes.Equal(stripped, src) {
			t.Errorf("%s: the page outside the views changed", in)
		}
		if again := renderPage(got, o); !bytes.Equal(again, got) {
			t.Errorf("%s: rendering the rendered page changes it", in)
		}
		// check reads a rendered page as the page it was.
		a, b := CheckPage(in, src, "msnp-wiki"), CheckPage(in, got, "msnp-wiki")
		for i := range a[:min(len(a), len(b))] {
			a[i], b[i] = noLines(a[i]), noLines(b[i])
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: check reads the rendered page otherwise", in)
		}
		views := len(viewRE.FindAll(got, -1))
		if n := examplesIn(expectations(t)[filepath.Base(in)]); views != n {
			t.Errorf("%s: %d views, expect.json has %d examples", in, views, n)
		}
		checkHTML(t, in, got, views)
	}
}

func examplesIn(list []string) int {
	n := 0
	for _, e := range list {
		if e != "-" {
			n++
		}
	}
	return n
}

func FuzzCheck(f *testing.F) {
	for _, glob := range []string{"testdata/wiki/*.md", "testdata/wiki/*.html"} {
		files, _ := filepath.Glob(glob)
		for _, file := range files {
			src, _ := os.ReadFile(file)
			f.Add(filepath.Ext(file), src)
		}
	}
	f.Add(".md", []byte("```\nC: VER 1 MSNP8\n"))
	f.Fuzz(func(t *testing.T, ext string, src []byte) {
		for _, c := range CheckPage("page"+ext, src, "msnp-wiki") {
			if c.Differing+c.Matching+c.Unchecked != c.Documented || c.Differing != len(c.Differences) {
				t.Errorf("counts %+v", c)
			}
			for _, d := range c.Differences {
				if d.Line < 1 || d.Line > bytes.Count(src, []byte{'\n'})+1 {
					t.Errorf("line %d outside the page", d.Line)
				}
			}
		}
		out := renderPage(src, RenderOptions{Detect: true})
		if !bytes.Contains(src, []byte("data-cvq-rendered")) {
			if stripped := viewRE.ReplaceAll(out, nil); !bytes.Equal(stripped, src) {
				t.Errorf("the page outside the views changed:\n%q", src)
			}
		}
	})
}

// The page's embed.js script tag names the default policy, for render and
// check as for the live view; an example's own options still win.
func TestPageDefaultPolicy(t *testing.T) {
	body := "<pre>C: VER 1 MSNP8 CVR0\nS: VER 1 MSNP8</pre><pre data-policy=\"msnp-wiki\">C: VER 2 MSNP8 CVR0\nS: VER 2 CVR0</pre>"
	for _, c := range []struct {
		head string
		want []string
	}{
		{`<script src="/web/embed.js" data-cvq-detect data-policy="msn-2003-09" defer></script>`, []string{"match msn-2003-09", "match msnp-wiki"}},
		{`<script src="https://cvq.example/web/embed.js?detect&amp;policy=msn%2D2006-03#x"></script>`, []string{"match msn-2006-03", "match msnp-wiki"}},
		{`<script src="/other.js" data-policy="msn-2003-09"></script>`, []string{"differ msnp-wiki", "match msnp-wiki"}},
		{``, []string{"differ msnp-wiki", "match msnp-wiki"}},
	} {
		var got []string
		for _, e := range CheckPage("page.html", []byte(c.head+body), "msnp-wiki") {
			got = append(got, e.Check.String()+" "+e.Policy)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("with %s: %q, want %q", c.head, got, c.want)
		}
		out := renderPage([]byte(c.head+body), RenderOptions{Policy: "msnp-wiki", Detect: true})
		if want := "policy " + strings.Fields(c.want[0])[1]; !bytes.Contains(out, []byte(want)) {
			t.Errorf("render with %s: no %q", c.head, want)
		}
	}
}

// Markdown's raw HTML counts, its code spans do not.
func TestMarkdownRawHTML(t *testing.T) {
	page := "Mark an example with `<pre data-cvq>` or ``<pre>C: VER 1 MSNP8 CVR0``.\n\n<pre data-policy=\"msn-2003-09\">\nC: VER 1 MSNP8 CVR0\nS: VER 1 MSNP8\n</pre>\n\n```go\nfmt.Println(\"<pre data-cvq>CVQ 6</pre>\")\n```\n"
	got := CheckPage("page.md", []byte(page), "msnp-wiki")
	if len(got) != 1 || got[0].Line != 4 || got[0].Check != CheckMatch || got[0].Policy != "msn-2003-09" {
		t.Errorf("CheckPage = %+v", got)
	}
}

// MediaWiki's VER page lists separate negotiations in one block: each VER
// opens a connection of its own, and each documented line is judged alone.
func TestSeparateNegotiationsInOneBlock(t *testing.T) {
	page := `<div class="mw-parser-output"><pre data-policy="msn-2006-12">&gt;&gt;&gt; VER 0 MSNP8 CVR0
&lt;&lt;&lt; VER 0 MSNP8 CVR0
&gt;&gt;&gt; VER 0 MSNP8 MYPROTOCOL CVR0
&lt;&lt;&lt; VER 0 CVR0 MSNP8
&gt;&gt;&gt; VER 0 MYPROTOCOL
&lt;&lt;&lt; VER 0 0
--- Server closes connection
&gt;&gt;&gt; VER MSNP8 CVR0
--- Server closes connection (no trid)
</pre></div>`
	got := CheckPage("ver.html", []byte(page), "msnp-wiki")
	if len(got) != 1 {
		t.Fatalf("%d examples", len(got))
	}
	c := got[0]
	if c.Documented != 5 || c.Matching != 4 || c.Differing != 1 || c.Differences[0].Line != 4 || c.Differences[0].Computed != "VER 0 MSNP8 CVR0" {
		t.Errorf("check = %+v", c)
	}
}

// The view answers such a block as check reads it: a connection per VER.
func TestAnswerSeparateNegotiations(t *testing.T) {
	res := Answer(Request{Policy: "msn-2006-12", Input: ">>> VER 0 MSNP8 CVR0 <<< VER 0 MSNP8 CVR0\n>>> VER 1 MYPROTOCOL <<< VER 1 0\n>>> VER 2 MSNP9 CVR0\n"})
	var conns []int
	for _, r := range res.Rows {
		conns = append(conns, r.Conn)
		if r.Conn > 1 && !r.NewConn {
			t.Errorf("row %+v opens connection %d without saying so", r, r.Conn)
		}
	}
	if !reflect.DeepEqual(conns, []int{1, 2, 3}) || res.Rows[2].Reply != "VER 2 MSNP9 CVR0" {
		t.Errorf("rows %+v", res.Rows)
	}
	// Written bare (the demo page's "VER twice"), the second VER is refused.
	res = Answer(Request{Policy: "msn-2006-03", Input: "VER 1 MSNP11 CVR0\nVER 2 MSNP11 CVR0"})
	if len(res.Rows) != 2 || res.Rows[1].Conn != 1 || !res.Rows[1].Close || res.Rows[1].Reply != "" {
		t.Errorf("VER twice: rows %+v", res.Rows)
	}
}

// The playground's link reads an example as the view does: PlaygroundText
// gives protocol.ReadTranscript the entries ReadExample reads, on the lines
// it maps them to.
func TestPlaygroundText(t *testing.T) {
	inputs := []string{
		">>> VER 0 MSNP8 CVR0 <<< VER 0 MSNP8 CVR0\n>>> VER 0 MYPROTOCOL <<< VER 0 0 --- Server closes connection\n>>> VER MSNP8 CVR0 --- Server closes connection (no trid)\n",
		">>> VER 0 MYPROTOCOL\n<<< VER 0 0\n--- Server closes connection\n--- a remark\n>>> VER 1 MSNP8\n",
		"C: VER 1 DISREGARDANCE\nS: VER 1 0\nServer closes connection.\n",
		">>> VER 1 MSNP2 CVR0\r\n<<< VER 1 CVR0 --- then CVQ\r\n>>> CVQ 2 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\r\n",
		"C: VER 1 MSNP8 CVR0\nS: VER 1 CVR0\n",
	}
	pages, _ := filepath.Glob("testdata/wiki/*.html")
	for _, p := range pages {
		src, _ := os.ReadFile(p)
		for _, ex := range findHTML(src, true).examples {
			_, input := SplitOptions(ex.Text, ex.Opts)
			inputs = append(inputs, input)
		}
	}
	for _, in := range inputs {
		out, line := PlaygroundText(in)
		var want, got []string
		for _, e := range ReadExample(in).Entries {
			if !protocol.IsBlank(e.Client) {
				want = append(want, fmt.Sprintf("%d %q %q close=%v hangup=%v", line(e.Line), e.Client, e.Expect, e.ExpectClose, e.Hangup))
			}
		}
		for _, e := range protocol.ReadTranscript(out).Entries {
			if !protocol.IsBlank(e.Client) {
				got = append(got, fmt.Sprintf("%d %q %q close=%v hangup=%v", e.Line, e.Client, e.Expect, e.ExpectClose, e.Hangup))
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("PlaygroundText(%q) = %q, read as\n%s\nwant\n%s", in, out, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
