package protocol

// Version is a client version such as 6.2.0208 or 14.0.8117.0416, compared
// numerically part by part. A missing fourth part counts as 0. The zero
// Version is 0.0.0.0.
type Version struct {
	Parts [4]uint32
	N     int // number of parts written: 3 or 4
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
