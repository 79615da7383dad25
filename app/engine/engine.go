// Command engine is the documentation engine: the CVQ engine alone (no
// go-app), built as engine.wasm and run once per documentation page in a
// worker of the engine frame (static/engine.html), which answers every
// example of the page. Natively it reads one JSON request per line on
// stdin and writes one JSON result per line, the same exchange.
package main

import (
	"bytes"
	"encoding/json"

	"cvq-playground/app/docs"
)

// maxRequest bounds a request (the lines of one example, JSON-encoded);
// maxBatch a batch of them.
const (
	maxRequest = 4 << 20
	maxBatch   = 4 * maxRequest
)

// answer decodes a docs.Request and returns its docs.Result as JSON; or,
// given a JSON array of requests (the examples that came into view
// together), the array of their results, in order: one message for
// them all instead of one each.
func answer(req []byte) []byte {
	if t := bytes.TrimLeft(req, " \t\r\n"); len(t) > 0 && t[0] == '[' && len(req) <= maxBatch {
		var batch []json.RawMessage
		if err := json.Unmarshal(req, &batch); err == nil && len(batch) > 0 {
			out := []byte{'['}
			for i, r := range batch {
				if i > 0 {
					out = append(out, ',')
				}
				out = append(out, answerOne(r)...)
			}
			return append(out, ']')
		}
	}
	return answerOne(req)
}

// answerOne answers one request.
func answerOne(req []byte) []byte {
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
