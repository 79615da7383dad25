//go:build browser

package main

// Recordings in the browser: a file dropped on the editor or picked is
// opened, answered and marked; the text it replaced comes back on a click.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// dropFile drops a file named name holding text on the editor, as a
// browser does.
func dropFile(t *testing.T, ctx context.Context, name, text string) {
	t.Helper()
	n, _ := json.Marshal(name)
	s, _ := json.Marshal(text)
	eval[bool](t, ctx, fmt.Sprintf(`(() => {
  const dt = new DataTransfer();
  dt.items.add(new File([%s], %s, {type: "text/plain"}));
  const e = document.querySelector("#editor");
  for (const type of ["dragenter", "dragover", "drop"]) e.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
  return true;
})()`, s, n))
}

func TestRecordingDropped(t *testing.T) {
	ctx := newTab(t, "/")
	own := eval[string](t, ctx, `document.querySelector("#editor").value`)
	rec, err := os.ReadFile("probe/testdata/replay.txt")
	if err != nil {
		t.Fatal(err)
	}
	dropFile(t, ctx, "replay.txt", string(rec))
	waitFor(t, ctx, "the recording opened", `document.querySelector("#file-message")?.textContent.startsWith("Opened replay.txt, recorded against msn-2003-09")`)
	if got := eval[string](t, ctx, `document.querySelector("#editor").value`); got != string(rec) {
		t.Errorf("the editor holds %d characters, want the file's %d", len(got), len(rec))
	}
	if p := eval[string](t, ctx, `document.querySelector("#preset").value`); p != "msn-2003-09" {
		t.Errorf("policy %s, want the recording's msn-2003-09", p)
	}
	heads := eval[[]string](t, ctx, `[...document.querySelectorAll("#transcript .case-head")].map(h => h.className + " " + h.textContent)`)
	if len(heads) != 8 || heads[0] != "case-head case-pass case msn-2003-09/sanity/first/1 · PASS" || heads[1] != "case-head case-fail case msn-2003-09/cvr/outdated/2 · FAIL" {
		t.Errorf("case headings: %q", heads)
	}
	marked := eval[[]string](t, ctx, `[...document.querySelectorAll("#transcript .exchange.differs .expect mark")].map(m => m.textContent)`)
	if strings.Join(marked, " ") != "5.0.0537 5.0.0537 5.0.0537 https://revival.example https://revival.example" {
		t.Errorf("marked fields of the differing answers: %q", marked)
	}
	// The selected line is the first that differs; every era is compared
	// on it, and none answers as the recorded server did.
	waitFor(t, ctx, "the eras of the outdated client", `document.querySelector("#eras-verdict")?.textContent === "No preset reproduces the pasted answer."`)
	paneShot(t, ctx, ".editor-pane", "recording-editor-light")
	erasShots(t, ctx, "recording", ".transcript-pane")
	// The user's text comes back.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#restore"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the user's text back", fmt.Sprintf(`document.querySelector("#editor").value === %q`, own))

	// A file too large is refused next to the editor; the text stays.
	dropFile(t, ctx, "big.txt", strings.Repeat("CVQ 1\n", maxFileBytes/6+1))
	waitFor(t, ctx, "the refusal", `document.querySelector("#file-message")?.getAttribute("role") === "alert" && document.querySelector("#file-message").textContent.startsWith("Not opened: big.txt is 1.0 MB; files of up to 1.0 MB are opened")`)
	if got := eval[string](t, ctx, `document.querySelector("#editor").value`); got != own {
		t.Error("a refused file changed the text")
	}
}

func TestRecordingPicked(t *testing.T) {
	ctx := newTab(t, "/")
	dir := t.TempDir()
	path := filepath.Join(dir, "session.txt")
	text := "# listen session 3 from 127.0.0.1:53412, policy msn-2006-03, 2026-12-07T05:39:10Z\nC: VER 1 MSNP12 CVR0\nS: VER 1 MSNP12\nC: CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS account@redacted.invalid\nS: CVR 2 7.5.0324 7.5.0324 6.2.0208 http://msgr.dlservice.microsoft.com/download/5/a/8/5a892c0f-5b87-4767-8927-6fe5d8cfc582/Install_MSN_Messenger.exe http://messenger.msn.com\n# client: went on to USR (the sign-in) (must upgrade)\nClient disconnects.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	// The button opens the browser's file chooser; the file is then
	// chosen in it.
	opened := make(chan struct{}, 1)
	if err := chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*page.EventFileChooserOpened); ok {
			select {
			case opened <- struct{}{}:
			default:
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#open-file-button"))); err != nil {
		t.Fatal(err)
	}
	select {
	case <-opened:
	case <-time.After(10 * time.Second):
		t.Fatal("the button opened no file chooser")
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{path})); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the session opened", `document.querySelector("#file-message")?.textContent === "Opened session.txt, recorded against msn-2006-03, now in force: 2 client lines."`)
	// Its answers are msn-2006-03's: the eras name it and its twin.
	eval[bool](t, ctx, `(document.querySelectorAll("#transcript .exchange")[1].querySelector(".line-button").click(), true)`)
	waitFor(t, ctx, "the presets that answer as logged", `document.querySelector("#eras-verdict")?.textContent === "The pasted answer is reproduced by msn-2006-03 and msn-2006-12."`)
	if got := eval[string](t, ctx, `document.querySelector("#transcript .server.comment")?.textContent ?? ""`); got != "# client: went on to USR (the sign-in) (must upgrade)" {
		t.Errorf("the client's note: %q", got)
	}
	if got := eval[string](t, ctx, `document.querySelector("#restore-notice")?.textContent ?? ""`); !strings.HasPrefix(got, "session.txt replaced your text.") {
		t.Errorf("restore notice: %q", got)
	}
}
