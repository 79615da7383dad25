package site

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// stubPage stands for the program's pages: the site serves whatever
// routes the program registered.
type stubPage struct{ app.Compo }

func (*stubPage) Render() app.UI {
	return app.Div().Class("stub").Body(app.P().Body(app.Span().Text("C:"), app.Text(" a  b")))
}

var testConfig = Config{Embed: []string{"/embed", "/embed/", "/embed.html"}}

// exportStatic writes the static export, under /cvq/, of a site whose
// web/ holds app.css and the files given, and returns its directory.
func exportStatic(t *testing.T, web map[string]string) string {
	t.Helper()
	dir, out := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	os.WriteFile(filepath.Join(dir, "web", "app.css"), []byte("body{}"), 0o644)
	for name, text := range web {
		os.WriteFile(filepath.Join(dir, "web", name), []byte(text), 0o644)
	}
	c := testConfig
	c.Dir = dir
	if err := c.WriteStatic(out, "/cvq/"); err != nil {
		t.Fatal(err)
	}
	return out
}

func init() {
	app.Route("/", func() app.Composer { return &stubPage{} })
	for _, p := range testConfig.Embed {
		app.Route(p, func() app.Composer { return &stubPage{} })
	}
}

// startServer runs the server on a loopback port for a site in a
// temporary directory.
func startServer(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "web"), 0o755)
	os.WriteFile(filepath.Join(dir, "web", "app.css"), []byte("body{}"), 0o644)
	os.WriteFile(filepath.Join(dir, "web", "app.css.br"), []byte("not really brotli"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	c := testConfig
	c.Dir = dir
	srv := c.Server("127.0.0.1:0")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

func get(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestServerLimits(t *testing.T) {
	s := Config{Dir: t.TempDir()}.Server("x")
	if s.ReadHeaderTimeout == 0 || s.ReadTimeout == 0 || s.WriteTimeout == 0 || s.IdleTimeout == 0 || s.MaxHeaderBytes == 0 || s.MaxHeaderBytes > 64<<10 {
		t.Errorf("server limits: %+v", s)
	}
}

func TestSecurityHeaders(t *testing.T) {
	base := startServer(t)
	for _, path := range []string{"/", "/embed", "/embed.html", "/web/app.css"} {
		resp, body := get(t, base+path)
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" ||
			!strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval';") || !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: headers %v", path, h)
		}
		embed := strings.HasPrefix(path, "/embed")
		if embed != strings.Contains(csp, "frame-ancestors *") || embed == (h.Get("X-Frame-Options") == "DENY") {
			t.Errorf("%s: framing policy %q, X-Frame-Options %q", path, csp, h.Get("X-Frame-Options"))
		}
		if path != "/web/app.css" && !strings.Contains(body, `<span>C:</span> a  b`) {
			t.Errorf("%s: the page is not served compacted", path)
		}
		// The pages hold their sheets, go-app's then the site's, and allow
		// that style alone.
		if path != "/web/app.css" && (!strings.Contains(body, "goapp-spin-frames") || !strings.Contains(body, "body{}\n</style>") ||
			strings.Contains(body, `rel="stylesheet"`) || !strings.Contains(csp, "style-src 'self' 'sha256-")) {
			t.Errorf("%s: the style sheets are not in the page, or not allowed there (%q)", path, csp)
		}
	}
}

func TestPrecompressedAssets(t *testing.T) {
	base := startServer(t)
	resp, body := get(t, base+"/web/app.css", "Accept-Encoding", "gzip, br")
	if resp.Header.Get("Content-Encoding") != "br" || body != "not really brotli" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") {
		t.Errorf("br: encoding %q type %q body %q", resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Type"), body)
	}
	resp, body = get(t, base+"/web/app.css", "Accept-Encoding", "br;q=0, gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" || body == "not really brotli" {
		t.Errorf("no .gz beside the file: encoding %q body %q, want gzipped on the fly", resp.Header.Get("Content-Encoding"), body)
	}
	resp, body = get(t, base+"/web/app.css")
	if resp.Header.Get("Content-Encoding") != "" || body != "body{}" {
		t.Errorf("identity: encoding %q body %q", resp.Header.Get("Content-Encoding"), body)
	}
	resp, _ = get(t, base+"/web/app.css", "Accept-Encoding", "br;q=0")
	if resp.Header.Get("Content-Encoding") == "br" {
		t.Error("br sent though refused with q=0")
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("assets' Cache-Control %q, want no-cache (their names do not change between versions)", cc)
	}
}

// The site's service worker is go-app's: it caches the site when it
// installs and serves it from the cache.
func TestServiceWorker(t *testing.T) {
	base := startServer(t)
	_, js := get(t, base+"/app-worker.js")
	for _, want := range []string{"await installWorker();", `self.addEventListener("fetch"`} {
		if !strings.Contains(js, want) {
			t.Errorf("app-worker.js lacks %q", want)
		}
	}
	if strings.Count(js, `addEventListener("install"`) != 1 {
		t.Error("app-worker.js should have exactly one install handler")
	}
}

func TestBadRequests(t *testing.T) {
	base := startServer(t)
	addr := strings.TrimPrefix(base, "http://")
	raw := func(req string) string {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(5 * time.Second))
		fmt.Fprint(c, req)
		line, _ := bufio.NewReader(c).ReadString('\n')
		return line
	}
	for name, req := range map[string]string{
		"path escape":    "GET /web/../secret.txt HTTP/1.1\r\nHost: x\r\n\r\n",
		"encoded escape": "GET /web/%2e%2e/secret.txt HTTP/1.1\r\nHost: x\r\n\r\n",
		"bad escape":     "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
		"huge header":    "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 64<<10) + "\r\n\r\n",
		"not HTTP":       "\x00\x01\x02 hello\r\n\r\n",
		"unknown method": "BREW / HTTP/1.1\r\nHost: x\r\n\r\n",
		"long path":      "GET /" + strings.Repeat("a", 8000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
		"web directory":  "GET /web/ HTTP/1.1\r\nHost: x\r\n\r\n",
	} {
		status := raw(req)
		if status == "" {
			t.Errorf("%s: no answer (a crash?)", name)
			continue
		}
		if strings.Contains(name, "escape") || name == "web directory" {
			if strings.Contains(status, " 200 ") {
				t.Errorf("%s: %s", name, strings.TrimSpace(status))
			}
		}
		if name == "huge header" && !strings.Contains(status, " 431 ") {
			t.Errorf("huge header: %s, want 431", strings.TrimSpace(status))
		}
	}
	// The server still answers.
	if resp, _ := get(t, base+"/"); resp.StatusCode != 200 {
		t.Errorf("after bad requests: %d", resp.StatusCode)
	}
}

func TestCompactHTML(t *testing.T) {
	ui := app.Div().Class("a").Body(
		app.Span().Class("pfx").Text("C:"),
		app.Text(" "),
		app.Span().Class("cline").Body(
			app.Span().Text("CVQ"),
			app.Span().Class("gap").Text(" \t "),
			app.Span().Text("1"),
		),
		app.Div().Body(app.Span().Text("S:"), app.Text(" CVQ 1  5.0")),
		app.Br(),
		app.Textarea().Body(app.Text("line 1\n    indented\n\nlast")),
		app.P().Text("x > y"),
	)
	in := app.HTMLString(ui)
	if !strings.Contains(in, "\n") {
		t.Fatalf("the encoder no longer indents: %q", in)
	}
	want := `<div class="a"><span class="pfx">C:</span> <span class="cline"><span>CVQ</span><span class="gap"> ` + "\t" + ` </span><span>1</span></span><div><span>S:</span> CVQ 1  5.0</div><br><textarea>line 1
    indented

last</textarea><p>x &gt; y</p></div>`
	if got := string(compactHTML([]byte(in))); got != want {
		t.Errorf("compactHTML(%q)\n= %q\nwant %q", in, got, want)
	}
}
