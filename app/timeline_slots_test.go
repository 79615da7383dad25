package main

import (
	"testing"

	"cvq-playground/protocol"
)

func TestTimelineSlots(t *testing.T) {
	builds := timelineBuilds("MSNMSGR")
	v := func(s string) mark {
		pv, _ := protocol.ParseVersion(s)
		return mark{Label: s, Version: s, Pos: timelinePos(builds, pv)}
	}
	marks := []mark{v(builds[0].Version), v("99.0.0000"), v(builds[1].Version), v("6.0.0610")}
	slots := timelineSlots(len(builds), marks)
	if len(slots) != 2*len(builds)-1 {
		t.Fatalf("%d slots for %d builds, want %d", len(slots), len(builds), 2*len(builds)-1)
	}
	at := map[string]int{}
	for k, s := range slots {
		if want := map[bool]int{true: k / 2, false: -1}[k%2 == 0]; s.Build != want {
			t.Errorf("slot %d holds build %d, want %d", k, s.Build, want)
		}
		for _, m := range s.Marks {
			at[m.Label] = k
		}
	}
	if at[builds[0].Version] != 0 || at["99.0.0000"] != len(slots)-1 || at[builds[1].Version] != 2 {
		t.Errorf("marks at %v: want the first build at 0, past the last at %d, the second build at 2", at, len(slots)-1)
	}
	// A version between two builds sits on the odd slot between them.
	if k := at["6.0.0610"]; k%2 != 1 {
		t.Errorf("6.0.0610 at slot %d, want a slot between two builds", k)
	}
	if s := timelineSlots(1, []mark{{Label: "x", Pos: 50}}); len(s) != 3 || s[1].Build != 0 || len(s[1].Marks) != 1 {
		t.Errorf("one build: %+v, want it and its mark in the middle of three slots", s)
	}
}
