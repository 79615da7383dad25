package protocol

import "strconv"

// Version is a client version such as 6.2.0208 or 14.0.8117.0416, compared
// numerically part by part. A missing fourth part counts as 0. The zero
// Version compares as 0.0.0.0 and prints as "".
type Version struct {
	Parts [4]uint32 // the numbers, most significant first
	N     int       // number of parts written: 3 or 4
}

// ParseVersion parses 3 or 4 dot-separated decimal numbers of 1 to 5 digits
// each, as clients send them. It allocates nothing.
func ParseVersion(s string) (Version, bool) {
	var v Version
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if digits == 5 {
				return Version{}, false
			}
			v.Parts[v.N] = v.Parts[v.N]*10 + uint32(c-'0')
			digits++
		case c == '.' && digits > 0 && v.N < 3:
			v.N++
			digits = 0
		default:
			return Version{}, false
		}
	}
	if digits == 0 || v.N < 2 {
		return Version{}, false
	}
	v.N++
	return v, true
}

// Compare returns -1, 0 or +1 as v is older than, equal to or newer than w.
func (v Version) Compare(w Version) int {
	for i := range v.Parts {
		switch {
		case v.Parts[i] < w.Parts[i]:
			return -1
		case v.Parts[i] > w.Parts[i]:
			return 1
		}
	}
	return 0
}

// String writes v as clients do: its parts joined by dots, the third and
// fourth padded to four digits, as in 6.2.0208 or 14.0.8117.0416. The zero
// Version (no parts) prints as "".
func (v Version) String() string {
	var buf [32]byte
	b := buf[:0]
	for i := 0; i < v.N && i < len(v.Parts); i++ {
		if i > 0 {
			b = append(b, '.')
		}
		start := len(b)
		b = strconv.AppendUint(b, uint64(v.Parts[i]), 10)
		if pad := 4 - (len(b) - start); i >= 2 && pad > 0 {
			b = append(b[:start], "0000"[:pad]+strconv.FormatUint(uint64(v.Parts[i]), 10)...)
		}
	}
	return string(b)
}
