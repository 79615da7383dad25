//go:build !(js && wasm)

package wasm

const hasPerformance = false
