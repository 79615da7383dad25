//go:build js && wasm

package wasm

// node has a global performance object.
const hasPerformance = true
