package protocol_test

import (
	"fmt"
	"os"

	"cvq-playground/protocol"
)

// A client line splits into its command, TrID and parameters, each with
// its byte span in the line.
func ExampleParse() {
	r := protocol.Parse("CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.1.0211 MSMSGS example@hotmail.com")
	fmt.Println(r.CommandName(), r.TrID, r.NParams)
	for _, i := range []int{protocol.ParamLocale, protocol.ParamLibrary, protocol.ParamVersion} {
		sp, _ := r.Param(i)
		fmt.Printf("[%2d,%2d) %s\n", sp.Start, sp.End, sp.In(r.Line))
	}
	// Output:
	// CVQ 2 8
	// [ 6,12) 0x0409
	// [28,35) MSNMSGR
	// [36,44) 6.1.0211
}

// Tokens are named by the field they stand for, as the explanation names
// its rows.
func ExampleTokenize() {
	line := "CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS"
	for i, sp := range protocol.Tokenize(line) {
		fmt.Printf("%-8s [%2d,%2d) %s\n", protocol.TokenKey("CVQ", i), sp.Start, sp.End, sp.In(line))
	}
	// Output:
	// command  [ 0, 3) CVQ
	// trid     [ 4, 5) 2
	// locale   [ 6,12) 0x0409
	// systype  [13,18) winnt
	// sysver   [19,22) 5.1
	// arch     [23,27) i386
	// library  [28,35) MSNMSGR
	// version  [36,44) 6.0.0602
	// clientid [45,51) MSMSGS
}

// A policy decides a query: the reply's fields are named, and the
// decision says which check gave it and why.
func ExamplePolicy_Decide() {
	p, _ := protocol.Preset("msn-2007-06")
	r := protocol.Parse("CVR 2 0x0c0a winnt 5.1 i386 MSNMSGR 8.0.0792 msmsgs user@hotmail.com")
	d := p.Decide("CVR", &r)
	fmt.Println(d.Reply())
	fmt.Println("recommended", d.Recommended, "minimum", d.Minimum, "from", d.URLFrom.Text())
	fmt.Println("decided by the", d.Decided.Text(), "check: rule", d.Rule+1)
	fmt.Println("client:", d.Reaction().Text())

	r = protocol.Parse("CVR 3 0x0409 winnt 5.1 i386 MSNMSGR 99.9.9999 msmsgs user@hotmail.com")
	d = p.Decide("CVR", &r)
	fmt.Println(d.Reply())
	fmt.Println(d.Reason, "-", d.Reason.Text(), "- known:", d.Known.First, "to", d.Known.Last)
	// Output:
	// CVR 2 8.1.0178 8.1.0178 8.1.0178 http://msgruser.dlservice.microsoft.com/download/5/6/4/5646481F-33EF-4B08-AF00-4904F7677B89/ES/Install_WLMessenger.exe http://get.live.com/es
	// recommended 8.1.0178 minimum 8.1.0178 from the URLs localised for the client's locale
	// decided by the policy rule check: rule 1
	// client: must upgrade
	// CVR 3 1.0.0000 1.0.0000 1.0.0000 http://msgruser.dlservice.microsoft.com/download/1/A/4/1A4FEB1A-18E0-423A-B898-F697402E4F7F/Install_Messenger.exe http://get.live.com
	// version-too-new - the version is newer than the library's last known build - known: 5.0.0537 to 8.1.0178
}

// A Session follows the connections of a transcript: the wiki's fallback
// to CVR0, where the server closes after one CVQ, then a new connection.
func ExampleSession() {
	p, _ := protocol.Preset(protocol.DefaultPreset)
	s := protocol.NewSession(p)
	for _, line := range []string{
		"VER 1 MSNP10 MSNP9 CVR0",
		"CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.1.0211 MSMSGS example@hotmail.com",
		"CVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com",
	} {
		x := s.Step(line)
		fmt.Printf("connection %d, %s: %s\n", x.Conn, x.Kind, x.Reply)
		if x.HasDecision() {
			fmt.Printf("  %s check, %s; close %v\n", x.Decision.Decided, x.Decision.Reason, x.Close)
		}
		if why := protocol.Why(p, &x); why != "" {
			fmt.Println("  why:", why)
		}
	}
	// Output:
	// connection 1, replied: VER 1 CVR0
	// connection 1, replied: CVQ 2 7.0.0813 7.0.0813 6.2.0205 http://msgr.dlservice.microsoft.com/download/5/d/9/5d9bb5b2-49c7-4890-94ab-d1d5e44a0e6d/Install_MSN_Messenger.exe http://messenger.msn.com
	//   rule check, offer; close true
	// connection 2, replied: 710 5
	//   locale check, locale-unknown; close true
	//   why: 710: 0x1111 is not in this policy's LCID table
}

// Respond answers a whole transcript in the notation of protocol
// documentation, as the command line's respond does: here the README's
// example.
func ExampleRespond() {
	p, _ := protocol.Preset(protocol.DefaultPreset)
	protocol.Respond(os.Stdout, p, `VER 1 MSNP10 MSNP9 CVR0
CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.1.0211 MSMSGS example@hotmail.com
CVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com
`)
	// Output:
	// C: VER 1 MSNP10 MSNP9 CVR0
	// S: VER 1 CVR0
	// C: CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.1.0211 MSMSGS example@hotmail.com
	// S: CVQ 2 7.0.0813 7.0.0813 6.2.0205 http://msgr.dlservice.microsoft.com/download/5/d/9/5d9bb5b2-49c7-4890-94ab-d1d5e44a0e6d/Install_MSN_Messenger.exe http://messenger.msn.com
	// Server disconnects client.
	//
	// C: CVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com
	// S: 710 5
	// Server disconnects client.
}

// Pasted server lines are compared: a difference is written after the
// answer, and Respond reports it.
func ExampleRespond_expected() {
	p, _ := protocol.Preset(protocol.DefaultPreset)
	differs, _ := protocol.Respond(os.Stdout, p, "C: CVQ 6 spaghetti\nS: 710 6\n")
	fmt.Println("differs:", differs)
	// Output:
	// C: CVQ 6 spaghetti
	// S: 731 6
	// ! expected: 710 6
	// Server disconnects client.
	// differs: true
}

// Explain says what every token means and how each check went.
func ExampleExplain() {
	p, _ := protocol.Preset(protocol.DefaultPreset)
	x := protocol.NewSession(p).Step("CVQ 9 1033 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS")
	ex := protocol.Explain(p, &x)
	for _, f := range ex.Request[:3] {
		fmt.Printf("%s %q: %s (%s)\n", f.Name, f.Raw, f.Value, f.Status.Text())
		if f.Note != "" {
			fmt.Println("  " + f.Note)
		}
	}
	fmt.Println(ex.Outcome)
	// Output:
	// command "CVQ": CVQ: version query (CVR0) (ok)
	// TrID "9": 9 (ok)
	// locale "1033": not an LCID (error)
	//   the locale must be 0x followed by 1 to 4 hex digits; 1033 is the decimal form of 0x0409, English (United States)
	// Error 710 bad locale. The server closes the connection.
}

// A recording of two connections: the client closes the first
// ("Client disconnects."), so the second VER is a first line again.
func ExampleSession_StepEntry() {
	p, _ := protocol.Preset("msn-2003-09")
	t := protocol.ReadTranscript("VER 1 MSNP9\nClient disconnects.\nVER 2 MSNP8 CVR0\n")
	s := protocol.NewSession(p)
	for i := range t.Entries {
		x := s.StepEntry(&t.Entries[i])
		fmt.Printf("connection %d: %s (client closes: %v)\n", x.Conn, x.Reply, x.Hangup)
	}
	// Output:
	// connection 1: VER 1 MSNP9 (client closes: true)
	// connection 2: VER 2 MSNP8 (client closes: false)
}
