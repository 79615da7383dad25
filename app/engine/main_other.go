//go:build !(js && wasm)

package main

import (
	"bufio"
	"os"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 64<<10), maxRequest+1)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		out.Write(answer(in.Bytes()))
		out.WriteByte('\n')
	}
}
