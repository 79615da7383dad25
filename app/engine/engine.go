// Command engine is the documentation engine: the CVQ engine alone (no
// go-app), built as engine.wasm and run once per documentation page in a
// worker of the engine frame (static/engine.html), which answers every
// example of the page. Natively it reads one JSON request per line on
// stdin and writes one JSON result per line, the same exchange.
package main

import (
	"encoding/json"

	"cvq-playground/app/docs"
)

// maxRequest bounds a request (the lines of one example, JSON-encoded).
const maxRequest = 4 << 20

// answer decodes a docs.Request and returns its docs.Result as JSON.
func answer(req []byte) []byte {
	var r docs.Request
	if len(req) > maxRequest {
		return errorResult(0, "the example is too large (over 4 MiB)")
	}
	if err := json.Unmarshal(req, &r); err != nil {
		return errorResult(0, "a request the engine cannot read")
	}
	res := docs.Answer(r)
	out, err := json.Marshal(&res)
	if err != nil {
		return errorResult(r.ID, "the engine could not write its answer")
	}
	return out
}

func errorResult(id int, msg string) []byte {
	out, _ := json.Marshal(&docs.Result{ID: id, Error: msg, Rows: []docs.Row{}})
	return out
}
