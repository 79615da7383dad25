package protocol

import "fmt"

// VERReply is the form of a server's answer to VER. The zero value,
// VERReplyChosen, names only the chosen dialect, as the protocol references
// document it:
//
//	VER 1 MSNP13 CVR0
//	VER 1 MSNP13
//
// VERReplyEcho repeats the dialects the client offered, as servers of
// 2006–2008 did in logged traffic:
//
//	VER 1 MSNP9 MSNP8 CVR0
//	VER 1 MSNP9 MSNP8 CVR0
type VERReply uint8

const (
	VERReplyChosen VERReply = iota // "chosen": the chosen dialect only
	VERReplyEcho                   // "echo": every offered dialect the server supports, in the client's order
)

var verReplyNames = [...]string{VERReplyChosen: "chosen", VERReplyEcho: "echo"}

// String returns the form's JSON name, "chosen" or "echo".
func (v VERReply) String() string {
	if int(v) < len(verReplyNames) {
		return verReplyNames[v]
	}
	return fmt.Sprintf("VERReply(%d)", uint8(v))
}

// MarshalText writes the form's JSON name.
func (v VERReply) MarshalText() ([]byte, error) {
	if int(v) >= len(verReplyNames) {
		return nil, fmt.Errorf("VER reply form %d is not %q or %q", uint8(v), "chosen", "echo")
	}
	return []byte(verReplyNames[v]), nil
}

// UnmarshalText reads "chosen" or "echo".
func (v *VERReply) UnmarshalText(b []byte) error {
	for i, n := range verReplyNames {
		if string(b) == n {
			*v = VERReply(i)
			return nil
		}
	}
	return &fieldValueError{field: "verReply", msg: fmt.Sprintf("%q: use %q (the chosen dialect only) or %q (the offered list)", b, "chosen", "echo")}
}

// fieldValueError is a JSON value that its field's type refuses; the
// policy decoder reports it as a PolicyError on that field.
type fieldValueError struct{ field, msg string }

func (e *fieldValueError) Error() string { return e.field + ": " + e.msg }
