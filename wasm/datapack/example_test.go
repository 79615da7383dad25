package datapack_test

import (
	"fmt"

	"cvq-playground/wasm/datapack"
)

func ExamplePack() {
	module := []byte{
		0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00, // header
		11, 19, // the data section, 19 bytes
		3,                                   // three segments, each active at i32.const offset:
		0x00, 0x41, 0x10, 0x0b, 2, 'C', 'V', // "CV" at 16
		0x00, 0x41, 0x14, 0x0b, 1, 'Q', // "Q" at 20, two zeros after "CV"
		0x00, 0x41, 0x12, 0x0b, 0, // nothing at 18
	}
	packed, stats, err := datapack.Pack(module)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(stats)
	fmt.Printf("% x\n", packed[8:])
	// Output:
	// data segments 3 → 1, data section 19 → 11 bytes
	// 0b 0b 01 00 41 10 0b 05 43 56 00 00 51
}
