//go:build !(js && wasm)

package wasm

import "time"

// CopyText reports ErrUnavailable to done.
func CopyText(text string, done func(error)) {
	if done != nil {
		done(ErrUnavailable)
	}
}

// PrefersDark returns ErrUnavailable.
func PrefersDark() (bool, error) { return false, ErrUnavailable }

// SetRootTheme returns ErrUnavailable.
func SetRootTheme(string) error { return ErrUnavailable }

// Fragment returns ErrUnavailable.
func Fragment() (string, error) { return "", ErrUnavailable }

// ReplaceFragment returns ErrUnavailable.
func ReplaceFragment(string) error { return ErrUnavailable }

// PostHeightToParent returns ErrUnavailable.
func PostHeightToParent(int) error { return ErrUnavailable }

// ContentHeight returns ErrUnavailable.
func ContentHeight() (int, error) { return 0, ErrUnavailable }

// PageURL returns ErrUnavailable.
func PageURL() (string, error) { return "", ErrUnavailable }

// ReportHeight returns ErrUnavailable.
func ReportHeight() error { return ErrUnavailable }

// Mark returns ErrUnavailable.
func Mark(string) error { return ErrUnavailable }

// DeflateRaw reports ErrUnavailable to done.
func DeflateRaw(data []byte, done func([]byte, error)) { done(nil, ErrUnavailable) }

// NextFrame returns ErrUnavailable.
func NextFrame(func()) error { return ErrUnavailable }

// TellNewWorker returns ErrUnavailable.
func TellNewWorker(string) error { return ErrUnavailable }

// AwaitPaintRecorded returns ErrUnavailable at once.
func AwaitPaintRecorded(time.Duration) error { return ErrUnavailable }
