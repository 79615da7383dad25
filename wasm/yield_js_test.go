//go:build js && wasm

package wasm

import (
	"testing"

	"github.com/hack-pad/safejs"
)

// yieldToBrowser comes back in a later task: a task the host queued before
// the call has run by then.
func TestYieldToBrowserRunsQueuedTasks(t *testing.T) {
	ran := false
	cb, err := onceFunc(func() { ran = true })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := safejs.Global().Call("setTimeout", cb.Value(), 0); err != nil {
		t.Fatal(err)
	}
	yieldToBrowser()
	if !ran {
		t.Error("yieldToBrowser returned before the task queued ahead of it ran")
	}
}
