package datapack

import (
	"bytes"
	"errors"
	"fmt"
)

// A segment is an active data segment of memory 0: its bytes are copied
// to offset when the module is instantiated.
type segment struct {
	offset uint32
	bytes  []byte
}

// The only segment header Pack reads and writes: flags 0 (active, memory
// 0), then the offset as i32.const … end.
const (
	flagsActive = 0x00
	opI32Const  = 0x41
	opEnd       = 0x0b
)

// maxSpan bounds the memory image Pack builds (a module's data rarely
// spans more than a few megabytes; a malformed one could claim 4 GB).
const maxSpan = 1 << 28

func readSegments(body []byte) ([]segment, error) {
	count, n, err := readUleb(body)
	if err != nil {
		return nil, fmt.Errorf("datapack: data section: %w", err)
	}
	p := n
	segs := make([]segment, 0, min(count, uint64(len(body))))
	for i := uint64(0); i < count; i++ {
		at := p
		if p+2 > len(body) {
			return nil, fmt.Errorf("datapack: data segment %d: truncated", i)
		}
		if body[p] != flagsActive || body[p+1] != opI32Const {
			return nil, fmt.Errorf("%w (segment %d)", ErrUnsupported, i)
		}
		p += 2
		off, n, err := readSleb32(body[p:])
		if err != nil {
			return nil, fmt.Errorf("datapack: data segment %d: offset: %w", i, err)
		}
		p += n
		if p >= len(body) || body[p] != opEnd {
			return nil, fmt.Errorf("%w (segment %d: offset expression)", ErrUnsupported, i)
		}
		p++
		size, n, err := readUleb(body[p:])
		if err != nil {
			return nil, fmt.Errorf("datapack: data segment %d: size: %w", i, err)
		}
		p += n
		if size > uint64(len(body)-p) {
			return nil, fmt.Errorf("datapack: data segment %d (byte %d): runs past the section", i, at)
		}
		segs = append(segs, segment{offset: uint32(off), bytes: body[p : p+int(size)]})
		p += int(size)
	}
	if p != len(body) {
		return nil, fmt.Errorf("datapack: data section: %d bytes after the last segment", len(body)-p)
	}
	return segs, nil
}

func appendSegments(b []byte, segs []segment) []byte {
	b = appendUleb(b, uint64(len(segs)))
	for _, s := range segs {
		b = append(b, flagsActive, opI32Const)
		b = appendSleb(b, int64(int32(s.offset)))
		b = append(b, opEnd)
		b = appendUleb(b, uint64(len(s.bytes)))
		b = append(b, s.bytes...)
	}
	return b
}

// An image is the memory from base on as the segments leave it.
type image struct {
	base  uint32
	bytes []byte
}

var errSpan = errors.New("datapack: data segments span too much memory")

// imageOf applies segs in order, as instantiation does: a later segment
// overwrites an earlier one where they overlap.
func imageOf(segs []segment) (image, error) {
	if len(segs) == 0 {
		return image{}, nil
	}
	lo, hi := uint64(segs[0].offset), uint64(0)
	for _, s := range segs {
		lo = min(lo, uint64(s.offset))
		hi = max(hi, uint64(s.offset)+uint64(len(s.bytes)))
	}
	if hi-lo > maxSpan {
		return image{}, errSpan
	}
	img := image{base: uint32(lo), bytes: make([]byte, hi-lo)}
	for _, s := range segs {
		copy(img.bytes[uint64(s.offset)-lo:], s.bytes)
	}
	return img, nil
}

// segments cuts the image into runs of non-zero bytes joined across
// zero gaps shorter than maxGap. If that makes more than maxSegs, the
// last ones are joined into one.
func (img image) segments(maxGap, maxSegs int) []segment {
	var segs []segment
	b := img.bytes
	for p := 0; p < len(b); {
		for p < len(b) && b[p] == 0 {
			p++
		}
		if p == len(b) {
			break
		}
		start, end := p, p // end: just after the last non-zero byte
		for zeros := 0; p < len(b) && zeros < maxGap; p++ {
			if b[p] == 0 {
				zeros++
			} else {
				zeros, end = 0, p+1
			}
		}
		segs = append(segs, segment{offset: img.base + uint32(start), bytes: b[start:end]})
		p = end
	}
	if len(segs) > maxSegs && maxSegs > 0 {
		last := segs[maxSegs-1]
		tail := segs[len(segs)-1]
		from := last.offset - img.base
		to := tail.offset - img.base + uint32(len(tail.bytes))
		segs = append(segs[:maxSegs-1], segment{offset: last.offset, bytes: b[from:to]})
	}
	return segs
}

// trimmed is the same memory without the zeros at either end of the image.
func (img image) trimmed() image {
	b := img.bytes
	lead := 0
	for lead < len(b) && b[lead] == 0 {
		lead++
	}
	end := len(b)
	for end > lead && b[end-1] == 0 {
		end--
	}
	if lead == end {
		return image{}
	}
	return image{base: img.base + uint32(lead), bytes: b[lead:end]}
}

// sameMemory reports whether two images initialise the same memory:
// memory starts zeroed, so zeros at either end do not count.
func sameMemory(a, b image) bool {
	a, b = a.trimmed(), b.trimmed()
	return a.base == b.base && bytes.Equal(a.bytes, b.bytes)
}
