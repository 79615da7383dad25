package main

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// serverText is a textarea's content as the server prerenders it. In the
// browser the textareas are not bound to the state: the page writes them
// (pageCore.pushEditors) when the program changes their text, so that
// typing is never overwritten and the browser keeps its undo history.
func serverText(s string) app.UI {
	if app.IsClient {
		return nil
	}
	return app.Text(s)
}

// option is an <option>, selected when sel. Only a selected one carries
// the attribute: go-app writes a false boolean as selected="false" in the
// prerendered page, which a browser reads as selected.
func option(value string, sel bool) app.HTMLOption {
	o := app.Option().Value(value)
	if sel || app.IsClient {
		o = o.Selected(sel)
	}
	return o
}

// plural writes "1 line" or "n lines".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// printableLine shows tabs and control characters visibly; the text is
// always inserted as text, never as HTML.
func printableLine(s string) string {
	b := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r == '\t':
			b = append(b, '→')
		case r < 0x20 || r == 0x7f:
			b = append(b, '�')
		default:
			b = append(b, r)
		}
	}
	return string(b)
}
