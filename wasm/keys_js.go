//go:build js && wasm

package wasm

import (
	"strings"

	"github.com/hack-pad/safejs"
)

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
