package probe_test

import (
	"fmt"
	"strings"

	"cvq-playground/app/probe"
	"cvq-playground/protocol"
)

// A recorded answer, graded offline against a preset: the fields that
// differ, and the engine's reason for the expected answer.
func ExampleGrade() {
	rec, _ := probe.ReadRecording(strings.NewReader(`# case msn-2003-09/cvr/known/2: PASS
C: VER 1 MSNP9
S: VER 1 MSNP9
C: CVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS probe@example.invalid
S: CVR 2 6.0.0602 6.0.0602 6.0.0602 https://revival.example https://revival.example
Client disconnects.
`))
	p, _ := protocol.Preset("msn-2003-09")
	r := probe.Grade(p, rec[0])
	fmt.Println(r.Outcome)
	for _, d := range r.Diffs {
		fmt.Printf("line %d %s: expected %s, received %s\n", d.Step+1, d.Field, d.Expected, d.Received)
	}
	// Output:
	// FAIL
	// line 2 minimum: expected 1.0.0000, received 6.0.0602
	// line 2 download: expected http://download.microsoft.com/download/8/a/4/8a42bcae-f533-4468-b871-d2bc8dd32e9e/SETUP9x.EXE, received https://revival.example
	// line 2 fallback: expected http://messenger.msn.com, received https://revival.example
}
