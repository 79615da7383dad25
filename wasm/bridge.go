// Package wasm bridges the browser APIs that go-app does not wrap:
// clipboard, colour-scheme preference, history and messages to a parent
// frame. Every call returns an error instead of panicking; outside a
// browser every call returns ErrUnavailable, so that native builds and
// tests of the page compile and run.
package wasm

import "errors"

// ErrUnavailable is returned where there is no browser API to call.
var ErrUnavailable = errors.New("not available outside a browser")
