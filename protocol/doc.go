// Package protocol computes what an MSN Messenger Dispatch Server answers to
// the client-version query of the MSN Messenger protocol (MSNP), and explains
// every field of the exchange.
//
// # The exchange
//
// A client that could not agree on a protocol dialect falls back to CVR0 and
// asks once:
//
//	C: VER 1 MSNP10 MSNP9 CVR0
//	S: VER 1 CVR0
//	C: CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.1.0211 MSMSGS example@hotmail.com
//	S: CVQ 2 7.0.0813 7.0.0813 6.2.0205 http://msgr.dlservice.microsoft.com/… http://messenger.msn.com
//	Server disconnects client.
//
// CVR is the same query inside a normal MSNPx session, where the session
// continues after the answer. The query's parameters, after the command and
// the TrID, are positional (see [ParamLocale]):
//
//	CVQ 2 0x0409 winnt       5.1        i386        MSNMSGR            6.1.0211       MSMSGS                example@hotmail.com
//	      locale system-type system-ver system-arch requesting-library client-version client-identification user-handle
//
// and the answer names, in order, the recommended version (twice), the
// minimum version, the installer to download and the page to open when the
// download fails (see [Decision]). A refusal is an error code and the TrID:
// 731 for fewer than six parameters, 710 for a locale that is not an
// accepted LCID, 420 for an unknown library or version ([Code]); in an
// MSNP session, CVR answers an unknown client with 1.0.0000 instead.
//
// # Using the package
//
// [Parse] turns a line into a [Request] with byte spans for every token; a
// [Policy] (data, decodable from JSON with [DecodePolicy]; see [Presets] for
// the built-in ones) answers it with [Policy.Decide], whose [Decision] names
// the reply's fields and records the evidence of each check. A [Session]
// follows the connections of one client line by line, and returns an
// [Exchange] for each; [Respond] runs a whole transcript written in the
// notation of protocol documentation (read by [ReadTranscript]) and
// compares pasted answers; a transcript's "Client disconnects." ends a
// connection from the client's side, so that a recording of separate
// connections replays as such ([Session.StepEntry]); [Explain] and [Why] say in plain words what every
// token means and why the server answered so.
//
// A revival server answers a line with:
//
//	p, _ := protocol.Preset("msn-2003-09")
//	s := protocol.NewSession(p) // one per connection
//	x := s.Step(line)           // line without its CR LF
//	if x.Reply != "" {
//		write(x.Reply + "\r\n")
//	}
//	if x.Close {
//		closeConnection()
//	}
//
// Deciding is a pure function of the policy and the line: no clock, no
// globals that change, no I/O. Parsing and deciding allocate nothing; a
// Session's step allocates the reply line.
//
// Every enumeration ([Status], [Kind], [Reason], [Check], [Fault],
// [Source], [URLOrigin], [Reaction], [Code]) prints in two ways: String, a
// stable lower-case name for programs and style sheets ("must-upgrade"),
// and Text, the words a person reads ("must upgrade").
//
// The reference tables (locales, client builds, systems) and the words of
// the explanations (what each library, codebase name and field means) are
// embedded from the package's data folder.
package protocol
