package wasm

import (
	"testing"
	"time"
)

// Natively and under node (GOOS=js GOARCH=wasm go test), where there is no
// window, document, history or clipboard, every call must return an error
// and none may panic: the page shows the message and goes on.
func TestMissingBrowserAPIsAreErrors(t *testing.T) {
	if _, err := PrefersDark(); err == nil {
		t.Error("PrefersDark: no error without a window")
	}
	if err := SetRootTheme("dark"); err == nil {
		t.Error("SetRootTheme: no error without a document")
	}
	if err := ReplaceFragment("in=x"); err == nil {
		t.Error("ReplaceFragment: no error without history")
	}
	if _, err := ContentHeight(); err == nil {
		t.Error("ContentHeight: no error without a document")
	}
	if err := PostHeightToParent(100); err == nil {
		t.Error("PostHeightToParent: no error without a window")
	}
	if err := AwaitPaintRecorded(time.Millisecond); err == nil {
		t.Error("AwaitPaintRecorded: no error without a window")
	}
	if err := Mark("x"); err == nil && !hasPerformance {
		t.Error("Mark: no error without performance")
	}
	var got error
	called := false
	CopyText("x", func(err error) { called, got = true, err })
	if !called || got == nil {
		t.Errorf("CopyText: done called %v with %v, want an error", called, got)
	}
	var deflateErr error
	DeflateRaw([]byte("x"), func(_ []byte, err error) { deflateErr = err })
	if deflateErr == nil && !hasPerformance {
		t.Error("DeflateRaw: no error natively")
	}
	if f, _ := Fragment(); f != "" {
		t.Errorf("Fragment() = %q without a location", f)
	}
	if err := SetValue("editor", func() string { return "x" }); err == nil {
		t.Error("SetValue: no error without a document")
	}
	if err := Focus("editor"); err == nil {
		t.Error("Focus: no error without a document")
	}
	for name, add := range map[string]func() (func(), error){
		"OnHashChange": func() (func(), error) { return OnHashChange(func() {}) },
		"OnKeyDown":    func() (func(), error) { return OnKeyDown(func(Key) bool { return false }) },
		"OnFileDrop":   func() (func(), error) { return OnFileDrop("editor", 1, func(File, error) {}) },
		"OnFilePick":   func() (func(), error) { return OnFilePick("open-file-button", "open-file", 1, func(File, error) {}) },
	} {
		release, err := add()
		if err == nil || release == nil {
			t.Errorf("%s: error %v, release %v; want an error and a release to call", name, err, release != nil)
			continue
		}
		release()
	}
}

func TestTooLargeError(t *testing.T) {
	for _, c := range []struct {
		size, max int
		want      string
	}{
		{1500, 999, "rec.txt is 2 kB; files of up to 999 bytes are opened"},
		{3_200_000, 1 << 20, "rec.txt is 3.2 MB; files of up to 1.0 MB are opened"},
	} {
		if got := (&TooLargeError{Name: "rec.txt", Size: c.size, Max: c.max}).Error(); got != c.want {
			t.Errorf("TooLargeError(%d, %d) = %q, want %q", c.size, c.max, got, c.want)
		}
	}
}
