package protocol

import _ "embed"

// What libraries, codebase names, system types and the fields of each
// line mean, in words, for the explanations. The words live in data/ next
// to the reference tables, so that they can be corrected without reading
// the code.
var (
	//go:embed data/libraries.tsv
	librariesTSV string
	//go:embed data/clientids.tsv
	clientIDsTSV string
	//go:embed data/systemtypes.tsv
	systemTypesTSV string
	//go:embed data/fields.tsv
	fieldsTSV string
)

var (
	libraryOrder, libraryWords = pairs(librariesTSV)
	_, clientIDWords           = pairs(clientIDsTSV)
	_, systemTypeWords         = pairs(systemTypesTSV)
	fieldWords                 = parseFields(fieldsTSV)
)

// pairs reads a two-column table: its keys in order, and a map.
func pairs(tsv string) ([]string, map[string]string) {
	var keys []string
	m := map[string]string{}
	for _, r := range rows(tsv) {
		keys = append(keys, r[0])
		m[r[0]] = r[1]
	}
	return keys, m
}

// fieldWord is the name and meaning of a field of one kind of line.
type fieldWord struct{ name, meaning string }

// parseFields reads data/fields.tsv, keyed by "line key": the line is a
// command (VER, CVQ, CVR), "query" for CVQ and CVR, "*" for any line, and
// S: before it for the server's reply.
func parseFields(tsv string) map[string]fieldWord {
	m := map[string]fieldWord{}
	for _, r := range rows(tsv) {
		m[r[0]+" "+r[1]] = fieldWord{r[2], r[3]}
	}
	return m
}

// describe returns a field of the given line kind and key with its name
// and meaning from data/fields.tsv; a command's own row wins over the
// general one ("*").
func describe(line, key string) Field {
	w, ok := fieldWords[line+" "+key]
	if !ok {
		w, ok = fieldWords["* "+key]
	}
	if !ok {
		panic("protocol: data/fields.tsv has no field " + line + " " + key)
	}
	return Field{Key: key, Name: w.name, Meaning: w.meaning}
}

// lineKind is how data/fields.tsv groups the fields of a client line.
func lineKind(cmd string) string {
	if cmd == "CVQ" || cmd == "CVR" {
		return "query"
	}
	return cmd
}

// SystemTypeMeaning explains a system-type token ("winnt": "Windows NT
// family …"), or returns "" for one it does not know.
func SystemTypeMeaning(typ string) string { return systemTypeWords[typ] }

// libraryMeaning names the programs of a requesting-library.
func libraryMeaning(lib string) string {
	if m, ok := libraryWords[lib]; ok {
		return m
	}
	return "unknown library"
}

// clientIDMeaning explains a client-identification token.
func clientIDMeaning(id string) string {
	if m, ok := clientIDWords[id]; ok {
		return m
	}
	return "not a known codebase name; not checked"
}

// versionMeaning names the client of a library and version, e.g.
// "MSN Messenger 6.0, 2003". A version of an unknown library is looked up
// in every known library, in the order of data/libraries.tsv.
func versionMeaning(lib, raw string) string {
	v, ok := ParseVersion(raw)
	if !ok {
		return "not a version (3 or 4 numbers of 1 to 5 digits)"
	}
	b, exact, found := LookupBuild(lib, v)
	if !found {
		for _, l := range libraryOrder {
			if b, exact, found = LookupBuild(l, v); exact {
				break
			}
		}
	}
	switch {
	case found && exact:
		return b.Product + ", " + year(b.Released)
	case found:
		return "after " + b.Product + " " + b.Version + ": not a known build"
	}
	return "older than every known build"
}

func year(released string) string {
	if len(released) >= 4 {
		return released[:4]
	}
	return released
}

// abbreviate shortens a long line for a field's raw text.
func abbreviate(s string) string {
	if len(s) <= 64 {
		return s
	}
	return s[:61] + "…"
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}
