package datapack

import (
	"bytes"
	"errors"
	"fmt"
)

// The module header: the magic number and version 1.
var header = []byte{0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00}

const headerSize = 8

// Section ids this package reads or writes (the binary format, §5.5).
const (
	sectionData      = 11
	sectionDataCount = 12
)

// A section as found in the module: module[start:end] is the whole
// section, id and size included; body is its contents.
type section struct {
	id         byte
	start, end int
	body       []byte
}

func readSections(module []byte) ([]section, error) {
	if len(module) < headerSize || !bytes.Equal(module[:headerSize], header) {
		return nil, errors.New("datapack: not a WebAssembly module (version 1)")
	}
	var secs []section
	for p := headerSize; p < len(module); {
		start := p
		id := module[p]
		size, n, err := readUleb(module[p+1:])
		if err != nil {
			return nil, fmt.Errorf("datapack: section at byte %d: %w", start, err)
		}
		p += 1 + n
		if size > uint64(len(module)-p) {
			return nil, fmt.Errorf("datapack: section at byte %d runs past the end", start)
		}
		end := p + int(size)
		secs = append(secs, section{id: id, start: start, end: end, body: module[p:end]})
		p = end
	}
	return secs, nil
}

func appendSection(b []byte, id byte, body []byte) []byte {
	b = append(b, id)
	b = appendUleb(b, uint64(len(body)))
	return append(b, body...)
}
