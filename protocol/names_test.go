package protocol

import (
	"regexp"
	"testing"
)

// enumCase is one enumeration: how many values it has, and its two
// printers.
type enumCase struct {
	kind          string
	n             int
	name, prose   func(int) string
	proseOptional map[int]bool // values whose Text is "" on purpose
}

var stableName = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// Every value of every enumeration has a stable, unique, CSS-safe name and
// words for people; a value made by conversion prints without panicking.
func TestEnumNames(t *testing.T) {
	cases := []enumCase{
		{"Status", int(numStatuses), func(i int) string { return Status(i).String() }, func(i int) string { return Status(i).Text() }, nil},
		{"Kind", int(numKinds), func(i int) string { return Kind(i).String() }, func(i int) string { return Kind(i).Text() }, nil},
		{"Reason", int(numReasons), func(i int) string { return Reason(i).String() }, func(i int) string { return Reason(i).Text() }, nil},
		{"Check", int(numChecks), func(i int) string { return Check(i).String() }, func(i int) string { return Check(i).Text() }, nil},
		{"URLOrigin", int(numURLOrigins), func(i int) string { return URLOrigin(i).String() }, func(i int) string { return URLOrigin(i).Text() }, nil},
		{"Fault", int(numFaults), func(i int) string { return Fault(i).String() }, func(i int) string { return Fault(i).Text() }, map[int]bool{int(FaultNone): true}},
		{"Source", int(numSources), func(i int) string { return Source(i).String() }, func(i int) string { return Source(i).Text() }, nil},
		{"Reaction", int(numReactions), func(i int) string { return Reaction(i).String() }, func(i int) string { return Reaction(i).Text() }, nil},
	}
	for _, c := range cases {
		seen := map[string]int{}
		for i := 0; i < c.n; i++ {
			name := c.name(i)
			if !stableName.MatchString(name) {
				t.Errorf("%s(%d).String() = %q, want a lower-case name", c.kind, i, name)
			}
			if j, dup := seen[name]; dup {
				t.Errorf("%s(%d) and %s(%d) are both named %q", c.kind, j, c.kind, i, name)
			}
			seen[name] = i
			if c.prose(i) == "" && !c.proseOptional[i] {
				t.Errorf("%s(%d) (%s) has no Text", c.kind, i, name)
			}
		}
		for _, i := range []int{-1, c.n, 1 << 20} {
			if got := c.name(i); stableName.MatchString(got) || got == "" {
				t.Errorf("%s(%d).String() = %q, want it marked as out of range", c.kind, i, got)
			}
			if c.prose(i) == "" {
				t.Errorf("%s(%d).Text() is empty", c.kind, i)
			}
		}
	}
	for _, c := range []Code{CodeUnknownClient, CodeBadLocale, CodeBadParams} {
		if !stableName.MatchString(c.String()) {
			t.Errorf("Code(%d).String() = %q", int(c), c.String())
		}
	}
	if Code(0).String() != "none" || Code(999).String() != "code(999)" {
		t.Errorf("Code names: 0 %q, 999 %q", Code(0).String(), Code(999).String())
	}
}

func TestVersionString(t *testing.T) {
	for _, s := range []string{"6.2.0208", "14.0.8117.0416", "1.0.0000", "5.0.0537", "8.0.1", "10.20.30000.99999"} {
		v, ok := ParseVersion(s)
		if !ok {
			t.Fatalf("ParseVersion(%q) failed", s)
		}
		want := s
		if s == "8.0.1" {
			want = "8.0.0001" // the third part is written with four digits
		}
		if got := v.String(); got != want {
			t.Errorf("ParseVersion(%q).String() = %q, want %q", s, got, want)
		}
	}
	if got := (Version{}).String(); got != "" {
		t.Errorf("zero Version prints %q", got)
	}
}

// Every status has its own one-character mark; a value made by conversion
// has the neutral one.
func TestStatusSymbol(t *testing.T) {
	if StatusOK.Symbol() != "✓" || StatusError.Symbol() != "✗" {
		t.Errorf("ok is marked %q, error %q", StatusOK.Symbol(), StatusError.Symbol())
	}
	seen := map[string]Status{}
	for s := Status(0); s < numStatuses; s++ {
		m := s.Symbol()
		if len([]rune(m)) != 1 {
			t.Errorf("%s is marked %q, want one character", s, m)
		}
		if o, dup := seen[m]; dup {
			t.Errorf("%s and %s are both marked %q", o, s, m)
		}
		seen[m] = s
	}
	for _, s := range []Status{-1, numStatuses, 1 << 20} {
		if m := s.Symbol(); m != "·" {
			t.Errorf("%s is marked %q, want the neutral mark", s, m)
		}
	}
}
