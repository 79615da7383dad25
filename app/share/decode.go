package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"cvq-playground/protocol"
)

// Decode reads a fragment in either form. An empty fragment gives
// ok=false and no error. Any mistake (broken, truncated, tampered, too
// large, from a future version, an unknown preset) is an error that says
// what is wrong in plain words.
func Decode(fragment string) (st State, ok bool, err error) {
	fragment = strings.TrimPrefix(fragment, "#")
	if fragment == "" {
		return st, false, nil
	}
	if len(fragment) > 4*MaxBytes {
		return st, false, errors.New("the link is too large")
	}
	params := map[string]string{}
	for _, kv := range strings.Split(fragment, "&") {
		k, v, _ := strings.Cut(kv, "=")
		val, err := url.PathUnescape(v)
		if err != nil {
			return st, false, fmt.Errorf("the link's %q is not properly percent-encoded", k)
		}
		// Bytes that are not UTF-8 become U+FFFD, as they would in the
		// page's editor, so that what is decoded encodes back the same.
		params[k] = strings.ToValidUTF8(val, "\uFFFD")
	}
	if z, isCompact := params["z"]; isCompact {
		st, err = decompress(z)
		if err != nil {
			return State{}, false, err
		}
	} else {
		in, hasIn := params["in"]
		if !hasIn {
			return st, false, errors.New("the link has neither in= (client lines) nor z= (compact state)")
		}
		st = State{V: Version, Policy: params["policy"], Input: in, Theme: params["theme"]}
		if s, has := params["sel"]; has {
			if st.Sel, err = strconv.Atoi(s); err != nil || st.Sel < 0 {
				return State{}, false, fmt.Errorf("sel=%s is not a line number", s)
			}
		}
	}
	if len(st.Input) > MaxBytes {
		return State{}, false, errors.New("the link's input is larger than 256 KiB")
	}
	if st.Policy == "" {
		st.Policy = protocol.DefaultPreset
	}
	if _, err := protocol.Preset(st.Policy); err != nil {
		return State{}, false, fmt.Errorf("the link names an %v", err)
	}
	switch st.Theme {
	case "", "light", "dark":
	default:
		return State{}, false, fmt.Errorf("theme=%s: use light or dark", st.Theme)
	}
	return st, true, nil
}

func decompress(z string) (State, error) {
	var st State
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(z, "="))
	if err != nil {
		return st, errors.New("the link's compact state is damaged (not base64url): was it cut or altered?")
	}
	r := flate.NewReader(bytes.NewReader(raw))
	defer r.Close()
	js, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return st, errors.New("the link's compact state is damaged (it does not inflate): was it cut or altered?")
	}
	if len(js) > MaxBytes {
		return st, errors.New("the link's state is larger than 256 KiB once decompressed")
	}
	if err := json.Unmarshal(js, &st); err != nil {
		return st, errors.New("the link's compact state is damaged (not the expected JSON)")
	}
	switch {
	case st.V > Version:
		return State{}, fmt.Errorf("the link comes from a newer version of the playground (format %d; this one reads %d)", st.V, Version)
	case st.V < 1:
		return State{}, errors.New("the link's compact state has no version")
	}
	return st, nil
}
