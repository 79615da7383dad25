package datapack

import (
	"bytes"
	"errors"
	"testing"
)

// module builds a module from sections (id, body), as a test's input.
func module(secs ...section) []byte {
	b := append([]byte(nil), header...)
	for _, s := range secs {
		b = appendSection(b, s.id, s.body)
	}
	return b
}

func dataSection(segs ...segment) section {
	return section{id: sectionData, body: appendSegments(nil, segs)}
}

func zeros(n int) []byte { return make([]byte, n) }

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// memoryOf decodes a module's data section and applies it.
func memoryOf(t *testing.T, m []byte) (image, int) {
	t.Helper()
	secs, err := readSections(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secs {
		if s.id == sectionData {
			segs, err := readSegments(s.body)
			if err != nil {
				t.Fatal(err)
			}
			img, err := imageOf(segs)
			if err != nil {
				t.Fatal(err)
			}
			return img, len(segs)
		}
	}
	return image{}, 0
}

func TestPackKeepsMemoryAndOtherSections(t *testing.T) {
	custom := section{id: 0, body: cat([]byte{4}, []byte("name"), []byte{1, 2, 3})}
	memory := section{id: 5, body: []byte{1, 0, 2}} // one memory, at least 2 pages
	in := module(
		custom,
		memory,
		dataSection(
			segment{offset: 4096, bytes: []byte{1, 2}},
			// 18 zeros later, as Go's tables come: joined.
			segment{offset: 4096 + 20, bytes: []byte{3, 4}},
			// Out of order, and more than MaxGap away: a segment of its own.
			segment{offset: 9000, bytes: cat([]byte{9}, zeros(3), []byte{9})},
			// Overlaps the first and writes zeros over its 2: the packed
			// memory must have the zero.
			segment{offset: 4097, bytes: []byte{0}},
			// Only zeros: nothing to write.
			segment{offset: 6000, bytes: zeros(40)},
			segment{offset: 9100, bytes: []byte{7}},
		),
		custom,
	)
	before, n := memoryOf(t, in)
	out, st, err := Pack(in)
	if err != nil {
		t.Fatal(err)
	}
	after, m := memoryOf(t, out)
	if !sameMemory(before, after) {
		t.Errorf("packed memory differs:\nbefore %d+%v\nafter  %d+%v", before.base, before.bytes[:64], after.base, after.bytes[:64])
	}
	if n != 6 || m != 3 || st.SegmentsBefore != 6 || st.SegmentsAfter != 3 {
		t.Errorf("segments %d → %d (stats %v), want 6 → 3", n, m, st)
	}
	got, err := readSections(out)
	if err != nil {
		t.Fatal(err)
	}
	want := []section{custom, memory, {id: sectionData}, custom}
	if len(got) != len(want) {
		t.Fatalf("%d sections, want %d", len(got), len(want))
	}
	for i, s := range got {
		if s.id != want[i].id || s.id != sectionData && !bytes.Equal(s.body, want[i].body) {
			t.Errorf("section %d = %d %v, want %d %v", i, s.id, s.body, want[i].id, want[i].body)
		}
	}
	if at := before.base + 1; after.bytes[at-after.base] != 0 {
		t.Errorf("byte %d = %d, want the zero written over it", at, after.bytes[at-after.base])
	}

	again, st2, err := Pack(out)
	if err != nil || !bytes.Equal(again, out) || st2.SegmentsAfter != 3 {
		t.Errorf("packing twice changed the module (%v, %v)", st2, err)
	}
}

// Offsets from 2 GiB up are negative i32.const operands.
func TestPackHighOffsets(t *testing.T) {
	in := module(dataSection(
		segment{offset: 1<<31 + 5, bytes: []byte{7, 0, 8}},
		segment{offset: 1<<31 + 300, bytes: []byte{9}},
	))
	before, _ := memoryOf(t, in)
	out, _, err := Pack(in)
	if err != nil {
		t.Fatal(err)
	}
	if after, n := memoryOf(t, out); !sameMemory(before, after) || n != 2 || after.base != 1<<31+5 {
		t.Errorf("packed: %d segments at %d, want the same memory in 2", n, after.base)
	}
}

func TestPackWithoutData(t *testing.T) {
	in := module(section{id: 1, body: []byte{0}})
	out, st, err := Pack(in)
	if err != nil || !bytes.Equal(out, in) || st != (Stats{}) {
		t.Errorf("Pack = %v, %v, %v; want the module unchanged", out, st, err)
	}
}

func TestPackRefusesOtherSegmentKinds(t *testing.T) {
	for name, body := range map[string][]byte{
		"passive":    {1, 1, 3, 'a', 'b', 'c'},
		"memory 1":   {1, 2, 1, 0x41, 0, 0x0b, 1, 'a'},
		"global.get": {1, 0, 0x23, 0, 0x0b, 1, 'a'},
		"i32.add":    {1, 0, 0x41, 0, 0x41, 1, 0x6a, 0x0b, 1, 'a'},
	} {
		_, _, err := Pack(module(section{id: sectionData, body: body}))
		if !errors.Is(err, ErrUnsupported) {
			t.Errorf("%s: err = %v, want ErrUnsupported", name, err)
		}
	}
	// Code that names segments by index (memory.init, data.drop) comes
	// with a data count section; renumbering them would break it.
	withCount := module(section{id: sectionDataCount, body: []byte{1}}, dataSection(segment{offset: 8, bytes: []byte{1}}))
	if _, _, err := Pack(withCount); !errors.Is(err, ErrUnsupported) {
		t.Errorf("with a data count section: err = %v, want ErrUnsupported", err)
	}
}

func TestPackRejectsMalformed(t *testing.T) {
	good := module(dataSection(segment{offset: 8, bytes: []byte{1, 2, 3}}))
	// Cut anywhere but right after the header (an empty module), the
	// module is malformed.
	for i := range len(good) {
		if _, _, err := Pack(good[:i]); (err == nil) != (i == headerSize) {
			t.Errorf("Pack(first %d of %d bytes): err = %v", i, len(good), err)
		}
	}
	for name, m := range map[string][]byte{
		"not wasm":         []byte("hello, world"),
		"section too long": cat(header, []byte{11, 50, 0}),
		"segment too long": module(section{id: sectionData, body: []byte{1, 0, 0x41, 0, 0x0b, 9, 1}}),
		"bytes after":      module(section{id: sectionData, body: []byte{0, 7}}),
		"span too large":   module(dataSection(segment{offset: 0, bytes: []byte{1}}, segment{offset: 1 << 30, bytes: []byte{1}})),
	} {
		if _, _, err := Pack(m); err == nil {
			t.Errorf("%s: Pack accepted it", name)
		}
	}
}

func TestSegmentsKeepsTheLimit(t *testing.T) {
	var b []byte
	for range 50 {
		b = append(b, 1)
		b = append(b, zeros(MaxGap)...)
	}
	img := image{base: 100, bytes: b}
	segs := img.segments(MaxGap, 10)
	if len(segs) != 10 {
		t.Fatalf("%d segments, want 10", len(segs))
	}
	got, err := imageOf(segs)
	if err != nil || !sameMemory(got, img) {
		t.Errorf("memory differs after joining the last segments (%v)", err)
	}
	if n := len(img.segments(MaxGap, 0)); n != 50 {
		t.Errorf("without a limit: %d segments, want 50", n)
	}
	if n := len(img.segments(MaxGap+1, 0)); n != 1 {
		t.Errorf("gaps of MaxGap zeros joined: %d segments, want 1", n)
	}
}

func TestLeb128(t *testing.T) {
	for _, v := range []int64{0, 1, 63, 64, -1, -64, -65, 127, 128, 1<<31 - 1, -1 << 31} {
		b := appendSleb(nil, v)
		got, n, err := readSleb32(b)
		if err != nil || int64(got) != v || n != len(b) {
			t.Errorf("sleb %d: % x read as %d (%d bytes, %v)", v, b, got, n, err)
		}
	}
	for _, v := range []uint64{0, 1, 127, 128, 1 << 20, 1<<64 - 1} {
		b := appendUleb(nil, v)
		got, n, err := readUleb(b)
		if err != nil || got != v || n != len(b) {
			t.Errorf("uleb %d: % x read as %d (%d bytes, %v)", v, b, got, n, err)
		}
	}
	if _, _, err := readSleb32(appendSleb(nil, 1<<31)); err == nil {
		t.Error("readSleb32 accepted 1<<31")
	}
}

func FuzzPack(f *testing.F) {
	f.Add(module(dataSection(segment{offset: 16, bytes: []byte{1, 0, 0, 2}}, segment{offset: 3, bytes: []byte{5}})))
	f.Add(module(section{id: 1, body: []byte{0}}))
	f.Fuzz(func(t *testing.T, in []byte) {
		out, _, err := Pack(in)
		if err != nil {
			return
		}
		before, _ := memoryOf(t, in)
		after, _ := memoryOf(t, out)
		if !sameMemory(before, after) {
			t.Fatal("packed memory differs")
		}
		again, _, err := Pack(out)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("packing twice changed the module (%v)", err)
		}
	})
}
