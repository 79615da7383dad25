package protocol

// AnnotationKind says what a line written after a client line is.
type AnnotationKind uint8

const (
	AnnotReply        AnnotationKind = iota // "S: " and the server's line
	AnnotNotSimulated                       // "# not simulated: " and the command
	AnnotExpectedNone                       // "! expected no reply": a pasted close, and the server replied
	AnnotExpected                           // "! expected: " and a pasted line that differs
	AnnotClose                              // "Server disconnects client."
	AnnotHangup                             // "Client disconnects."
)

// Annotation is one line of the notation that follows a client line in a
// transcript: what the server did, and where a pasted expectation
// differs. Text is the variable part: the reply, the command, or the
// pasted line.
type Annotation struct {
	Kind AnnotationKind
	Text string
}

// AppendAnnotations appends to dst, in the order respond writes them, the
// lines that follow the client line of e in the transcript, once the
// server has answered it with x: its reply or "# not simulated", the
// pasted expectations that differ, and the close. It allocates nothing
// when dst has room; the texts point into e and x.
func AppendAnnotations(dst []Annotation, e *Entry, x *Exchange) []Annotation {
	switch x.Kind {
	case KindReplied:
		dst = append(dst, Annotation{AnnotReply, x.Reply})
	case KindNotSimulated:
		dst = append(dst, Annotation{AnnotNotSimulated, x.Req.CommandName()})
	}
	if e.LinesDiffer(x) {
		if len(e.Expect) == 0 {
			dst = append(dst, Annotation{Kind: AnnotExpectedNone})
		}
		for _, l := range e.Expect {
			dst = append(dst, Annotation{AnnotExpected, l})
		}
	}
	if e.CloseDiffers(x) {
		dst = append(dst, Annotation{AnnotExpected, DisconnectLine})
	}
	if x.Close {
		dst = append(dst, Annotation{Kind: AnnotClose})
	}
	if x.Hangup {
		dst = append(dst, Annotation{Kind: AnnotHangup})
	}
	return dst
}

// AppendTo appends the annotation's line, without its line end.
func (a Annotation) AppendTo(b []byte) []byte {
	switch a.Kind {
	case AnnotReply:
		b = append(b, "S: "...)
	case AnnotNotSimulated:
		b = append(b, notSimulated...)
	case AnnotExpectedNone:
		return append(b, expectedNone...)
	case AnnotExpected:
		b = append(b, expectedPrefix...)
	case AnnotClose:
		return append(b, DisconnectLine...)
	case AnnotHangup:
		return append(b, HangupLine...)
	}
	return append(b, a.Text...)
}

// String returns the annotation's line, e.g. "S: 710 5".
func (a Annotation) String() string { return string(a.AppendTo(nil)) }
