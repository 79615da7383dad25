// Package share is the playground's link format: the state of the page
// (input, policy, selected line, theme) in a URL fragment, readable
// (policy=…&in=…) or compact (z=<base64url of deflated JSON>). The
// page writes and reads it in the browser; tests and tools natively.
package share

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
)

// State is what a link carries: the input, the policy (a preset name,
// always, plus the edited JSON when there is one), the selected editor line
// and the theme if one was chosen.
type State struct {
	V      int    `json:"v"`
	Policy string `json:"policy"`
	Custom string `json:"custom,omitempty"`
	Input  string `json:"in"`
	Sel    int    `json:"sel,omitempty"` // 1-based editor line of the selected client line
	Theme  string `json:"theme,omitempty"`
}

// Version is the version of the compact form written by this build.
const Version = 1

// MaxBytes caps the decoded size of a link: larger ones are refused
// before they are read whole.
const MaxBytes = 256 << 10

// Encode writes the fragment (without "#") for st: the readable form
// policy=…&in=…&sel=…&theme=…, or the compact z=<base64url of deflated
// JSON>, whichever is shorter. An edited policy only fits the compact form.
// deflate compresses (Deflate natively; in the browser the page passes
// the browser's compressor, which keeps Go's out of app.wasm and answers
// asynchronously, so done may be called later).
func Encode(st State, deflate Deflater, done func(string)) {
	st.V = Version
	js, _ := json.Marshal(st)
	deflate(js, func(z []byte, err error) {
		plain := readable(st)
		switch {
		case err != nil && st.Custom == "":
			done(plain) // no compressor: the readable form still works
		case err != nil:
			done("") // an edited policy needs the compact form
		case st.Custom != "":
			done("z=" + base64.RawURLEncoding.EncodeToString(z))
		default:
			compact := "z=" + base64.RawURLEncoding.EncodeToString(z)
			if len(plain) <= len(compact) {
				done(plain)
			} else {
				done(compact)
			}
		}
	})
}

// Readable returns the readable form of st (policy=…&in=…[&sel=…]
// [&theme=…]), for a link made where compressing costs more than a longer
// link (listen writes one per session); it carries no edited policy.
func Readable(st State) string { return readable(st) }

// readable writes the readable form of st.
func readable(st State) string {
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
