//go:build js && wasm

package wasm

import (
	"errors"

	"github.com/hack-pad/safejs"
)

func deflateRaw(data []byte, done func([]byte, error)) {
	fail := func(err error) { done(nil, err) }
	ctor, err := get("CompressionStream")
	if err != nil {
		fail(err)
		return
	}
	cs, err := ctor.New("deflate-raw")
	if err != nil {
		fail(err)
		return
	}
	u8, err := get("Uint8Array")
	if err != nil {
		fail(err)
		return
	}
	chunk, err := u8.New(len(data))
	if err != nil {
		fail(err)
		return
	}
	if _, err := safejs.CopyBytesToJS(chunk, data); err != nil {
		fail(err)
		return
	}
	writable, _ := cs.Get("writable")
	writer, err := writable.Call("getWriter")
	if err != nil {
		fail(err)
		return
	}
	writer.Call("write", chunk)
	writer.Call("close")
	readable, _ := cs.Get("readable")
	respCtor, err := get("Response")
	if err != nil {
		fail(err)
		return
	}
	resp, err := respCtor.New(readable)
	if err != nil {
		fail(err)
		return
	}
	promise, err := resp.Call("arrayBuffer")
	if err != nil {
		fail(err)
		return
	}
	then(promise, func(buf safejs.Value) {
		arr, err := u8.New(buf)
		if err != nil {
			fail(err)
			return
		}
		n, _ := arr.Length()
		out := make([]byte, n)
		if _, err := safejs.CopyBytesToGo(out, arr); err != nil {
			fail(err)
			return
		}
		done(out, nil)
	}, func() { fail(errors.New("the browser could not compress the link")) })
}
