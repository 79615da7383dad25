// Command datapack rewrites the data section of WebAssembly modules in
// place so that they compress better (see package datapack):
//
//	go run ./wasm/cmd/datapack build/web/app.wasm build/web/engine.wasm
//
// build.sh runs it on every module it builds, before compressing them.
package main

import (
	"bytes"
	"fmt"
	"os"

	"cvq-playground/wasm/datapack"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: datapack module.wasm...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := pack(name); err != nil {
			fmt.Fprintf(os.Stderr, "datapack: %s: %v\n", name, err)
			os.Exit(1)
		}
	}
}

func pack(name string) error {
	in, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	out, st, err := datapack.Pack(in)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: %v\n", name, st)
	if bytes.Equal(out, in) {
		return nil // already packed: leave the file and its time alone
	}
	tmp := name + ".tmp"
	if err := os.WriteFile(tmp, out, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, name)
}
