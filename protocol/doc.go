// Package protocol computes what an MSN Messenger Dispatch Server answers to
// the client-version query of the MSN Messenger protocol (MSNP), and explains
// every field of the exchange.
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
// continues after the answer.
//
// The flow is: [Parse] turns a line into a [Request] with byte spans for every
// token; a [Policy] (data, decodable from JSON; see [Presets]) decides the
// answer with [Policy.Decide]; a [Session] follows the connections of a
// transcript; [ReadTranscript] and [WriteTranscript] speak the notation of
// protocol documentation; [Explain] says what every token means.
//
// Deciding is a pure function of the policy and the line: no clock, no
// globals that change, no I/O.
package protocol
