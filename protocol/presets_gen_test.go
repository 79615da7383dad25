package protocol

import (
	"fmt"
	"go/format"
	"os"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The built-in policies are written in presets/*.json and compiled into
// presets_gen.go as Go values, so that a program starts without decoding
// JSON. This test keeps the two the same; after editing a JSON file, run
// go test ./protocol -run TestPresetsGenerated -update.
func TestPresetsGenerated(t *testing.T) {
	var b strings.Builder
	b.WriteString("// Code generated from presets/*.json by go test ./protocol -run TestPresetsGenerated -update. DO NOT EDIT.\n\n")
	b.WriteString("package protocol\n\n")
	b.WriteString("// builtinPresets makes a fresh copy of each built-in policy.\n")
	b.WriteString("var builtinPresets = map[string]func() *Policy{\n")
	for _, name := range presetOrder {
		data, err := os.ReadFile("presets/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		want, err := DecodePolicy(data)
		if err != nil {
			t.Fatalf("presets/%s.json: %v", name, err)
		}
		if want.Name != name {
			t.Errorf("presets/%s.json names itself %q", name, want.Name)
		}
		fmt.Fprintf(&b, "%q: func() *Policy {\nreturn &", name)
		writeLiteral(&b, reflect.ValueOf(*want), false)
		b.WriteString("\n},\n")
		if got, err := Preset(name); err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("preset %s differs from presets/%s.json (err %v): regenerate presets_gen.go with -update", name, name, err)
		}
	}
	b.WriteString("}\n")
	src, err := format.Source([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("presets_gen.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if old, _ := os.ReadFile("presets_gen.go"); string(old) != string(src) {
		t.Error("presets_gen.go is out of date: run go test ./protocol -run TestPresetsGenerated -update")
	}
	if len(builtinPresets) != len(presetOrder) {
		t.Errorf("%d generated presets for %d names", len(builtinPresets), len(presetOrder))
	}
}

// writeLiteral writes v as a Go composite literal of this package: its
// exported, non-zero fields. elide leaves out the type of a slice's
// struct elements.
func writeLiteral(b *strings.Builder, v reflect.Value, elide bool) {
	typ := strings.ReplaceAll(v.Type().String(), "protocol.", "")
	switch v.Kind() {
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	case reflect.Int:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Uint8:
		if r, ok := v.Interface().(VERReply); ok && r == VERReplyEcho {
			b.WriteString("VERReplyEcho")
			break
		}
		b.WriteString(typ + "(" + strconv.FormatUint(v.Uint(), 10) + ")")
	case reflect.Pointer:
		b.WriteString("&")
		writeLiteral(b, v.Elem(), false)
	case reflect.Slice:
		b.WriteString(typ + "{")
		for i := 0; i < v.Len(); i++ {
			writeLiteral(b, v.Index(i), true)
			b.WriteString(", ")
		}
		b.WriteString("}")
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		b.WriteString(typ + "{\n")
		for _, k := range keys {
			writeLiteral(b, k, false)
			b.WriteString(": ")
			writeLiteral(b, v.MapIndex(k), true)
			b.WriteString(",\n")
		}
		b.WriteString("}")
	case reflect.Struct:
		if !elide {
			b.WriteString(typ)
		}
		b.WriteString("{\n")
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() || v.Field(i).IsZero() {
				continue
			}
			b.WriteString(f.Name + ": ")
			writeLiteral(b, v.Field(i), false)
			b.WriteString(",\n")
		}
		b.WriteString("}")
	default:
		panic("writeLiteral: unexpected " + v.Kind().String())
	}
}
