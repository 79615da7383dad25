//go:build !(js && wasm)

package wasm

import "time"

func copyText(_ string, done func(error)) {
	if done != nil {
		done(ErrUnavailable)
	}
}

func prefersDark() (bool, error)                    { return false, ErrUnavailable }
func setRootTheme(string) error                     { return ErrUnavailable }
func fragment() (string, error)                     { return "", ErrUnavailable }
func replaceFragment(string) error                  { return ErrUnavailable }
func postHeightToParent(int) error                  { return ErrUnavailable }
func contentHeight() (int, error)                   { return 0, ErrUnavailable }
func pageURL() (string, error)                      { return "", ErrUnavailable }
func reportHeight() error                           { return ErrUnavailable }
func mark(string) error                             { return ErrUnavailable }
func deflateRaw(_ []byte, done func([]byte, error)) { done(nil, ErrUnavailable) }
func nextFrame(func()) error                        { return ErrUnavailable }
func setValue(string, func() string) error          { return ErrUnavailable }
func focus(string) error                            { return ErrUnavailable }
func awaitPaintRecorded(time.Duration) error        { return ErrUnavailable }

func listen(string, func(Key) bool) (func(), error) { return func() {}, ErrUnavailable }

func keepPrerendered(...string) error                           { return ErrUnavailable }
func showPrerendered(string, string, bool) error                { return ErrUnavailable }
func whenIdle(time.Duration, func()) error                      { return ErrUnavailable }
func watchStandIn(string, string, func(func())) (func(), error) { return func() {}, ErrUnavailable }

func onFileDrop(string, int, func(File, error)) (func(), error) { return func() {}, ErrUnavailable }
func onFilePick(string, string, int, func(File, error)) (func(), error) {
	return func() {}, ErrUnavailable
}
