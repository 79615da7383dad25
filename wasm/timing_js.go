//go:build js && wasm

package wasm

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
