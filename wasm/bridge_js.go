//go:build js && wasm

package wasm

import (
	"errors"
	"fmt"
	"strings"

	"github.com/hack-pad/safejs"
)

// get walks a dotted path from the global object, e.g. "navigator.clipboard".
func get(path ...string) (safejs.Value, error) {
	v := safejs.Global()
	for _, p := range path {
		next, err := v.Get(p)
		if err != nil {
			return safejs.Undefined(), err
		}
		if next.IsUndefined() || next.IsNull() {
			return safejs.Undefined(), fmt.Errorf("%s is not available in this browser", p)
		}
		v = next
	}
	return v, nil
}

func copyText(text string, done func(error)) {
	report := func(err error) {
		if done != nil {
			done(err)
		}
	}
	clip, err := get("navigator", "clipboard")
	if err != nil {
		report(copyWithTextarea(text))
		return
	}
	promise, err := clip.Call("writeText", text)
	if err != nil {
		report(copyWithTextarea(text))
		return
	}
	then(promise, func(safejs.Value) { report(nil) }, func() {
		report(errors.Join(errors.New("the browser refused the clipboard"), copyWithTextarea(text)))
	})
}

// then calls ok with the value of promise, or fail if it is rejected (or
// cannot be waited for). Each callback runs at most once, and both are
// released then.
func then(promise safejs.Value, ok func(safejs.Value), fail func()) {
	var okFn, failFn safejs.Func
	release := func() { okFn.Release(); failFn.Release() }
	okFn, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		release()
		if len(args) == 0 {
			ok(safejs.Undefined())
		} else {
			ok(args[0])
		}
		return nil
	})
	if err != nil {
		fail()
		return
	}
	failFn, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		release()
		fail()
		return nil
	})
	if err != nil {
		okFn.Release()
		fail()
		return
	}
	if _, err := promise.Call("then", okFn.Value(), failFn.Value()); err != nil {
		release()
		fail()
	}
}

func copyWithTextarea(text string) error {
	doc, err := get("document")
	if err != nil {
		return err
	}
	ta, err := doc.Call("createElement", "textarea")
	if err != nil {
		return err
	}
	body, err := get("document", "body")
	if err != nil {
		return err
	}
	ta.Set("value", text)
	ta.Set("readOnly", true)
	style, _ := ta.Get("style")
	style.Set("position", "fixed")
	style.Set("opacity", "0")
	if _, err := body.Call("appendChild", ta); err != nil {
		return err
	}
	defer body.Call("removeChild", ta)
	ta.Call("select")
	res, err := doc.Call("execCommand", "copy")
	if err != nil {
		return err
	}
	if ok, _ := res.Bool(); !ok {
		return errors.New("the browser refused to copy")
	}
	return nil
}

func prefersDark() (bool, error) {
	win, err := get("window")
	if err != nil {
		return false, err
	}
	mq, err := win.Call("matchMedia", "(prefers-color-scheme: dark)")
	if err != nil {
		return false, err
	}
	m, err := mq.Get("matches")
	if err != nil {
		return false, err
	}
	return m.Bool()
}

func setRootTheme(theme string) error {
	el, err := get("document", "documentElement")
	if err != nil {
		return err
	}
	if theme == "" {
		_, err = el.Call("removeAttribute", "data-theme")
		return err
	}
	_, err = el.Call("setAttribute", "data-theme", theme)
	return err
}

func fragment() (string, error) {
	h, err := get("location", "hash")
	if err != nil {
		return "", nil // an empty hash is ""; treat a missing one alike
	}
	s, err := h.String()
	if len(s) > 0 && s[0] == '#' {
		s = s[1:]
	}
	return s, err
}

func replaceFragment(fragment string) error {
	hist, err := get("history")
	if err != nil {
		return err
	}
	url := "#" + fragment
	if fragment == "" {
		loc, err := get("location")
		if err != nil {
			return err
		}
		p, _ := loc.Get("pathname")
		q, _ := loc.Get("search")
		ps, _ := p.String()
		qs, _ := q.String()
		url = ps + qs
	}
	_, err = hist.Call("replaceState", safejs.Null(), "", url)
	return err
}

func postHeightToParent(height int) error {
	win, err := get("window")
	if err != nil {
		return err
	}
	parent, err := win.Get("parent")
	if err != nil {
		return err
	}
	if parent.Equal(win) {
		return nil
	}
	msg, err := safejs.ValueOf(map[string]any{"type": "cvq-playground:height", "height": height})
	if err != nil {
		return err
	}
	_, err = parent.Call("postMessage", msg, "*")
	return err
}

func contentHeight() (int, error) {
	body, err := get("document", "body")
	if err != nil {
		return 0, err
	}
	rect, err := body.Call("getBoundingClientRect")
	if err != nil {
		return 0, err
	}
	bottom, err := rect.Get("bottom")
	if err != nil {
		return 0, err
	}
	scrollY, _ := get("window", "scrollY")
	b, _ := bottom.Float()
	y, _ := scrollY.Float()
	return int(b+y+0.999) + 8, nil
}

func pageURL() (string, error) {
	href, err := get("location", "href")
	if err != nil {
		return "", err
	}
	s, err := href.String()
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	return s, err
}

func reportHeight() error {
	post := func() {
		if h, err := contentHeight(); err == nil {
			postHeightToParent(h)
		}
	}
	cb, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any { post(); return nil })
	if err != nil {
		return err
	}
	ctor, err := get("ResizeObserver")
	if err != nil {
		cb.Release()
		post()
		return err
	}
	obs, err := ctor.New(cb.Value())
	if err != nil {
		cb.Release()
		return err
	}
	body, err := get("document", "body")
	if err != nil {
		return err
	}
	_, err = obs.Call("observe", body)
	post()
	return err // the observer lives as long as the page: cb is never released
}

func mark(name string) error {
	perf, err := get("performance")
	if err != nil {
		return err
	}
	_, err = perf.Call("mark", name)
	return err
}

func deflateRaw(data []byte, done func([]byte, error)) {
	fail := func(err error) { done(nil, err) }
	ctor, err := get("CompressionStream")
	if err != nil {
		fail(err)
		return
	}
	cs, err := ctor.New("deflate-raw")
	if err != nil {
		fail(err)
		return
	}
	u8, err := get("Uint8Array")
	if err != nil {
		fail(err)
		return
	}
	chunk, err := u8.New(len(data))
	if err != nil {
		fail(err)
		return
	}
	if _, err := safejs.CopyBytesToJS(chunk, data); err != nil {
		fail(err)
		return
	}
	writable, _ := cs.Get("writable")
	writer, err := writable.Call("getWriter")
	if err != nil {
		fail(err)
		return
	}
	writer.Call("write", chunk)
	writer.Call("close")
	readable, _ := cs.Get("readable")
	respCtor, err := get("Response")
	if err != nil {
		fail(err)
		return
	}
	resp, err := respCtor.New(readable)
	if err != nil {
		fail(err)
		return
	}
	promise, err := resp.Call("arrayBuffer")
	if err != nil {
		fail(err)
		return
	}
	then(promise, func(buf safejs.Value) {
		arr, err := u8.New(buf)
		if err != nil {
			fail(err)
			return
		}
		n, _ := arr.Length()
		out := make([]byte, n)
		if _, err := safejs.CopyBytesToGo(out, arr); err != nil {
			fail(err)
			return
		}
		done(out, nil)
	}, func() { fail(errors.New("the browser could not compress the link")) })
}

// onceFunc wraps fn as a JavaScript callback that releases itself when it
// runs: for the browser's one-shot callbacks.
func onceFunc(fn func()) (safejs.Func, error) {
	var cb safejs.Func
	cb, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		cb.Release()
		fn()
		return nil
	})
	return cb, err
}

func nextFrame(fn func()) error {
	win, err := get("window")
	if err != nil {
		return err
	}
	cb, err := onceFunc(fn)
	if err != nil {
		return err
	}
	_, err = win.Call("requestAnimationFrame", cb.Value())
	return err
}

func tellNewWorker(msg string) error {
	sw, err := get("navigator", "serviceWorker")
	if err != nil {
		return err
	}
	reg, err := sw.Call("getRegistration")
	if err != nil {
		return err
	}
	then(reg, func(reg safejs.Value) {
		if reg.IsUndefined() || reg.IsNull() {
			return
		}
		for _, state := range []string{"installing", "waiting"} {
			if w, err := reg.Get(state); err == nil && !w.IsUndefined() && !w.IsNull() {
				w.Call("postMessage", msg)
			}
		}
	}, func() {})
	return nil
}

// listen adds a listener for event on the window; fn gets the event as a
// Key (empty but for keydown) and returns whether to prevent its default.
func listen(event string, fn func(Key) bool) (func(), error) {
	noop := func() {}
	win, err := get("window")
	if err != nil {
		return noop, err
	}
	cb, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		var k Key
		if len(args) > 0 {
			k = keyOf(args[0])
		}
		if fn(k) && len(args) > 0 {
			args[0].Call("preventDefault")
		}
		return nil
	})
	if err != nil {
		return noop, err
	}
	if _, err := win.Call("addEventListener", event, cb.Value()); err != nil {
		cb.Release()
		return noop, err
	}
	return func() {
		win.Call("removeEventListener", event, cb.Value())
		cb.Release()
	}, nil
}

// keyOf reads a KeyboardEvent; other events give an empty Key.
func keyOf(ev safejs.Value) Key {
	str := func(v safejs.Value, name string) string {
		p, err := v.Get(name)
		if err != nil || p.IsUndefined() || p.IsNull() {
			return ""
		}
		s, _ := p.String()
		return s
	}
	flag := func(name string) bool {
		p, err := ev.Get(name)
		if err != nil {
			return false
		}
		b, _ := p.Truthy()
		return b
	}
	k := Key{Name: str(ev, "key"), Ctrl: flag("ctrlKey"), Meta: flag("metaKey")}
	if target, err := ev.Get("target"); err == nil && !target.IsUndefined() && !target.IsNull() {
		switch strings.ToLower(str(target, "tagName")) {
		case "textarea", "input", "select":
			k.InField = true
		}
	}
	return k
}

// byID returns the element id of the document.
func byID(id string) (safejs.Value, error) {
	doc, err := get("document")
	if err != nil {
		return safejs.Undefined(), err
	}
	el, err := doc.Call("getElementById", id)
	if err == nil && (el.IsNull() || el.IsUndefined()) {
		err = fmt.Errorf("no element #%s in the page", id)
	}
	return el, err
}

func setValue(id string, text func() string) error {
	el, err := byID(id)
	if err != nil {
		return err
	}
	cur, err := el.Get("value")
	if err != nil {
		return err
	}
	s, _ := cur.String()
	if t := text(); s != t {
		return el.Set("value", t)
	}
	return nil
}

func focus(id string) error {
	el, err := byID(id)
	if err != nil {
		return err
	}
	_, err = el.Call("focus")
	return err
}
