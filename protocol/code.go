package protocol

import "strconv"

// Code is a numeric MSNP error code; its value is the number on the wire.
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

var codeNames = map[Code]string{
	CodeUnknownClient: "unknown client or version",
	CodeBadLocale:     "bad locale",
	CodeBadParams:     "bad parameters",
}

// String returns the code's number and name, such as "710 bad locale"; an
// unknown code prints as its number alone.
func (c Code) String() string {
	if n, ok := codeNames[c]; ok {
		return strconv.Itoa(int(c)) + " " + n
	}
	return strconv.Itoa(int(c))
}
