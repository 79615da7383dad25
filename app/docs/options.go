package docs

import (
	"strconv"
	"strings"
)

// Options are an example's settings: the preset, the input line to
// explain and the theme.
type Options struct {
	Policy string
	Sel    int
	Theme  string // "", "light" or "dark"
}

// SplitOptions reads the option lines at the start of an example —
// "# policy: msn-2003-09", "# sel: 2", "# theme: dark" — over opts (the
// attributes' values), and returns the lines after them. Other comments
// stay in the lines: they are comments of the transcript.
func SplitOptions(text string, opts Options) (Options, string) {
	text = strings.TrimLeft(text, "\r\n")
	for text != "" {
		line, rest, _ := strings.Cut(text, "\n")
		key, val, ok := optionLine(line)
		if !ok {
			break
		}
		switch key {
		case "policy":
			opts.Policy = val
		case "sel":
			if n, err := strconv.Atoi(val); err == nil && n > 0 {
				opts.Sel = n
			}
		case "theme":
			opts.Theme = val
		}
		text = rest
	}
	opts.Theme = normTheme(opts.Theme)
	return opts, text
}

// optionLine parses "# key: value" for a known key.
func optionLine(line string) (key, val string, ok bool) {
	line = strings.TrimRight(line, "\r")
	rest, ok := strings.CutPrefix(line, "#")
	if !ok {
		return "", "", false
	}
	key, val, ok = strings.Cut(rest, ":")
	key = strings.ToLower(strings.TrimSpace(key))
	if !ok || (key != "policy" && key != "sel" && key != "theme") {
		return "", "", false
	}
	return key, strings.TrimSpace(val), true
}

func normTheme(t string) string {
	if t == "dark" || t == "light" {
		return t
	}
	return ""
}
