package protocol

import "strconv"

// Code is a numeric MSNP error code; its value is the number on the wire.
// The zero Code means no error: the answer carries versions.
type Code int

const (
	// CodeUnknownClient (420) refuses a CVQ from an unknown library or a
	// version outside the known builds. Documented on the msnp-wiki CVQ page
	// ("YCOMM", "99.9.9999").
	CodeUnknownClient Code = 420
	// CodeBadLocale (710) refuses a locale that is not an accepted LCID.
	// Documented on the msnp-wiki CVQ page ("0x1111").
	CodeBadLocale Code = 710
	// CodeBadParams (731) refuses a query with fewer than six parameters.
	// Documented on the msnp-wiki CVQ page ("CVQ 6 spaghetti").
	CodeBadParams Code = 731
)

// codeNames gives each code its stable name and its words.
var codeNames = map[Code][2]string{
	CodeUnknownClient: {"unknown-client", "unknown client or version"},
	CodeBadLocale:     {"bad-locale", "bad locale"},
	CodeBadParams:     {"bad-params", "bad parameters"},
}

// String returns the code's stable name, such as "bad-locale"; the zero
// Code is "none", and a code this package does not know prints as
// "code(N)".
func (c Code) String() string {
	if n, ok := codeNames[c]; ok {
		return n[0]
	}
	if c == 0 {
		return "none"
	}
	return "code(" + strconv.Itoa(int(c)) + ")"
}

// Text returns the code's number and what it means, such as
// "710 bad locale"; an unknown code prints as its number alone.
func (c Code) Text() string {
	if n, ok := codeNames[c]; ok {
		return strconv.Itoa(int(c)) + " " + n[1]
	}
	return strconv.Itoa(int(c))
}
