package protocol_test

import (
	"os"
	"reflect"
	"testing"

	"cvq-playground/protocol"
	"cvq-playground/protocol/internal/presetgen"
)

// The built-in policies are written in presets/*.json and generated into
// presets_gen.go as Go values; after editing a JSON file, run
// go generate ./protocol.
func TestPresetsGenerated(t *testing.T) {
	want, err := presetgen.Source("presets")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile("presets_gen.go"); string(got) != string(want) {
		t.Error("presets_gen.go is out of date: run go generate ./protocol")
	}
	for _, name := range protocol.PresetNames() {
		data, err := os.ReadFile("presets/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		fromJSON, err := protocol.DecodePolicy(data)
		if err != nil {
			t.Fatalf("presets/%s.json: %v", name, err)
		}
		if got, err := protocol.Preset(name); err != nil || !reflect.DeepEqual(got, fromJSON) {
			t.Errorf("preset %s differs from presets/%s.json (err %v): run go generate ./protocol", name, name, err)
		}
	}
}
