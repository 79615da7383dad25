//go:build ignore

// gen_presets writes presets_gen.go from presets/*.json; go generate runs
// it (see presets.go).
package main

import (
	"log"
	"os"

	"cvq-playground/protocol/internal/presetgen"
)

func main() {
	src, err := presetgen.Source("presets")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("presets_gen.go", src, 0o644); err != nil {
		log.Fatal(err)
	}
}
