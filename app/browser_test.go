//go:build browser

package main

// The harness of the end-to-end tests in headless Chromium (the tests
// are in the *_browser_test.go files, by concern): ./build.sh test runs them with
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

	"github.com/chromedp/chromedp"
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
	allocCtx, cancel = chromedp.NewExecAllocator(context.Background(), chromiumOptions(chromium, profile, 1400, 1000)...)
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

// chromiumOptions starts the Chromium at path headless, with the profile
// in dir and a window of w × h, as every browser of the tests starts.
func chromiumOptions(path, dir string, w, h int) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(dir),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(w, h))
}

// siteHandler is the playground's server over the built site in dir.
func siteHandler(dir string) http.Handler {
	site := siteConfig()
	site.Dir = dir
	return site.Handler()
}

// buildSite builds the page as ./build.sh serves it, in ../build.
func buildSite() (string, error) {
	cmd := exec.Command("../build.sh", "build")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("%v\n%s", err, out)
	}
	return filepath.Abs("../build")
}

// pageDrawn holds once the WebAssembly runs and has drawn every pane
// (#wasm-ready is rendered only in the browser; class later while panes
// under the editor are still the prerendered ones).
const pageDrawn = "#wasm-ready:not(.later)"

// scrollThrough scrolls the page down a screen, or back to its top from
// its end, and reports whether every pane is drawn; polled, it scrolls
// through the page as a reader does. (The same in testdata/engines.)
const scrollThrough = `(() => {
  if (document.querySelector("` + pageDrawn + `")) return true;
  const end = scrollY + innerHeight >= document.documentElement.scrollHeight - 1;
  scrollTo(0, end ? 0 : scrollY + innerHeight);
  return false;
})()`

// pageReport says where the page is when a wait for it fails: its address
// and load, whether the WebAssembly runs, the stand-ins left, the service
// worker, the loader's words, the scroll.
const pageReport = `JSON.stringify({url: location.href, loads: performance.getEntriesByType("navigation").map(n => n.type),
  readyState: document.readyState, ready: (document.querySelector("#wasm-ready") || {}).className ?? null,
  standIns: [...document.querySelectorAll("[id^=later-]")].map(e => e.id), worker: !!navigator.serviceWorker?.controller,
  loader: document.querySelector("#app-wasm-loader-label")?.textContent ?? null, scroll: [scrollY, document.documentElement.scrollHeight]})`

// waitDrawn waits until the WebAssembly runs and has drawn every pane. The
// panes under the first screen are drawn as they come near the view: the
// page is scrolled through until they are, then back to its top.
func waitDrawn() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		if err := chromedp.Do(ctx, chromedp.WaitReady(chromedp.CSS("#wasm-ready"))); err != nil {
			return err
		}
		scroll, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		_, err := chromedp.Run(scroll, chromedp.Poll[bool](scrollThrough, chromedp.WithPollingInterval(100*time.Millisecond)))
		if err != nil {
			state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](pageReport))
			return fmt.Errorf("%w; the page: %s", err, state)
		}
		return chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void]("scrollTo(0, 0)"))
	})
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
		chromedp.Navigate(url), waitDrawn()); err != nil {
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

// windowShot saves a screenshot of what the window shows.
func windowShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
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
