//go:build js && wasm

package wasm

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
