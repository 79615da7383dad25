//go:build browser

package main

// End-to-end tests in headless Chromium: ./build.sh test runs them with
// -tags browser, after installing Debian's chromium if it is missing.
// Screenshots are written to build/screenshots for a person to look at.

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var (
	baseURL   string
	otherURL  string // a second origin, for messages from elsewhere
	siteDir   string
	allocCtx  context.Context
	browser   context.Context // one browser; each test opens its own tabs
	shotsDir  = filepath.Join("..", "build", "screenshots")
	wikiLines = strings.Split(strings.TrimSpace(wikiExamples), "\n")
)

func TestMain(m *testing.M) {
	os.Exit(runBrowserTests(m))
}

func runBrowserTests(m *testing.M) int {
	dir, err := buildSite()
	if err != nil {
		fmt.Fprintln(os.Stderr, "building the page:", err)
		return 1
	}
	routes()
	siteDir = dir
	srv := httptest.NewServer(siteHandler(dir))
	defer srv.Close()
	baseURL = srv.URL
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A page of another site that tries to resize the frames of the page
		// that frames it.
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<script>parent.postMessage({type: "cvq-playground:height", height: 3999}, "*")</script>`)
	}))
	defer other.Close()
	otherURL = other.URL
	if err := os.MkdirAll(shotsDir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	chromium := os.Getenv("CVQ_CHROMIUM")
	if chromium == "" {
		if chromium, err = exec.LookPath("chromium"); err != nil {
			fmt.Fprintln(os.Stderr, "chromium is missing: run ./build.sh test, which installs it")
			return 1
		}
	}
	profile, _ := os.MkdirTemp("", "cvq-chromium-")
	defer os.RemoveAll(profile)
	var cancel context.CancelFunc
	allocCtx, cancel = chromedp.NewExecAllocator(context.Background(),
		append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(chromium), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(profile),
			chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
			chromedp.WindowSize(1400, 1000))...)
	defer cancel()
	var cancelBrowser context.CancelFunc
	browser, cancelBrowser = chromedp.NewContext(allocCtx)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		fmt.Fprintln(os.Stderr, "starting chromium:", err)
		return 1
	}
	return m.Run()
}

// buildSite builds the page as ./build.sh serves it, in ../build.
func buildSite() (string, error) {
	cmd := exec.Command("../build.sh", "build")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("%v\n%s", err, out)
	}
	return filepath.Abs("../build")
}

// newTab opens a fresh tab and loads the playground until the WebAssembly
// runs (#wasm-ready is rendered only in the browser).
func newTab(t *testing.T, path string) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	ctx, cancelT := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(cancelT)
	firstVisit(t, ctx, baseURL+path)
	return ctx
}

// firstVisit loads url with an empty local storage, as a first visit does
// (cleared from another page of the site, so that the page under test
// loads once, with its link intact), and waits for the WebAssembly.
func firstVisit(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/web/icon.svg"), chromedp.Evaluate[chromedp.Void]("localStorage.clear()"),
		chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// openPolicyEditor opens the Policy tab and waits for its editor.
func openPolicyEditor(t *testing.T, ctx context.Context) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#tab-policy"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the policy editor", `document.querySelector("#policy-json") !== null`)
}

// waitFor polls a JavaScript condition until it is true.
func waitFor(t *testing.T, ctx context.Context, what, js string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("waiting until %s (%s): %v", what, js, err)
	}
}

// typeInto replaces the editor's content by typing text key by key.
func typeInto(t *testing.T, ctx context.Context, sel, text string) {
	t.Helper()
	eval[bool](t, ctx, fmt.Sprintf(`(e => { e.focus(); e.select(); return true })(document.querySelector(%q))`, sel))
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(sel), text)); err != nil {
		t.Fatal(err)
	}
}

func serverLines(t *testing.T, ctx context.Context) []string {
	return eval[[]string](t, ctx, `[...document.querySelectorAll("#transcript .server > div")].map(d => d.textContent)`)
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(shotsDir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// vectorReplies returns the server lines of the public vectors P01–P06,
// the wiki's six examples, from the project's copy of the specification.
func vectorReplies(t *testing.T) [][]string {
	data, err := os.ReadFile("../protocol/testdata/vectors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 4 || !strings.HasPrefix(f[0], "P0") || f[0] > "P06" {
			continue
		}
		out = append(out, strings.Split(f[3], `\n`)[1:])
	}
	if len(out) != 6 {
		t.Fatalf("found %d of the six wiki vectors", len(out))
	}
	return out
}

func TestWikiExamplesTyped(t *testing.T) {
	ctx := newTab(t, "/")
	want := vectorReplies(t)
	for i, line := range wikiLines {
		typeInto(t, ctx, "#editor", line)
		waitFor(t, ctx, "the transcript shows the typed line",
			fmt.Sprintf(`document.querySelectorAll("#transcript .exchange").length === 1 && document.querySelector("#transcript .cline").textContent === %q`, line))
		got := serverLines(t, ctx)
		// The page adds the reason of a refusal in plain words; the wire
		// lines and the disconnect are exactly the vector's.
		var wire []string
		for _, g := range got {
			if strings.HasPrefix(g, "S: ") || g == "Server disconnects client." {
				wire = append(wire, g)
			}
		}
		if strings.Join(wire, "\n") != strings.Join(want[i], "\n") {
			t.Errorf("example %d %q:\ngot  %q\nwant %q", i+1, line, wire, want[i])
		}
	}
	// An error is shown on its token with the reason.
	typeInto(t, ctx, "#editor", wikiLines[4])
	waitFor(t, ctx, "the 710 is explained", `document.querySelector("#transcript .why")?.textContent.includes("0x1111")`)
	if bad := eval[string](t, ctx, `document.querySelector("#transcript .tok.bad")?.textContent ?? ""`); bad != "0x1111" {
		t.Errorf("offending token = %q, want 0x1111", bad)
	}
}

func TestHoverLinksTokenAndRow(t *testing.T) {
	ctx := newTab(t, "/")
	waitFor(t, ctx, "the explanation shows", `document.querySelector('#request-fields tr[data-t="q2"]') !== null`)
	box := eval[[]float64](t, ctx, `(e => { e.scrollIntoView({block: "center"}); const r = e.getBoundingClientRect(); return [r.x + r.width/2, r.y + r.height/2] })(document.querySelector('.strip .chip[data-t="q2"]'))`)
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0], box[1])); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the locale row is highlighted", `getComputedStyle(document.querySelector('#request-fields tr[data-t="q2"]')).outlineStyle === "solid"`)
	if other := eval[string](t, ctx, `getComputedStyle(document.querySelector('#request-fields tr[data-t="q3"]')).outlineStyle`); other == "solid" {
		t.Error("a row of another field is highlighted too")
	}
	// And the other way round: focusing a row highlights its token.
	eval[bool](t, ctx, `(document.querySelector('#request-fields tr[data-t="q6"]').focus(), true)`)
	waitFor(t, ctx, "the library chip is highlighted", `getComputedStyle(document.querySelector('.strip .chip[data-t="q6"]')).outlineStyle === "solid"`)
}

func TestPresetSwitchChangesAnswer(t *testing.T) {
	ctx := newTab(t, "/")
	waitFor(t, ctx, "the default answers", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVQ 2 7.0.0813"))`)
	eval[bool](t, ctx, `(s => { s.value = "msn-2003-09"; s.dispatchEvent(new Event("change", {bubbles: true})); return true })(document.querySelector("#preset"))`)
	waitFor(t, ctx, "the 2003 answer", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVQ 2 6.0.0602 6.0.0602 1.0.0000"))`)
	if d := eval[string](t, ctx, `document.querySelector("#policy-description").textContent`); !strings.Contains(d, "msn-2003-09") {
		t.Errorf("policy description = %q", d)
	}
}

func TestBrokenPolicyKeepsLastValid(t *testing.T) {
	ctx := newTab(t, "/")
	openPolicyEditor(t, ctx)
	eval[bool](t, ctx, `(e => { e.value = e.value.replace('"minimum": "6.2.0205"', '"minimum": 6.2'); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#policy-json"))`)
	waitFor(t, ctx, "the mistake is shown", `document.querySelector("#policy-error") !== null`)
	msg := eval[string](t, ctx, `document.querySelector("#policy-error").textContent`)
	if !strings.Contains(msg, "line ") || !strings.Contains(msg, "minimum") {
		t.Errorf("policy error = %q, want its line and field", msg)
	}
	if !strings.Contains(strings.Join(serverLines(t, ctx), "\n"), "S: CVQ 2 7.0.0813 7.0.0813 6.2.0205") {
		t.Error("the last valid policy is not in force any more")
	}
	// A valid edit takes effect.
	eval[bool](t, ctx, `(e => { e.value = e.value.replace('"minimum": 6.2', '"minimum": "6.0.0602"'); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#policy-json"))`)
	waitFor(t, ctx, "the edited policy answers", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVQ 2 7.0.0813 7.0.0813 6.0.0602"))`)
}

func TestReloadKeepsContent(t *testing.T) {
	ctx := newTab(t, "/")
	line := "CVQ 42 0x0c0a winnt 5.1 i386 MSNMSGR 7.0.0813 MSMSGS reload@example.com"
	typeInto(t, ctx, "#editor", line)
	waitFor(t, ctx, "the line is computed", `document.querySelector("#transcript .cline")?.textContent.includes("reload@example.com")`)
	time.Sleep(600 * time.Millisecond) // the page saves 300 ms after the last keystroke
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the content is back", fmt.Sprintf(`document.querySelector("#editor").value === %q`, line))
}

func TestUserTextIsNeverHTML(t *testing.T) {
	ctx := newTab(t, "/")
	line := `CVQ 1 <img src=x onerror=window.pwned=1> win 4.10 i386 MSMSGS 1.0.0863 <b>bold</b>`
	typeInto(t, ctx, "#editor", line)
	waitFor(t, ctx, "the line is computed", `document.querySelector("#transcript .why") !== null`)
	if n := eval[int](t, ctx, `document.querySelectorAll("#transcript img, #transcript b, #explanation img, #explanation b").length`); n != 0 {
		t.Errorf("%d elements made from user text", n)
	}
	if pwned := eval[bool](t, ctx, `window.pwned === 1`); pwned {
		t.Error("user text ran as script")
	}
}

func TestScreenshots(t *testing.T) {
	ctx := newTab(t, "/")
	waitFor(t, ctx, "the explanation", `document.querySelector("#request-fields") !== null`)
	// Select the second example, whose client must upgrade.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#transcript .exchange:nth-child(2) .line-button"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the reaction", `document.querySelector("#reaction") !== null`)
	screenshot(t, ctx, "light")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#theme"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the dark theme", `document.documentElement.dataset.theme === "dark"`)
	if bg := eval[string](t, ctx, `getComputedStyle(document.body).backgroundColor`); bg == "rgb(247, 248, 250)" {
		t.Errorf("dark theme background = %s, still the light one", bg)
	}
	screenshot(t, ctx, "dark")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#theme"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844, func(p *emulation.SetDeviceMetricsOverrideParams, _ *emulation.SetTouchEmulationEnabledParams) {
		p.Mobile = true
	})); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "one column", `document.querySelector(".layout").getBoundingClientRect().width <= 390`)
	if w := eval[float64](t, ctx, `document.documentElement.scrollWidth`); w > 390 {
		wide := eval[[]string](t, ctx, `[...document.querySelectorAll("*")].filter(e => e.getBoundingClientRect().right > 391 || e.scrollWidth > 391).slice(0, 8).map(e => e.tagName + "." + e.className + "#" + e.id + " " + Math.round(e.getBoundingClientRect().right) + "/" + e.scrollWidth)`)
		t.Errorf("narrow page scrolls sideways: %v px wide; widest: %v", w, wide)
	}
	screenshot(t, ctx, "narrow")
}

// frameCheck evaluates a condition in every iframe of the page.
func framesReady(n int) string {
	return fmt.Sprintf(`(() => { const f = [...document.querySelectorAll("iframe")]; return f.length === %d && f.every(x => x.contentDocument && x.contentDocument.querySelector("#wasm-ready")) })()`, n)
}

func TestEmbedDemoPage(t *testing.T) {
	ctx := newTab(t, "/")
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/web/embed-demo.html"), chromedp.WaitReady(chromedp.CSS(".cvq-embed"))); err != nil {
		t.Fatal(err)
	}
	// Frames load lazily: the last examples wait below the fold.
	if n := eval[int](t, ctx, `document.querySelectorAll("iframe").length`); n >= 7 {
		t.Errorf("%d frames loaded before scrolling, want fewer than 7", n)
	}
	eval[bool](t, ctx, `(document.querySelectorAll(".cvq-embed button").forEach(b => b.click()), true)`)
	waitFor(t, ctx, "seven running embeds", framesReady(7))
	want := vectorReplies(t)
	for i := 0; i < 6; i++ {
		got := eval[string](t, ctx, fmt.Sprintf(`document.querySelectorAll("iframe")[%d].contentDocument.querySelector("#transcript .sline").textContent`, i))
		if got != want[i][0] {
			t.Errorf("embed %d answers %q, want %q", i+1, got, want[i][0])
		}
	}
	// The frames take their content's height: no inner scrollbar.
	waitFor(t, ctx, "frames sized to their content", `[...document.querySelectorAll("iframe")].every(f => {
		const d = f.contentDocument, need = Math.ceil(d.body.getBoundingClientRect().bottom);
		return d.documentElement.scrollHeight <= f.clientHeight && f.clientHeight - need <= 24;
	})`)
	if hidden := eval[int](t, ctx, `[...document.querySelectorAll("pre[data-cvq]")].filter(p => p.hidden).length`); hidden != 7 {
		t.Errorf("%d of 7 <pre> hidden once their frame shows", hidden)
	}
	screenshot(t, ctx, "embed-demo")
	if theme := eval[string](t, ctx, `document.querySelectorAll("iframe")[6].contentDocument.documentElement.dataset.theme || ""`); theme != "dark" {
		t.Errorf("data-theme=dark example: embed theme %q", theme)
	}

	// Height messages from elsewhere change nothing: one from another
	// origin's frame, one from the page itself.
	heights := eval[[]float64](t, ctx, `[...document.querySelectorAll("iframe")].map(f => f.clientHeight)`)
	eval[bool](t, ctx, fmt.Sprintf(`(() => { const f = document.createElement("iframe"); f.id = "intruder"; f.src = %q; document.body.appendChild(f); window.postMessage({type: "cvq-playground:height", height: 3999}, "*"); return true })()`, otherURL+"/"))
	waitFor(t, ctx, "the intruder loaded", `document.querySelector("#intruder").contentWindow !== null`)
	time.Sleep(500 * time.Millisecond)
	after := eval[[]float64](t, ctx, `[...document.querySelectorAll("iframe:not(#intruder)")].map(f => f.clientHeight)`)
	if fmt.Sprint(after) != fmt.Sprint(heights) {
		t.Errorf("frame heights changed after foreign messages: %v → %v", heights, after)
	}
}

func TestEmbedIgnoresMessagesAndOpensPlayground(t *testing.T) {
	input := "VER 1 MSNP13 CVR0\nCVR 2 0x0c0a winnt 5.1 i386 MSNMSGR 8.0.0792 msmsgs user@hotmail.com\n"
	ctx := newTab(t, "/embed.html#policy=msn-2007-06&in="+fragmentEscape(input)+"&sel=2")
	waitFor(t, ctx, "the 2007 answer", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.includes("/ES/Install_WLMessenger.exe"))`)
	eval[bool](t, ctx, `(window.dispatchEvent(new MessageEvent("message", {origin: "http://evil.example", data: {type: "cvq-playground:input", input: "CVQ 6 spaghetti"}})), window.postMessage({type: "cvq-playground:input", input: "CVQ 6 spaghetti"}, "*"), true)`)
	time.Sleep(300 * time.Millisecond)
	if v := eval[string](t, ctx, `document.querySelector("#editor").value`); v != input {
		t.Errorf("a message changed the embed's input to %q", v)
	}
	href := eval[string](t, ctx, `document.querySelector("#open-playground").href`)
	if err := chromedp.Do(ctx, chromedp.Navigate(href), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatal(err)
	}
	if v := eval[string](t, ctx, `document.querySelector("#editor").value`); v != input {
		t.Errorf("Open in playground: input %q, want %q", v, input)
	}
	if v := eval[string](t, ctx, `document.querySelector("#preset").value`); v != "msn-2007-06" {
		t.Errorf("Open in playground: preset %q", v)
	}
	waitFor(t, ctx, "line 2 explained", `document.querySelector("#explanation .hint").textContent.startsWith("line 2 ")`)
}

func TestHandWrittenLink(t *testing.T) {
	ctx := newTab(t, "/#policy=msn-2003-09&in=VER%201%20MSNP8%20CVR0%0ACVR%202%200x0409%20win%204.10%20i386%20MSNMSGR%205.0.0544%20MSMSGS%20a@b.com&sel=2")
	waitFor(t, ctx, "the link's answer", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVR 2 6.0.0602 6.0.0602 1.0.0000"))`)
	if v := eval[string](t, ctx, `document.querySelector("#preset").value`); v != "msn-2003-09" {
		t.Errorf("preset %q", v)
	}
	if h := eval[string](t, ctx, `document.querySelector("#explanation .hint").textContent`); !strings.HasPrefix(h, "line 2 ") {
		t.Errorf("selected %q, want line 2", h)
	}
}

func TestCompactLinkCarriesCustomPolicy(t *testing.T) {
	ctx := newTab(t, "/")
	openPolicyEditor(t, ctx)
	before := eval[string](t, ctx, `location.hash`)
	eval[bool](t, ctx, `(e => { e.value = e.value.replace('"minimum": "6.2.0205"', '"minimum": "6.0.0602"'); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#policy-json"))`)
	waitFor(t, ctx, "the URL follows the edit", fmt.Sprintf(`location.hash !== %q`, before))
	waitFor(t, ctx, "the edit is in force", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVQ 2 7.0.0813 7.0.0813 6.0.0602"))`)
	waitFor(t, ctx, "the URL carries the state", `location.hash.startsWith("#z=")`)
	link := eval[string](t, ctx, `location.href`)
	firstVisit(t, ctx, link)
	waitFor(t, ctx, "the custom answer", `[...document.querySelectorAll("#transcript .sline")].some(s => s.textContent.startsWith("S: CVQ 2 7.0.0813 7.0.0813 6.0.0602"))`)
	if d := eval[string](t, ctx, `document.querySelector("#policy-description").textContent`); !strings.Contains(d, "edited") {
		t.Errorf("policy line %q should say edited", d)
	}
}

func TestCorruptedLink(t *testing.T) {
	ctx := newTab(t, "/#z=AAAA!!broken")
	waitFor(t, ctx, "the message", `document.querySelector("#link-message") !== null`)
	if msg := eval[string](t, ctx, `document.querySelector("#link-message").textContent`); !strings.Contains(msg, "could not be read") {
		t.Errorf("message %q", msg)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#transcript .exchange").length`); n != 6 {
		t.Errorf("%d rows, want the default example's 6", n)
	}
	ctx = newTab(t, "/#policy=msn-1998&in=CVQ%206%20spaghetti")
	waitFor(t, ctx, "the message", `document.querySelector("#link-message")?.textContent.includes("msn-1998")`)
}

func TestStaticExportUnderPrefix(t *testing.T) {
	out := t.TempDir()
	if err := writeStatic(out, "/cvq/", siteDir); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/cvq/", http.StripPrefix("/cvq", http.FileServer(http.Dir(out))))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	ctx, cancel := chromedp.NewContext(browser)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/cvq/"), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatalf("static site under /cvq/: %v", err)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#transcript .sline").length`); n != 6 {
		t.Errorf("%d answers, want 6", n)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/cvq/embed.html#in=CVQ%206%20spaghetti"), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the embed answers", `document.querySelector("#transcript .sline")?.textContent === "S: 731 6"`)
	if href := eval[string](t, ctx, `document.querySelector("#open-playground").href`); !strings.HasPrefix(href, srv.URL+"/cvq/#") {
		t.Errorf("Open in playground = %s", href)
	}
	if csp := eval[string](t, ctx, `document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? ""`); !strings.Contains(csp, "wasm-unsafe-eval") {
		t.Errorf("static page CSP meta %q", csp)
	}
}

func TestHostilePaste(t *testing.T) {
	ctx := newTab(t, "/")
	// 50,000 lines: the first 10,000 are evaluated, the page says so and
	// stays responsive.
	eval[bool](t, ctx, `(e => { e.value = Array.from({length: 50000}, (_, i) => "CVQ " + i + " 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS").join("\n"); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#editor"))`)
	waitFor(t, ctx, "the limit is announced", `document.querySelector(".editor-pane .warn")?.textContent.includes("Only the first 10000 client lines are evaluated; 40000 more are not")`)
	start := time.Now()
	typeInto(t, ctx, "#editor", "CVQ 6 spaghetti")
	waitFor(t, ctx, "a new line computes", `document.querySelector("#transcript .sline")?.textContent === "S: 731 6"`)
	t.Logf("typing after the 50,000-line paste took %v", time.Since(start))

	// A 1 MB line: no reply, a close, the reason next to it, the text kept.
	eval[bool](t, ctx, `(e => { e.value = "CVQ 1 0x0409 " + "A".repeat(1 << 20); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#editor"))`)
	waitFor(t, ctx, "the too-long reason", `document.querySelector("#transcript .why")?.textContent.includes("longer than the server's limit of 2048")`)
	if n := eval[int](t, ctx, `document.querySelector("#editor").value.length`); n != 13+1<<20 {
		t.Errorf("editor holds %d characters, want the pasted %d", n, 13+1<<20)
	}

	// Control characters, invalid sequences, right-to-left and zero-width
	// characters are shown, as text.
	eval[bool](t, ctx, `(e => { e.value = "CVQ 1 \u202e0x0409 win\u200b\u0001 4.10 i386 MSMSGS 1.0.0863 <b>x</b> \ud800"; e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#editor"))`)
	waitFor(t, ctx, "710", `document.querySelector("#transcript .sline")?.textContent === "S: 710 1"`)
	if n := eval[int](t, ctx, `document.querySelectorAll("#transcript b, #explanation b").length`); n != 0 {
		t.Errorf("%d elements made of user text", n)
	}
}

func TestMarkupInLinksAndPolicies(t *testing.T) {
	ctx := newTab(t, "/#policy=%3Cimg%20src%3Dx%20onerror%3Dwindow.pwned%3D1%3E&in=x")
	waitFor(t, ctx, "the message", `document.querySelector("#link-message") !== null`)
	if msg := eval[string](t, ctx, `document.querySelector("#link-message").textContent`); !strings.Contains(msg, "<img src=x") {
		t.Errorf("message %q should show the preset name as text", msg)
	}
	openPolicyEditor(t, ctx)
	eval[bool](t, ctx, `(e => { e.value = e.value.replace(/"description": "[^"]*"/, '"description": "<img src=x onerror=window.pwned=2>"'); e.dispatchEvent(new Event("input", {bubbles: true})); return true })(document.querySelector("#policy-json"))`)
	waitFor(t, ctx, "the description shows", `document.querySelector("#policy-description").textContent.includes("<img src=x")`)
	if n := eval[int](t, ctx, `document.querySelectorAll("img:not([src$='.png']):not([src$='.svg'])").length`); n != 0 {
		t.Errorf("%d img elements made of user text", n)
	}
	if pwned := eval[bool](t, ctx, `window.pwned !== undefined`); pwned {
		t.Error("user text ran as script")
	}
}

func TestKeyboard(t *testing.T) {
	ctx := newTab(t, "/")
	eval[bool](t, ctx, `(document.activeElement.blur(), true)`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent("?")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the help opens with the focus in it", `document.activeElement?.id === "help-close"`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the help closes, the focus back on its button", `document.querySelector("#help") === null && document.activeElement?.id === "help-button"`)
	// "?" typed in the editor is text, not a shortcut.
	typeInto(t, ctx, "#editor", "?")
	if open := eval[bool](t, ctx, `document.querySelector("#help") !== null`); open {
		t.Error("typing ? in the editor opened the help")
	}
	// Arrow keys move between the tools' tabs.
	eval[bool](t, ctx, `(document.querySelector("#tab-examples").focus(), true)`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the builder tab", `document.activeElement?.id === "tab-builder" && document.querySelector("#tab-builder").getAttribute("aria-selected") === "true"`)
}

func TestCopyButtons(t *testing.T) {
	ctx := newTab(t, "/")
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, cdpbrowser.SetPermission, cdpbrowser.SetPermissionParams{
			Permission: &cdpbrowser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true}, Setting: cdpbrowser.PermissionSettingGranted, Origin: baseURL,
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#copy-transcript"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the copy is reported", `document.querySelector("#status")?.textContent === "Copied the transcript."`)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, "C: CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nS: CVQ 1 5.0.0537") || !strings.HasSuffix(got, "S: 731 6\nServer disconnects client.\n") {
		t.Errorf("clipboard holds %q", got)
	}
}

// Until the WebAssembly runs (here: never, its download is blocked), the
// prerendered page is what people see: the answers, laid out as the
// WebAssembly lays them out, under a small badge rather than a curtain,
// with the editor read-only so that nothing typed is lost when it starts.
func TestPrerenderedPage(t *testing.T) {
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{{URLPattern: baseURL + "/web/app.wasm", Block: true}}}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the loader reports the blocked download", `!document.querySelector("#app-wasm-loader-label").textContent.includes("Starting")`)
	if got, want := eval[string](t, ctx, `document.querySelector(".line-button").textContent`), "Explain line 1: C: "+wikiLines[0]; got != want {
		t.Errorf("first transcript line reads %q, want %q", got, want)
	}
	if got := eval[string](t, ctx, `document.querySelector(".server .sline").textContent`); got != "S: CVQ 1 5.0.0537 5.0.0537 1.0.0863 http://download.microsoft.com/download/msnmessenger/install/5.0/w98nt42kmexp/en-us/setupdl.exe http://messenger.microsoft.com" {
		t.Errorf("first answer reads %q", got)
	}
	if h := eval[float64](t, ctx, `document.querySelector("#app-wasm-loader").getBoundingClientRect().height`); h > 80 {
		t.Errorf("the loader is %.0f px high: it hides the page", h)
	}
	if !eval[bool](t, ctx, `document.querySelector("#editor").readOnly`) {
		t.Error("the prerendered editor accepts typing that the WebAssembly would drop")
	}
	if got := eval[string](t, ctx, `document.querySelector("#preset").value`); got != "msnp-wiki" {
		t.Errorf("the policy list shows %q", got)
	}
	screenshot(t, ctx, "prerendered")
}

// waitPrecached waits until the page's service worker controls it and
// has cached app.wasm.
func waitPrecached(t *testing.T, ctx context.Context) {
	t.Helper()
	const js = `(async () => {
  if (!navigator.serviceWorker.controller) return false;
  for (const k of await caches.keys()) {
    if (await (await caches.open(k)).match("/web/app.wasm")) return true;
  }
  return false;
})()`
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the service worker did not cache the site within 30 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// The service worker caches the site once the page has started, so that
// the next visit starts from the cache (and works offline).
func TestServiceWorkerCaches(t *testing.T) {
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	if err := chromedp.Do(ctx, chromedp.Navigate(baseURL+"/"), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatal(err)
	}
	waitPrecached(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Reload(), chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
		t.Fatal(err)
	}
	served := eval[bool](t, ctx, `performance.getEntriesByType("resource").some(r => r.name.endsWith("/web/app.wasm") && r.workerStart > 0)`)
	if !served {
		t.Error("after the reload, app.wasm did not come through the service worker")
	}
}

// The caret selects the row it is on: clicking into a line, typing in it
// and moving to the line above each show that line's explanation.
func TestCaretSelectsRow(t *testing.T) {
	ctx := newTab(t, "/")
	selected := func() string { return eval[string](t, ctx, `document.querySelector("#explanation .hint").textContent`) }
	// The caret at the start of the fourth line, as a click puts it.
	eval[bool](t, ctx, `(e => { e.focus(); const at = e.value.split("\n").slice(0, 3).join("\n").length + 1; e.setSelectionRange(at, at); e.dispatchEvent(new Event("click", {bubbles: true})); return true })(document.querySelector("#editor"))`)
	waitFor(t, ctx, "line 4 selected", `document.querySelector("#explanation .hint").textContent.startsWith("line 4 ")`)
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.End), chromedp.KeyEvent("x")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the typed character in the answer", `[...document.querySelectorAll("#transcript .line-button")].some(b => b.textContent.endsWith("MSMSGSx"))`)
	if s := selected(); !strings.HasPrefix(s, "line 4 ") {
		t.Errorf("after typing on line 4, the explanation is of %q", s)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowUp)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "line 3 selected", `document.querySelector("#explanation .hint").textContent.startsWith("line 3 ")`)
}
