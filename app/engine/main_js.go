//go:build js && wasm

package main

import (
	"syscall/js"

	"cvq-playground/app/docs"
)

// main hands the worker script (static/engine-worker.js) two things
// through the one global it set up for that, cvqEngineStart: the
// function that answers a JSON request with a JSON result, and the views'
// CSS. Then it waits for requests.
func main() {
	start := js.Global().Get("cvqEngineStart")
	if start.Type() != js.TypeFunction {
		return
	}
	start.Invoke(js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) != 1 || args[0].Type() != js.TypeString {
			return string(errorResult(0, "a request the engine cannot read"))
		}
		return string(answer([]byte(args[0].String())))
	}), docs.CSS)
	select {}
}
