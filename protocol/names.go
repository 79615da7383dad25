package protocol

import "strconv"

// Every enumeration of this package has two ways of printing a value:
// String, a stable lower-case name that programs and style sheets may
// rely on (a CSS class is "st-" + Status.String()), and Text, the plain
// words a person reads. Neither panics on a value made by conversion.

// enumName returns names[i], or kind(i) for a value outside the table.
func enumName(names []string, i int, kind string) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return kind + "(" + strconv.Itoa(i) + ")"
}

// enumText returns texts[i], or unknown for a value outside the table.
func enumText(texts []string, i int, unknown string) string {
	if i >= 0 && i < len(texts) {
		return texts[i]
	}
	return unknown
}
