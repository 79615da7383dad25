package datapack

import "errors"

// The binary format writes integers as LEB128: seven bits a byte, low
// bits first, the high bit set on every byte but the last.

var errLeb = errors.New("malformed LEB128 integer")

// readUleb reads an unsigned LEB128 of at most 64 bits and returns it
// with the number of bytes read.
func readUleb(b []byte) (uint64, int, error) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1, nil
		}
	}
	return 0, 0, errLeb
}

// readSleb32 reads a signed LEB128 of at most 32 bits (an i32.const's
// operand).
func readSleb32(b []byte) (int32, int, error) {
	var v int64
	for i := 0; i < len(b) && i < 5; i++ {
		v |= int64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			if b[i]&0x40 != 0 { // the sign bit: extend it
				v |= -1 << (7 * (i + 1))
			}
			if v < -1<<31 || v > 1<<31-1 {
				return 0, 0, errLeb
			}
			return int32(v), i + 1, nil
		}
	}
	return 0, 0, errLeb
}

func appendUleb(b []byte, v uint64) []byte {
	for v >= 0x80 {
		b = append(b, byte(v)|0x80)
		v >>= 7
	}
	return append(b, byte(v))
}

func appendSleb(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v == 0 && c&0x40 == 0 || v == -1 && c&0x40 != 0 {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}
