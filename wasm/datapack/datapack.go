// Package datapack rewrites the data section of a WebAssembly module so
// that it compresses better, leaving the memory it initialises and every
// other section exactly as they were.
//
// Go's linker writes a data segment for every run of non-zero bytes it
// finds in the program's initial memory, up to 100,000 segments. A
// segment's header (its flags, its offset as an i32.const expression and
// its length) takes 5 to 10 bytes, and since each offset differs, those
// headers compress poorly: in the playground's app.wasm they are 0.8 MB
// of the 3.6 MB data section and about 100 KB of its brotli copy. Pack
// applies the segments to an image of the memory and writes it again as
// few segments, each spanning the zero gaps shorter than MaxGap: zeros
// cost brotli and gzip almost nothing, and memory starts zeroed, so the
// instance is the same byte for byte.
//
// Only what Go's linker writes is rewritten: active segments of memory 0
// with an i32.const offset, and no data count section (which a module
// has when its code names segments by index, as memory.init does). Any
// other module is refused with ErrUnsupported.
package datapack

import (
	"errors"
	"fmt"
)

// MaxGap ends a packed segment: it spans runs of fewer zeros than this,
// and a run of MaxGap zeros or more starts the next. A segment header
// costs more than that many zeros once compressed, and a module with
// fewer segments is no slower to compile or instantiate.
const MaxGap = 64

// MaxSegments is the most data segments a browser accepts in a module
// (the limit of WebAssembly's JavaScript API, which Go's linker keeps too).
const MaxSegments = 100_000

// ErrUnsupported is returned for a module whose data segments Pack does
// not rewrite: passive segments, another memory, an offset that is not an
// i32.const, or a data count section.
var ErrUnsupported = errors.New("datapack: data segment kind not supported")

// Stats says what Pack changed.
type Stats struct {
	SegmentsBefore, SegmentsAfter int
	SectionBefore, SectionAfter   int // bytes of the data section's contents
}

func (s Stats) String() string {
	return fmt.Sprintf("data segments %d → %d, data section %d → %d bytes",
		s.SegmentsBefore, s.SegmentsAfter, s.SectionBefore, s.SectionAfter)
}

// Pack returns module with its data section rewritten as few segments
// (see the package comment). A module without a data section is returned unchanged. The result is
// checked before it is returned: decoded again, it must initialise the
// same memory.
func Pack(module []byte) ([]byte, Stats, error) {
	secs, err := readSections(module)
	if err != nil {
		return nil, Stats{}, err
	}
	data := -1
	for i, s := range secs {
		switch s.id {
		case sectionDataCount:
			return nil, Stats{}, fmt.Errorf("%w (a data count section: the code may name segments)", ErrUnsupported)
		case sectionData:
			if data >= 0 {
				return nil, Stats{}, errors.New("datapack: more than one data section")
			}
			data = i
		}
	}
	if data < 0 {
		return module, Stats{}, nil
	}
	segs, err := readSegments(secs[data].body)
	if err != nil {
		return nil, Stats{}, err
	}
	img, err := imageOf(segs)
	if err != nil {
		return nil, Stats{}, err
	}
	packed := img.segments(MaxGap, MaxSegments)
	body := appendSegments(nil, packed)

	out := append([]byte(nil), module[:headerSize]...)
	for i, s := range secs {
		if i == data {
			out = appendSection(out, sectionData, body)
		} else {
			out = append(out, module[s.start:s.end]...)
		}
	}

	again, err := readSegments(body)
	if err != nil {
		return nil, Stats{}, fmt.Errorf("datapack: packed section unreadable: %w", err)
	}
	if got, err := imageOf(again); err != nil || !sameMemory(got, img) {
		return nil, Stats{}, errors.New("datapack: packed segments initialise a different memory")
	}
	return out, Stats{
		SegmentsBefore: len(segs), SegmentsAfter: len(packed),
		SectionBefore: len(secs[data].body), SectionAfter: len(body),
	}, nil
}
