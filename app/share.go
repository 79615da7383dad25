package main

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

// shareState is what a link carries: the input, the policy (a preset name,
// always, plus the edited JSON when there is one), the selected editor line
// and the theme if one was chosen.
type shareState struct {
	V      int    `json:"v"`
	Policy string `json:"policy"`
	Custom string `json:"custom,omitempty"`
	Input  string `json:"in"`
	Sel    int    `json:"sel,omitempty"` // 1-based editor line of the selected client line
	Theme  string `json:"theme,omitempty"`
}

// shareVersion is the version of the compact form written by this build.
const shareVersion = 1

// maxShareBytes caps the decoded size of a link: larger ones are refused
// before they are read whole.
const maxShareBytes = 256 << 10

// encodeShare writes the fragment (without "#") for st: the readable form
// policy=…&in=…&sel=…&theme=…, or the compact z=<base64url of deflated
// JSON>, whichever is shorter. An edited policy only fits the compact form.
// done may be called later: in the browser the compression is the
// browser's, which answers asynchronously.
func encodeShare(st shareState, done func(string)) {
	st.V = shareVersion
	js, _ := json.Marshal(st)
	deflate(js, func(z []byte, err error) {
		readable := readableShare(st)
		switch {
		case err != nil && st.Custom == "":
			done(readable) // no compressor: the readable form still works
		case err != nil:
			done("") // an edited policy needs the compact form
		case st.Custom != "":
			done("z=" + base64.RawURLEncoding.EncodeToString(z))
		default:
			compact := "z=" + base64.RawURLEncoding.EncodeToString(z)
			if len(readable) <= len(compact) {
				done(readable)
			} else {
				done(compact)
			}
		}
	})
}

// readableShare writes the readable form of st.
func readableShare(st shareState) string {
	var b strings.Builder
	b.WriteString("policy=" + fragmentEscape(st.Policy))
	b.WriteString("&in=" + fragmentEscape(st.Input))
	if st.Sel > 0 {
		b.WriteString("&sel=" + strconv.Itoa(st.Sel))
	}
	if st.Theme != "" {
		b.WriteString("&theme=" + fragmentEscape(st.Theme))
	}
	return b.String()
}

// fragmentEscape percent-encodes s for a fragment parameter: a line break
// is %0A, a space %20, and letters, digits and -._~ stay as they are.
func fragmentEscape(s string) string {
	return strings.ReplaceAll(url.QueryEscape(s), "+", "%20")
}

// decodeShare reads a fragment in either form. An empty fragment gives
// ok=false and no error. Any mistake (broken, truncated, tampered, too
// large, from a future version, an unknown preset) is an error that says
// what is wrong in plain words.
func decodeShare(fragment string) (st shareState, ok bool, err error) {
	fragment = strings.TrimPrefix(fragment, "#")
	if fragment == "" {
		return st, false, nil
	}
	if len(fragment) > 4*maxShareBytes {
		return st, false, errors.New("the link is too large")
	}
	params := map[string]string{}
	for _, kv := range strings.Split(fragment, "&") {
		k, v, _ := strings.Cut(kv, "=")
		val, err := url.PathUnescape(v)
		if err != nil {
			return st, false, fmt.Errorf("the link's %q is not properly percent-encoded", k)
		}
		params[k] = val
	}
	if z, isCompact := params["z"]; isCompact {
		st, err = decompress(z)
		if err != nil {
			return shareState{}, false, err
		}
	} else {
		in, hasIn := params["in"]
		if !hasIn {
			return st, false, errors.New("the link has neither in= (client lines) nor z= (compact state)")
		}
		st = shareState{V: shareVersion, Policy: params["policy"], Input: in, Theme: params["theme"]}
		if s, has := params["sel"]; has {
			if st.Sel, err = strconv.Atoi(s); err != nil || st.Sel < 0 {
				return shareState{}, false, fmt.Errorf("sel=%s is not a line number", s)
			}
		}
	}
	if len(st.Input) > maxShareBytes {
		return shareState{}, false, errors.New("the link's input is larger than 256 KiB")
	}
	if st.Policy == "" {
		st.Policy = protocol.DefaultPreset
	}
	if _, err := protocol.Preset(st.Policy); err != nil {
		return shareState{}, false, fmt.Errorf("the link names an %v", err)
	}
	switch st.Theme {
	case "", "light", "dark":
	default:
		return shareState{}, false, fmt.Errorf("theme=%s: use light or dark", st.Theme)
	}
	return st, true, nil
}

func decompress(z string) (shareState, error) {
	var st shareState
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(z, "="))
	if err != nil {
		return st, errors.New("the link's compact state is damaged (not base64url): was it cut or altered?")
	}
	r := flate.NewReader(bytes.NewReader(raw))
	defer r.Close()
	js, err := io.ReadAll(io.LimitReader(r, maxShareBytes+1))
	if err != nil {
		return st, errors.New("the link's compact state is damaged (it does not inflate): was it cut or altered?")
	}
	if len(js) > maxShareBytes {
		return st, errors.New("the link's state is larger than 256 KiB once decompressed")
	}
	if err := json.Unmarshal(js, &st); err != nil {
		return st, errors.New("the link's compact state is damaged (not the expected JSON)")
	}
	switch {
	case st.V > shareVersion:
		return shareState{}, fmt.Errorf("the link comes from a newer version of the playground (format %d; this one reads %d)", st.V, shareVersion)
	case st.V < 1:
		return shareState{}, errors.New("the link's compact state has no version")
	}
	return st, nil
}
