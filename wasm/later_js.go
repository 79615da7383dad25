//go:build js && wasm

package wasm

import (
	"fmt"
	"time"

	"github.com/hack-pad/safejs"
)

// kept are the prerendered elements held by keepPrerendered, by selector.
var kept = map[string]safejs.Value{}

func keepPrerendered(selectors ...string) error {
	doc, err := get("document")
	if err != nil {
		return err
	}
	for _, sel := range selectors {
		el, err := doc.Call("querySelector", sel)
		if err != nil {
			return err
		}
		if el.IsNull() || el.IsUndefined() {
			return fmt.Errorf("no element %s in the prerendered page", sel)
		}
		kept[sel] = el
	}
	return nil
}

func showPrerendered(selector, id string, visible bool) error {
	el, ok := kept[selector]
	if !ok {
		return fmt.Errorf("no prerendered element %s kept", selector)
	}
	delete(kept, selector)
	slot, err := byID(id)
	if err != nil {
		return err
	}
	if !visible {
		// Stale: it only holds the room of the pane to come.
		if err := el.Set("inert", true); err != nil {
			return err
		}
		style, err := el.Get("style")
		if err != nil {
			return err
		}
		if err := style.Set("visibility", "hidden"); err != nil {
			return err
		}
	}
	_, err = slot.Call("appendChild", el)
	return err
}

func whenIdle(timeout time.Duration, fn func()) error {
	win, err := get("window")
	if err != nil {
		return err
	}
	cb, err := onceFunc(fn)
	if err != nil {
		return err
	}
	ms := int(timeout / time.Millisecond)
	if ric, err := win.Get("requestIdleCallback"); err == nil && !ric.IsUndefined() {
		opts, err := safejs.ValueOf(map[string]any{"timeout": ms})
		if err == nil {
			if _, err = win.Call("requestIdleCallback", cb.Value(), opts); err == nil {
				return nil
			}
		}
	}
	// Safari has no requestIdleCallback.
	_, err = win.Call("setTimeout", cb.Value(), min(ms, 50))
	if err != nil {
		cb.Release()
	}
	return err
}
