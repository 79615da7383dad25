//go:build js && wasm

package wasm

import (
	"strings"

	"github.com/hack-pad/safejs"
)

func prefersDark() (bool, error) {
	win, err := get("window")
	if err != nil {
		return false, err
	}
	mq, err := win.Call("matchMedia", "(prefers-color-scheme: dark)")
	if err != nil {
		return false, err
	}
	m, err := mq.Get("matches")
	if err != nil {
		return false, err
	}
	return m.Bool()
}

func setRootTheme(theme string) error {
	el, err := get("document", "documentElement")
	if err != nil {
		return err
	}
	if theme == "" {
		_, err = el.Call("removeAttribute", "data-theme")
		return err
	}
	_, err = el.Call("setAttribute", "data-theme", theme)
	return err
}

func fragment() (string, error) {
	h, err := get("location", "hash")
	if err != nil {
		return "", nil // an empty hash is ""; treat a missing one alike
	}
	s, err := h.String()
	if len(s) > 0 && s[0] == '#' {
		s = s[1:]
	}
	return s, err
}

func replaceFragment(fragment string) error {
	hist, err := get("history")
	if err != nil {
		return err
	}
	url := "#" + fragment
	if fragment == "" {
		loc, err := get("location")
		if err != nil {
			return err
		}
		p, _ := loc.Get("pathname")
		q, _ := loc.Get("search")
		ps, _ := p.String()
		qs, _ := q.String()
		url = ps + qs
	}
	_, err = hist.Call("replaceState", safejs.Null(), "", url)
	return err
}

func pageURL() (string, error) {
	href, err := get("location", "href")
	if err != nil {
		return "", err
	}
	s, err := href.String()
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	return s, err
}
