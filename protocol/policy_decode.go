package protocol

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// PolicyError is a mistake in a policy: the field it is in (as a JSON path
// such as "rules[1].offer.minimum") and, for JSON syntax errors, the line and
// column. Its message reads
//
//	policy line 3, column 14: rules[1].offer.minimum: "6.2" is not a version such as 7.0.0813
//
// with the parts it lacks left out. The zero PolicyError says "policy: ".
type PolicyError struct {
	Field     string // JSON path of the field, e.g. "rules[1].offer.minimum"; "" for the document
	Line, Col int    // 1-based; 0 when the mistake is not a syntax error
	Offset    int    // byte offset in the JSON, -1 when unknown
	Msg       string // what is wrong, in plain words
}

// Error returns the mistake as one line: where, then what.
func (e *PolicyError) Error() string {
	var b strings.Builder
	b.WriteString("policy")
	if e.Line > 0 {
		fmt.Fprintf(&b, " line %d, column %d", e.Line, e.Col)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// maxPolicyBytes bounds a policy document; larger ones are refused unread.
const maxPolicyBytes = 1 << 20

// DecodePolicy reads a policy from JSON, rejects unknown fields, and
// compiles it. Errors are *PolicyError.
func DecodePolicy(data []byte) (*Policy, error) {
	if len(data) > maxPolicyBytes {
		return nil, &PolicyError{Offset: -1, Msg: fmt.Sprintf("larger than %d bytes", maxPolicyBytes)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	p := new(Policy)
	if err := dec.Decode(p); err != nil {
		return nil, jsonError(data, err)
	}
	if dec.More() {
		off := int(dec.InputOffset())
		line, col := lineCol(data, off)
		return nil, &PolicyError{Line: line, Col: col, Offset: off, Msg: "unexpected data after the policy object"}
	}
	if err := p.Compile(); err != nil {
		return nil, err
	}
	return p, nil
}

func jsonError(data []byte, err error) error {
	pe := &PolicyError{Offset: -1, Msg: err.Error()}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var val *fieldValueError
	switch {
	case errors.As(err, &val):
		pe.Field, pe.Msg = val.field, val.msg
	case errors.As(err, &syn):
		pe.Offset = int(syn.Offset)
		pe.Msg = syn.Error()
	case errors.As(err, &typ):
		pe.Offset = int(typ.Offset)
		pe.Field = typ.Field
		pe.Msg = fmt.Sprintf("expected %s, found JSON %s", typ.Type, typ.Value)
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		pe.Offset = len(data)
		pe.Msg = "the JSON ends too early"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		pe.Field = strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		pe.Msg = "unknown field"
	}
	if pe.Offset >= 0 {
		pe.Line, pe.Col = lineCol(data, pe.Offset)
	}
	return pe
}

func lineCol(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	line, col = 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}
