package protocol

// maxStoredParams is how many parameter spans a Request keeps inline; the
// nine named fields fit, and more are only counted (see Tokenize).
const maxStoredParams = 12

// Request is a client line split into its command, TrID and parameters.
// Parse fills it without allocating; the spans point into Line. The zero
// Request is that of an empty line.
type Request struct {
	Line    string // the client line, without CR LF
	Command Span   // the bytes before the first blank (empty when the line starts with one)
	TrID    uint32 // the TrID's value, when TrIDErr is FaultNone
	TrIDTok Span   // the TrID token; empty (at the end of the line) when missing
	TrIDErr Fault  // FaultTrIDMissing, FaultTrIDNotNumber, FaultTrIDTooLarge or FaultNone
	// NParams counts the parameters after the TrID; the first
	// maxStoredParams are in params.
	NParams int
	params  [maxStoredParams]Span
}

// Parse splits line (without its CR LF) into a Request. It never fails:
// what is wrong is recorded (TrIDErr) for the session to judge in order.
func Parse(line string) Request {
	r := Request{Line: line}
	i := 0
	for i < len(line) && !isBlank(line[i]) {
		i++
	}
	r.Command = Span{0, i}
	tok, ok := nextToken(line, i)
	r.TrIDTok = tok
	if !ok {
		r.TrIDErr = FaultTrIDMissing
		return r
	}
	r.TrID, r.TrIDErr = parseTrID(tok.In(line))
	for i = tok.End; ; {
		tok, ok = nextToken(line, i)
		if !ok {
			break
		}
		if r.NParams < maxStoredParams {
			r.params[r.NParams] = tok
		}
		r.NParams++
		i = tok.End
	}
	return r
}

// CommandName returns the command token.
func (r *Request) CommandName() string { return r.Command.In(r.Line) }

// Param returns the span of parameter i (0 is the first after the TrID).
func (r *Request) Param(i int) (Span, bool) {
	if i < 0 || i >= r.NParams {
		return Span{}, false
	}
	if i < maxStoredParams {
		return r.params[i], true
	}
	all := Tokenize(r.Line)
	return all[i+2], true
}

// ParamText returns the text of parameter i, or "".
func (r *Request) ParamText(i int) string {
	sp, ok := r.Param(i)
	if !ok {
		return ""
	}
	return sp.In(r.Line)
}

// parseTrID accepts 1 to 10 decimal digits with a value of at most
// 4294967295; leading zeros are allowed.
func parseTrID(s string) (uint32, Fault) {
	if len(s) == 0 {
		return 0, FaultTrIDMissing
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, FaultTrIDNotNumber
		}
		if i >= 10 {
			return 0, FaultTrIDTooLarge
		}
		v = v*10 + uint64(c-'0')
	}
	if v > 1<<32-1 {
		return 0, FaultTrIDTooLarge
	}
	return uint32(v), FaultNone
}
