//go:build js && wasm

package wasm

import (
	"errors"

	"github.com/hack-pad/safejs"
)

func onFileDrop(id string, max int, fn func(File, error)) (func(), error) {
	el, err := byID(id)
	if err != nil {
		return func() {}, err
	}
	// Only a drag that carries files is taken: text dragged into the
	// editor keeps the browser's own behaviour.
	mark := func(ev safejs.Value, on bool) bool {
		if !carriesFiles(ev) {
			return false
		}
		ev.Call("preventDefault")
		if on {
			setData(el, "drop", "files")
		} else {
			setData(el, "drop", "")
		}
		return true
	}
	var release []func()
	add := func(event string, h func(ev safejs.Value)) error {
		cb, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
			if len(args) > 0 {
				h(args[0])
			}
			return nil
		})
		if err != nil {
			return err
		}
		if _, err := el.Call("addEventListener", event, cb.Value()); err != nil {
			cb.Release()
			return err
		}
		release = append(release, func() { el.Call("removeEventListener", event, cb.Value()); cb.Release() })
		return nil
	}
	releaseAll := func() {
		for _, r := range release {
			r()
		}
	}
	err = errors.Join(
		add("dragenter", func(ev safejs.Value) { mark(ev, true) }),
		add("dragover", func(ev safejs.Value) {
			if mark(ev, true) {
				if dt, err := ev.Get("dataTransfer"); err == nil {
					dt.Set("dropEffect", "copy")
				}
			}
		}),
		add("dragleave", func(ev safejs.Value) { mark(ev, false) }),
		add("drop", func(ev safejs.Value) {
			if !mark(ev, false) {
				return
			}
			files, err := ev.Get("dataTransfer")
			if err == nil {
				files, err = files.Get("files")
			}
			readFirst(files, err, max, fn)
		}),
	)
	if err != nil {
		releaseAll()
		return func() {}, err
	}
	return releaseAll, nil
}

func onFilePick(button, input string, max int, fn func(File, error)) (func(), error) {
	btn, err := byID(button)
	if err != nil {
		return func() {}, err
	}
	in, err := byID(input)
	if err != nil {
		return func() {}, err
	}
	// The button opens the browser's file chooser in its own click, which
	// the browser requires of a chooser opened by a script.
	click, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		in.Call("click")
		return nil
	})
	if err != nil {
		return func() {}, err
	}
	change, err := safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		files, err := in.Get("files")
		readFirst(files, err, max, func(f File, err error) {
			in.Set("value", "") // the same file picked again is read again
			fn(f, err)
		})
		return nil
	})
	if err != nil {
		click.Release()
		return func() {}, err
	}
	release := func() {
		btn.Call("removeEventListener", "click", click.Value())
		in.Call("removeEventListener", "change", change.Value())
		click.Release()
		change.Release()
	}
	_, err1 := btn.Call("addEventListener", "click", click.Value())
	_, err2 := in.Call("addEventListener", "change", change.Value())
	if err := errors.Join(err1, err2); err != nil {
		release()
		return func() {}, err
	}
	return release, nil
}

// carriesFiles reports whether a drag event's data holds files.
func carriesFiles(ev safejs.Value) bool {
	dt, err := ev.Get("dataTransfer")
	if err != nil || dt.IsNull() || dt.IsUndefined() {
		return false
	}
	types, err := dt.Get("types")
	if err != nil || types.IsNull() || types.IsUndefined() {
		return false
	}
	n, err := types.Length()
	if err != nil {
		return false
	}
	for i := 0; i < n; i++ {
		t, err := types.Index(i)
		if err != nil {
			return false
		}
		if s, _ := t.String(); s == "Files" {
			return true
		}
	}
	return false
}

// readFirst reads the first of files (a FileList) as UTF-8 text, if it is
// at most max bytes, and calls fn with it once read. No file chosen (a
// cancelled pick) calls nothing.
func readFirst(files safejs.Value, err error, max int, fn func(File, error)) {
	if err != nil {
		fn(File{}, err)
		return
	}
	if files.IsNull() || files.IsUndefined() {
		return
	}
	if n, err := files.Length(); err != nil || n == 0 {
		return
	}
	file, err := files.Index(0)
	if err != nil {
		fn(File{}, err)
		return
	}
	var f File
	if v, err := file.Get("name"); err == nil {
		f.Name, _ = v.String()
	}
	if v, err := file.Get("size"); err == nil {
		f.Size, _ = v.Int()
	}
	if f.Size > max {
		fn(f, &TooLargeError{Name: f.Name, Size: f.Size, Max: max})
		return
	}
	promise, err := file.Call("text")
	if err != nil {
		fn(f, err)
		return
	}
	then(promise, func(v safejs.Value) {
		s, err := v.String()
		f.Text = s
		fn(f, err)
	}, func() { fn(f, errors.New("the browser could not read the file")) })
}

// setData sets (or, with "", removes) the element's data-name attribute.
func setData(el safejs.Value, name, value string) {
	ds, err := el.Get("dataset")
	if err != nil {
		return
	}
	if value == "" {
		ds.Delete(name)
		return
	}
	ds.Set(name, value)
}
