//go:build js && wasm

package wasm

import (
	"github.com/hack-pad/safejs"
)

// A stand-in is the prerendered copy of a pane drawn later: the same
// elements in the same places, without the page's handlers. Its uses are
// caught on the slot that holds it and carried over to the drawn pane by
// the element's place, the child indexes from the pane's root.

// useEvents are the events a stand-in's slot listens to, in the capture
// phase: a press, so that the focus a press gives waits for its click
// and the press can be carried over (see carryPress); the click; a focus
// from the keyboard.
var useEvents = []string{"pointerdown", "click", "focusin"}

// pressEnds are the events, on the document, that end a press.
var pressEnds = []string{"pointerup", "pointercancel"}

func watchStandIn(id, sel string, need func(replay func())) (func(), error) {
	noop := func() {}
	slot, err := byID(id)
	if err != nil {
		return noop, err
	}
	doc, err := get("document")
	if err != nil {
		return noop, err
	}
	var press []int // where a press in progress began, nil when none
	onUse, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) == 0 {
			return nil
		}
		ev := args[0]
		kind := stringOf(ev, "type")
		target, err := ev.Get("target")
		if err != nil {
			return nil
		}
		root, err := slot.Get("firstElementChild")
		if err != nil || root.IsNull() {
			return nil
		}
		place := placeOf(root, target)
		if kind == "pointerdown" {
			press = place
			return nil
		}
		if kind == "focusin" && press != nil {
			return nil // the click follows
		}
		focused := kind == "focusin"
		if kind == "click" {
			ev.Call("preventDefault")
			ev.Call("stopPropagation")
			if active, err := doc.Get("activeElement"); err == nil {
				focused = active.Equal(target)
			}
		}
		need(func() { replayUse(doc, sel, place, target, focused, kind == "click") })
		return nil
	})
	if err != nil {
		return noop, err
	}
	onView, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) > 0 && anyIntersecting(args[0]) {
			if len(args) > 1 {
				args[1].Call("disconnect")
			}
			need(nil)
		}
		return nil
	})
	if err != nil {
		onUse.Release()
		return noop, err
	}
	var observer safejs.Value
	if ctor, err := get("IntersectionObserver"); err == nil {
		// A quarter of a screen above and below the view: drawn, a short
		// task, before it is seen.
		opts, _ := safejs.ValueOf(map[string]any{"rootMargin": "25% 0px"})
		if observer, err = ctor.New(onView.Value(), opts); err == nil {
			// The stand-in itself: a slot may have no box of its own.
			watched := slot
			if root, err := slot.Get("firstElementChild"); err == nil && !root.IsNull() {
				watched = root
			}
			observer.Call("observe", watched)
		}
	}
	// A press ends before its click, in the same task: the click still
	// finds a press to follow.
	carrying := false
	var onEnd safejs.Func
	stopEnd := func() {
		for _, e := range pressEnds {
			doc.Call("removeEventListener", e, onEnd.Value(), true)
		}
		onEnd.Release()
	}
	onEnd, err = safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if carrying {
			stopEnd()
			if len(args) > 0 && stringOf(args[0], "type") == "pointerup" {
				carryPress(doc, sel, press, args[0])
			}
		}
		press = nil
		return nil
	})
	if err != nil {
		onUse.Release()
		onView.Release()
		return noop, err
	}
	for _, e := range useEvents {
		slot.Call("addEventListener", e, onUse.Value(), true)
	}
	for _, e := range pressEnds {
		doc.Call("addEventListener", e, onEnd.Value(), true)
	}
	released := false
	return func() {
		if released {
			return
		}
		released = true
		if yes, _ := observer.Truthy(); yes {
			observer.Call("disconnect")
		}
		for _, e := range useEvents {
			slot.Call("removeEventListener", e, onUse.Value(), true)
		}
		onUse.Release()
		onView.Release()
		if press != nil {
			carrying = true // until the press ends
		} else {
			stopEnd()
		}
	}, nil
}

// carryPress ends a press begun on a stand-in that the drawn pane
// replaced meanwhile: the browser clicks nothing, the element pressed
// being gone. Released (up) over the control at the same place in the
// pane sel, the press clicks it, unless the browser did.
func carryPress(doc safejs.Value, sel string, place []int, up safejs.Value) {
	el, ok := placedIn(doc, sel, place)
	if !ok {
		return
	}
	target, err := up.Get("target")
	if err != nil {
		return
	}
	over, err := el.Call("contains", target)
	if yes, _ := over.Truthy(); err != nil || !yes {
		return
	}
	clicked := false
	var onClick safejs.Func
	onClick, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		clicked = true
		return nil
	})
	if err != nil {
		return
	}
	doc.Call("addEventListener", "click", onClick.Value(), true)
	// A click the browser sends comes in the task of the release, before
	// this timer.
	later, err := onceFunc(func() {
		doc.Call("removeEventListener", "click", onClick.Value(), true)
		onClick.Release()
		if !clicked {
			el.Call("focus")
			el.Call("click")
		}
	})
	if err != nil {
		doc.Call("removeEventListener", "click", onClick.Value(), true)
		onClick.Release()
		return
	}
	if win, err := get("window"); err == nil {
		win.Call("setTimeout", later.Value(), 0)
	}
}

// anyIntersecting reports whether an IntersectionObserver's entries say
// the target is in the observed area.
func anyIntersecting(entries safejs.Value) bool {
	n, err := entries.Length()
	if err != nil {
		return false
	}
	for i := range n {
		e, err := entries.Index(i)
		if err != nil {
			continue
		}
		if v, err := e.Get("isIntersecting"); err == nil {
			if yes, _ := v.Truthy(); yes {
				return true
			}
		}
	}
	return false
}

// placeOf is the child indexes from root down to el; nil when el is root
// or not inside it.
func placeOf(root, el safejs.Value) []int {
	var place []int
	for {
		if el.Equal(root) {
			break
		}
		parent, err := el.Get("parentElement")
		if err != nil || parent.IsNull() || parent.IsUndefined() {
			return nil
		}
		i := 0
		for sib, err := el.Get("previousElementSibling"); err == nil && !sib.IsNull() && !sib.IsUndefined(); sib, err = sib.Get("previousElementSibling") {
			i++
		}
		place = append(place, i)
		el = parent
	}
	for i, j := 0, len(place)-1; i < j; i, j = i+1, j-1 {
		place[i], place[j] = place[j], place[i]
	}
	return place
}

// atPlace is the element at place under root.
func atPlace(root safejs.Value, place []int) (safejs.Value, bool) {
	el := root
	for _, i := range place {
		children, err := el.Get("children")
		if err != nil {
			return el, false
		}
		if el, err = children.Index(i); err != nil || el.IsNull() || el.IsUndefined() {
			return el, false
		}
	}
	return el, true
}

// placedIn is the element at place in the drawn pane sel, if both are
// in the page.
func placedIn(doc safejs.Value, sel string, place []int) (safejs.Value, bool) {
	root, err := doc.Call("querySelector", sel)
	if err != nil || root.IsNull() {
		return root, false
	}
	return atPlace(root, place)
}

// replayUse carries a use of a stand-in's element old over to the element
// at the same place in the drawn pane sel: its value, if it was typed
// into, then the focus and the click.
func replayUse(doc safejs.Value, sel string, place []int, old safejs.Value, focus, click bool) {
	el, ok := placedIn(doc, sel, place)
	if !ok {
		return
	}
	carryValue(old, el)
	if focus {
		el.Call("focus")
	}
	if click {
		el.Call("click")
	}
}

// carryValue gives el the value or check typed into old, and tells the
// page as typing would.
func carryValue(old, el safejs.Value) {
	for _, prop := range []string{"value", "checked"} {
		was, err := old.Get(prop)
		if err != nil || was.IsUndefined() {
			continue
		}
		now, err := el.Get(prop)
		if err != nil || now.IsUndefined() {
			continue
		}
		if was.Equal(now) {
			continue
		}
		if el.Set(prop, was) != nil {
			continue
		}
		for _, name := range []string{"input", "change"} {
			if ctor, err := get("Event"); err == nil {
				opts, _ := safejs.ValueOf(map[string]any{"bubbles": true})
				if ev, err := ctor.New(name, opts); err == nil {
					el.Call("dispatchEvent", ev)
				}
			}
		}
	}
}

// stringOf reads a string property, "" when missing.
func stringOf(v safejs.Value, name string) string {
	p, err := v.Get(name)
	if err != nil || p.IsUndefined() || p.IsNull() {
		return ""
	}
	s, _ := p.String()
	return s
}
