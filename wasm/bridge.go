// Package wasm bridges the browser APIs that go-app does not wrap:
// clipboard, colour-scheme preference, history, listeners on the window,
// textarea values and focus, files dropped or picked, and messages to a
// parent frame or the service worker. Every call returns an error
// instead of panicking; outside a browser every call returns
// ErrUnavailable, so that native builds and tests of the page compile and
// run. Each function is written twice, unexported: in the browser in a
// *_js.go file of its concern (clipboard, page, frame, deflate, timing,
// keys, elements, paint, later, files; bridge_js.go holds the helpers they
// share), elsewhere in bridge_other.go.
package wasm

import (
	"errors"
	"fmt"
	"time"
)

// ErrUnavailable is returned where there is no browser API to call.
var ErrUnavailable = errors.New("not available outside a browser")

// CopyText puts text on the clipboard and calls done with the result once
// the browser has answered (done may be nil). Where the asynchronous
// Clipboard API is missing (an insecure origin), it falls back to a hidden
// textarea and execCommand("copy").
func CopyText(text string, done func(error)) { copyText(text, done) }

// PrefersDark reports whether the system asks for a dark colour scheme.
func PrefersDark() (bool, error) { return prefersDark() }

// SetRootTheme sets data-theme on the document element ("" removes it), so
// that the page background follows the chosen theme too.
func SetRootTheme(theme string) error { return setRootTheme(theme) }

// Fragment returns location.hash without its "#"; "" when there is none.
func Fragment() (string, error) { return fragment() }

// ReplaceFragment rewrites the URL's fragment without adding a history entry.
func ReplaceFragment(frag string) error { return replaceFragment(frag) }

// PostHeightToParent tells the embedding page the document's height, as
// {type: "cvq-playground:height", height: N}, when the page is in a frame.
func PostHeightToParent(height int) error { return postHeightToParent(height) }

// ContentHeight returns the height the page needs: the bottom of the
// body's content plus the body's bottom margin. (The document's
// scrollHeight never goes below the frame's own height, so a frame sized
// from it could only grow.)
func ContentHeight() (int, error) { return contentHeight() }

// PageURL returns the page's address without its fragment.
func PageURL() (string, error) { return pageURL() }

// ReportHeight tells the parent frame the page's height now and whenever
// it changes (a ResizeObserver on the body, which lives as long as the
// page). The messages carry only {type: "cvq-playground:height", height: N}.
func ReportHeight() error { return reportHeight() }

// Mark records a performance mark, for measurements of the page.
func Mark(name string) error { return mark(name) }

// DeflateRaw compresses data with the browser's CompressionStream
// ("deflate-raw", RFC 1951) and calls done with the result, later. Using
// the browser's compressor keeps Go's out of app.wasm.
func DeflateRaw(data []byte, done func([]byte, error)) { deflateRaw(data, done) }

// NextFrame calls fn when the browser is about to paint the next frame.
func NextFrame(fn func()) error { return nextFrame(fn) }

// OnHashChange calls fn whenever the URL's fragment changes. release
// removes the listener and frees it; it is never nil.
func OnHashChange(fn func()) (release func(), err error) {
	return listen("hashchange", func(Key) bool { fn(); return false })
}

// A Key is a keydown on the window.
type Key struct {
	Name       string // KeyboardEvent.key: "Escape", "?", "ArrowUp", …
	Ctrl, Meta bool
	InField    bool // typed into a textarea, input or select
}

// OnKeyDown calls fn for every keydown on the window; when fn returns
// true, the key's default action is prevented. (go-app owns the window's
// onkey… properties: this adds a listener.) release removes the listener
// and frees it; it is never nil.
func OnKeyDown(fn func(Key) bool) (release func(), err error) { return listen("keydown", fn) }

// SetValue sets the value of the element id (a textarea), if it is in
// the page and holds another text. text is called only then, so that a
// text that costs something is computed only when it is shown.
func SetValue(id string, text func() string) error { return setValue(id, text) }

// Focus moves the focus to the element id.
func Focus(id string) error { return focus(id) }

// AwaitPaintRecorded waits, at most max, until the browser has recorded
// the largest paint of the page as it is now: the first contentful paint
// or the last largest-contentful-paint entry is two frames old, or a frame
// followed the last entry without a new one.
//
// The browser keeps a paint's candidate only once the frame's presentation
// time reaches the page's main thread; a node replaced before that is
// forgotten. go-app replaces the prerendered page when it mounts, in the
// same long task that starts the Go program, so without this wait the
// largest paint would often be the WebAssembly's redraw of the same text,
// which comes after app.wasm is downloaded and run.
func AwaitPaintRecorded(max time.Duration) error { return awaitPaintRecorded(max) }

// KeepPrerendered holds the elements of the prerendered page that match
// the CSS selectors, so that they can stand in for panes the page draws
// later (see ShowPrerendered). Call it before go-app replaces the
// prerendered page with its own, i.e. before the first render.
func KeepPrerendered(selectors ...string) error { return keepPrerendered(selectors...) }

// ShowPrerendered moves the element KeepPrerendered kept for selector into
// the element id, where it stands in for the pane to come: shown when
// visible, else hidden and inert, only holding the pane's room so that
// nothing below moves when the pane is drawn. It is released then: the
// stand-in goes when go-app replaces the element id.
func ShowPrerendered(selector, id string, visible bool) error {
	return showPrerendered(selector, id, visible)
}

// WhenIdle calls fn once the browser is idle, or after timeout at the
// latest (requestIdleCallback; a short timer where it is missing).
func WhenIdle(timeout time.Duration, fn func()) error { return whenIdle(timeout, fn) }

// WatchStandIn watches the stand-in in the element id (see ShowPrerendered)
// until release is called. need is called with a nil replay when the
// stand-in comes within a quarter of a screen of the view, and with a
// replay when the stand-in is used (clicked, or focused other than by
// the press of a click; the click itself does not reach it). Called once
// the pane whose root matches sel is drawn, replay carries the use over to the
// element at the same place in it: any value typed into the stand-in, the
// focus, and the click. Call release once the pane is drawn: a press on
// the stand-in still held then clicks the drawn control it is released
// over.
func WatchStandIn(id, sel string, need func(replay func())) (release func(), err error) {
	return watchStandIn(id, sel, need)
}

// A File is a text file the user dropped on the page or picked.
type File struct {
	Name string
	Size int // in bytes
	Text string
}

// TooLargeError is the error for a file over the size a page reads.
type TooLargeError struct {
	Name      string
	Size, Max int
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("%s is %s; files of up to %s are opened", e.Name, byteSize(e.Size), byteSize(e.Max))
}

// byteSize writes n bytes as people read it: "512 bytes", "3.2 MB".
func byteSize(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.0f kB", float64(n)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// OnFileDrop lets a file be dropped on the element id: the first file of
// a drop is read as UTF-8 text and passed to fn, or, when it is larger
// than max bytes or cannot be read, an error (a *TooLargeError for its
// size). While a drag that carries files is over the element, it has a
// data-drop attribute, for the page's styles. Drags that carry no files
// keep the browser's behaviour. release removes the listeners; it is
// never nil.
func OnFileDrop(id string, max int, fn func(File, error)) (release func(), err error) {
	return onFileDrop(id, max, fn)
}

// OnFilePick makes the element button open the file chooser of the file
// input (hidden; the button is the control people see and reach), and
// reads the file chosen as OnFileDrop reads a dropped one, each time one
// is chosen. release removes the listeners; it is never nil.
func OnFilePick(button, input string, max int, fn func(File, error)) (release func(), err error) {
	return onFilePick(button, input, max, fn)
}
