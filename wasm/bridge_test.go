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
	} {
		release, err := add()
		if err == nil || release == nil {
			t.Errorf("%s: error %v, release %v; want an error and a release to call", name, err, release != nil)
			continue
		}
		release()
	}
}
