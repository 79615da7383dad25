package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

// encodeNow is Encode with Go's compressor, which answers at once.
func encodeNow(st State) string {
	var out string
	Encode(st, Deflate, func(f string) { out = f })
	return out
}

func TestShareReadableRoundTrip(t *testing.T) {
	st := State{Policy: "msn-2003-09", Input: "VER 1 MSNP8 CVR0\nCVR 2 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS a@b.com\n", Sel: 2, Theme: "dark"}
	frag := encodeNow(st)
	if !strings.HasPrefix(frag, "policy=msn-2003-09&in=VER%201%20MSNP8%20CVR0%0ACVR%202") {
		t.Errorf("readable form = %q", frag)
	}
	got, ok, err := Decode(frag)
	st.V = Version
	if err != nil || !ok || got != st {
		t.Errorf("Decode(%q) = %+v, %v, %v; want %+v", frag, got, ok, err, st)
	}
}

func TestShareHandWritten(t *testing.T) {
	// A link as a documentation author writes it; + is a plus, not a space.
	got, ok, err := Decode("#policy=msn-2007-06&in=CVR%202%200x0c0a%20winnt%205.1%20i386%20MSNMSGR%208.0.0792%20msmsgs%20a+b@c.com&sel=1")
	if err != nil || !ok {
		t.Fatal(err)
	}
	if got.Policy != "msn-2007-06" || got.Input != "CVR 2 0x0c0a winnt 5.1 i386 MSNMSGR 8.0.0792 msmsgs a+b@c.com" || got.Sel != 1 {
		t.Errorf("decoded %+v", got)
	}
	if got, _, err := Decode("in=CVQ%206%20spaghetti"); err != nil || got.Policy != "msnp-wiki" {
		t.Errorf("no policy: %+v %v, want the default preset", got, err)
	}
}

func TestShareCompactForLongOrCustom(t *testing.T) {
	long := strings.Repeat("CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n", 50)
	frag := encodeNow(State{Policy: "msnp-wiki", Input: long})
	if !strings.HasPrefix(frag, "z=") {
		t.Errorf("a repetitive input should use the compact form, got %d bytes readable", len(frag))
	}
	custom := `{"name": "mine"}`
	frag = encodeNow(State{Policy: "msnp-wiki", Custom: custom, Input: "CVQ 6 spaghetti"})
	got, ok, err := Decode(frag)
	if !strings.HasPrefix(frag, "z=") || err != nil || !ok || got.Custom != custom || got.Policy != "msnp-wiki" {
		t.Errorf("custom policy link %q → %+v %v", frag, got, err)
	}
}

func deflated(js string) string {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, 9)
	w.Write([]byte(js))
	w.Close()
	return base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

func TestShareBrokenLinks(t *testing.T) {
	good := encodeNow(State{Policy: "msnp-wiki", Input: strings.Repeat("CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n", 20)})
	huge := deflated(`{"v":1,"policy":"msnp-wiki","in":"` + strings.Repeat("A", 300<<10) + `"}`)
	cases := map[string]string{
		"truncated":      good[:len(good)/2],
		"tampered":       good[:10] + "!!" + good[12:],
		"future version": "z=" + deflated(`{"v":9,"policy":"msnp-wiki","in":"x"}`),
		"no version":     "z=" + deflated(`{"policy":"msnp-wiki","in":"x"}`),
		"too large":      "z=" + huge,
		"unknown preset": "policy=msn-1998&in=x",
		"bad escape":     "policy=msnp-wiki&in=%zz",
		"bad sel":        "policy=msnp-wiki&in=x&sel=two",
		"bad theme":      "policy=msnp-wiki&in=x&theme=pink",
		"nothing":        "foo=bar",
		"not json":       "z=" + deflated(`[1,2`),
	}
	want := map[string]string{"future version": "newer version", "too large": "256 KiB", "unknown preset": "msn-1998", "truncated": "damaged", "tampered": "damaged"}
	for name, frag := range cases {
		_, ok, err := Decode(frag)
		if err == nil || ok {
			t.Errorf("%s: Decode(%.60q) accepted", name, frag)
			continue
		}
		if w := want[name]; w != "" && !strings.Contains(err.Error(), w) {
			t.Errorf("%s: error %q should mention %q", name, err, w)
		}
	}
	if _, ok, err := Decode(""); ok || err != nil {
		t.Error("an empty fragment is no link and no error")
	}
}

func FuzzShareLink(f *testing.F) {
	f.Add(encodeNow(State{Policy: "msnp-wiki", Input: "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nCVQ 6 spaghetti\n", Sel: 2}))
	f.Add(encodeNow(State{Policy: "msn-2007-06", Custom: "{}", Input: "x"}))
	f.Add("policy=msnp-wiki&in=%0A%0A&sel=3&theme=dark")
	f.Add("z=" + deflated(`{"v":1,"policy":"msnp-wiki","in":"x"}`))
	f.Fuzz(func(t *testing.T, frag string) {
		st, ok, err := Decode(frag)
		if err != nil || !ok {
			return
		}
		if len(st.Input) > MaxBytes {
			t.Fatalf("accepted %d bytes of input", len(st.Input))
		}
		// What decodes re-encodes to a link that decodes the same.
		again, ok, err := Decode(encodeNow(st))
		st.V = Version
		if err != nil || !ok || again != st {
			t.Fatalf("round trip of %+v gave %+v, %v", st, again, err)
		}
	})
}

// Without a compressor (a browser without CompressionStream) a link is
// still written in the readable form, except for an edited policy.
func TestShareWithoutCompressor(t *testing.T) {
	broken := func(data []byte, done func([]byte, error)) { done(nil, errors.New("no compressor")) }
	var got string
	Encode(State{Policy: "msnp-wiki", Input: strings.Repeat("CVQ 6 spaghetti\n", 40)}, broken, func(f string) { got = f })
	if !strings.HasPrefix(got, "policy=msnp-wiki&in=CVQ%206") {
		t.Errorf("without a compressor: %.40q, want the readable form", got)
	}
	got = "unset"
	Encode(State{Policy: "msnp-wiki", Custom: "{}", Input: "x"}, broken, func(f string) { got = f })
	if got != "" {
		t.Errorf("an edited policy without a compressor gave %q, want no link", got)
	}
}
