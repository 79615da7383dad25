//go:build js && wasm

package wasm

import (
	"errors"

	"github.com/hack-pad/safejs"
)

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
