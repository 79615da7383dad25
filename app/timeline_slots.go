package main

import "math"

// slot is one of the evenly spaced places on the release timeline: a
// build's tick (Build ≥ 0) or the half-way point between two builds, with
// the marks that fall there.
type slot struct {
	Build int
	Marks []mark
}

// timelineSlots lays n builds and the marks out on 2(n-1)+1 evenly spaced
// slots, so that the stylesheet places them (a flex row, spaced between)
// and the page needs no style attribute, which a strict Content Security
// Policy refuses. timelinePos puts every mark on a build or half way
// between two, so each lands exactly on a slot.
func timelineSlots(n int, marks []mark) []slot {
	count := 2*(n-1) + 1
	if n < 2 {
		count = 3 // one build or none: it sits in the middle
	}
	slots := make([]slot, count)
	for k := range slots {
		slots[k].Build = -1
		if n >= 2 && k%2 == 0 {
			slots[k].Build = k / 2
		}
	}
	if n == 1 {
		slots[1].Build = 0
	}
	for _, m := range marks {
		k := int(math.Round(m.Pos / 100 * float64(count-1)))
		k = min(max(k, 0), count-1)
		slots[k].Marks = append(slots[k].Marks, m)
	}
	return slots
}
