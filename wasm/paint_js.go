//go:build js && wasm

package wasm

import (
	"time"

	"github.com/hack-pad/safejs"
)

func awaitPaintRecorded(max time.Duration) error {
	ctor, err := get("PerformanceObserver")
	if err != nil {
		return err
	}
	win, err := get("window")
	if err != nil {
		return err
	}
	// A hidden page paints nothing: nothing to wait for.
	if v, err := get("document", "visibilityState"); err == nil {
		if s, err := v.String(); err == nil && s == "hidden" {
			return nil
		}
	}
	// The first contentful paint is reported synchronously, once its
	// frame was presented; the prerendered page paints its first screen
	// whole in that frame, so when it is two frames old, its largest
	// paint is recorded too, and nothing larger is pending.
	if perf, err := get("performance"); err == nil {
		if fcp, err := perf.Call("getEntriesByName", "first-contentful-paint"); err == nil {
			if n := lengthOf(fcp); n > 0 && paintedBefore(fcp, n, 40) {
				yieldToBrowser()
				return nil
			}
		}
	}
	done := make(chan struct{})
	finished := false
	finish := func() {
		if !finished {
			finished = true
			close(done)
		}
	}
	seen := 0
	onEntries, err := safejs.FuncOf(func(_ safejs.Value, args []safejs.Value) any {
		if len(args) == 0 {
			return nil
		}
		entries, err := args[0].Call("getEntries")
		if err != nil {
			return nil
		}
		n := lengthOf(entries)
		seen += n
		// The buffered entries come in a task of their own, soon after
		// observe: a paint recorded well before ends the wait there.
		if n > 0 && paintedBefore(entries, n, 40) {
			finish()
		}
		return nil
	})
	if err != nil {
		return err
	}
	defer onEntries.Release()
	obs, err := ctor.New(onEntries.Value())
	if err != nil {
		return err
	}
	defer obs.Call("disconnect")
	opts, err := safejs.ValueOf(map[string]any{"type": "largest-contentful-paint", "buffered": true})
	if err != nil {
		return err
	}
	if _, err := obs.Call("observe", opts); err != nil {
		return err
	}
	// Where the browser recorded the paint well before (the usual case:
	// the page painted while app.wasm was downloading and compiling), it
	// is done: an entry is made only once its frame was presented, and
	// the last is older than two frames, so no larger paint is pending.
	// Some browsers have the buffered entries here already; Chromium
	// delivers them in a task after observe (onEntries above).
	if recs, err := obs.Call("takeRecords"); err == nil {
		seen = lengthOf(recs)
		if seen > 0 && paintedBefore(recs, seen, 40) {
			yieldToBrowser()
			return nil
		}
	}
	// Else each frame compares the entries seen with the previous frame's.
	last := -1
	if seen > 0 {
		last = seen
	}
	var frame safejs.Value // the pending request, cancelled on the way out
	var onFrame safejs.Func
	onFrame, err = safejs.FuncOf(func(safejs.Value, []safejs.Value) any {
		if finished {
			return nil
		}
		if seen > 0 && seen == last {
			finish()
			return nil
		}
		last = seen
		frame, _ = win.Call("requestAnimationFrame", onFrame.Value())
		return nil
	})
	if err != nil {
		return err
	}
	defer onFrame.Release()
	if frame, err = win.Call("requestAnimationFrame", onFrame.Value()); err != nil {
		return err
	}
	select {
	case <-done:
	case <-time.After(max):
		finished = true
	}
	// The entries may end the wait with a frame still requested.
	win.Call("cancelAnimationFrame", frame)
	return nil
}

// yieldToBrowser returns in a later task of the browser, so that what
// follows the wait (go-app's first render) is a task of its own, not one
// long task with the start. A Go timer does not do it: the runtime's
// first turns through its scheduler, compiled on their first call,
// outlast a short sleep, and the goroutine runs on in the same task.
// scheduler.postTask at "user-blocking" priority where the browser has
// it puts the start before other queued work; elsewhere a timer.
func yieldToBrowser() {
	done := make(chan struct{})
	cb, err := onceFunc(func() { close(done) })
	if err != nil {
		return
	}
	if sched, err := get("scheduler"); err == nil {
		if opts, err := safejs.ValueOf(map[string]any{"priority": "user-blocking"}); err == nil {
			if _, err := sched.Call("postTask", cb.Value(), opts); err == nil {
				<-done
				return
			}
		}
	}
	if _, err := safejs.Global().Call("setTimeout", cb.Value(), 0); err != nil {
		cb.Release()
		return
	}
	<-done
}

// lengthOf is the length of the array v, 0 if it has none.
func lengthOf(v safejs.Value) int {
	l, err := v.Get("length")
	if err != nil {
		return 0
	}
	n, _ := l.Int()
	return n
}

// paintedBefore reports whether the last of the n entries in recs started
// at least ms milliseconds ago.
func paintedBefore(recs safejs.Value, n int, ms float64) bool {
	last, err := recs.Index(n - 1)
	if err != nil {
		return false
	}
	start, err := last.Get("startTime")
	if err != nil {
		return false
	}
	t, err := start.Float()
	if err != nil {
		return false
	}
	perf, err := get("performance")
	if err != nil {
		return false
	}
	v, err := perf.Call("now")
	if err != nil {
		return false
	}
	now, err := v.Float()
	return err == nil && now-t >= ms
}
