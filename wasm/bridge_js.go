//go:build js && wasm

package wasm

import (
	"fmt"

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
