//go:build js && wasm

package wasm

import (
	"github.com/hack-pad/safejs"
)

func mark(name string) error {
	perf, err := get("performance")
	if err != nil {
		return err
	}
	_, err = perf.Call("mark", name)
	return err
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
