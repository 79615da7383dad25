package protocol

import (
	"fmt"
	"sort"
	"strings"
)

// The built-in policies are written in presets/*.json; presets_gen.go
// holds them as Go values, so that the page starts without decoding JSON.
// A test checks that it is up to date.

//go:generate go run gen_presets.go

// DefaultPreset names the policy used when none is chosen.
const DefaultPreset = "msnp-wiki"

// presetOrder lists the built-in policies by date, a timeline of the
// service; a year alone ("2008") comes after the months its sources rule
// out.
var presetOrder = []string{
	"msn-2002-10", "msn-2003-09", "msnp-wiki", "msn-2006-03", "msn-2006-12", "msn-2007-06",
	"msn-2008-01", "msn-2008", "msn-2009-06", "msn-2009-08", "msn-2010-03",
}

// PresetNames returns the names of the built-in policies by date.
func PresetNames() []string { return append([]string(nil), presetOrder...) }

// Preset returns a fresh, compiled copy of the built-in policy name.
func Preset(name string) (*Policy, error) {
	mk, ok := builtinPresets[name]
	if !ok {
		known := PresetNames()
		sort.Strings(known)
		return nil, fmt.Errorf("unknown preset %q (known: %s)", name, strings.Join(known, ", "))
	}
	p := mk()
	if err := p.Compile(); err != nil {
		panic("protocol: built-in preset " + name + ": " + err.Error())
	}
	return p, nil
}

// Presets returns every built-in policy by date.
func Presets() []*Policy {
	out := make([]*Policy, 0, len(presetOrder))
	for _, n := range presetOrder {
		p, _ := Preset(n)
		out = append(out, p)
	}
	return out
}
