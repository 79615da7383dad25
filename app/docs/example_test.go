package docs_test

import (
	"fmt"

	"cvq-playground/app/docs"
)

func ExampleIsTranscript() {
	fmt.Println(docs.IsTranscript("C: VER 1 MSNP8 CVR0\nS: VER 1 MSNP8"))
	fmt.Println(docs.IsTranscript(">>> VER 0 MSNP8 CVR0 <<< VER 0 MSNP8 CVR0"))
	fmt.Println(docs.IsTranscript("CVQ TrID locale system-type system-ver system-arch"))
	fmt.Println(docs.IsTranscript("C: USR 3 TWN I example@hotmail.com"))
	// Output:
	// true
	// true
	// false
	// false
}

func ExampleCheckPage() {
	page := "# VER\n\n```\nC: VER 2 MSNP2 CVR0\nS: VER 2 CVR0\n```\n\n```\nC: VER 3 MSNP8 CVR0\nS: VER 3 MSNP8\n```\n"
	for _, c := range docs.CheckPage("ver.md", []byte(page), "msnp-wiki") {
		fmt.Printf("line %d: %s under %s\n", c.Line, c.Check, c.Policy)
		if len(c.Suggest) > 0 {
			fmt.Printf("  as documented under %s\n", c.Suggest[0])
		}
		for _, d := range c.Differences {
			fmt.Printf("  line %d: documented %q, computed %q: %s\n", d.Line, d.Documented, d.Computed, d.Reason)
		}
	}
	// Output:
	// line 4: match under msnp-wiki
	// line 9: differ under msnp-wiki
	//   as documented under msn-2003-09
	//   line 10: documented "VER 3 MSNP8", computed "VER 3 CVR0": no MSNP dialect in common, but both have CVR0 (server: CVR0)
}
