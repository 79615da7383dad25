//go:build js && wasm

package wasm

import (
	"github.com/hack-pad/safejs"
)

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
