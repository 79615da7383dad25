package main

import (
	"sync"

	"cvq-playground/protocol"
)

// example is a transcript to load in one click, with the policy it is for.
type example struct {
	Group, Title, Policy, Input, About string
}

// wikiExamples are the six CVQ examples of the msnp-wiki CVQ page, each on
// its own connection: the editor's default content.
const wikiExamples = `CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS
CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com
CVQ 3 0x0409 winnt 5.0 i386 MSNMSGR 99.9.9999 MSMSGS
CVQ 4 0x0409 winnt 5.0 i386 YCOMM 0.1.0023 MSMSGS
CVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com
CVQ 6 spaghetti
`

var examples = []example{
	{"The wiki's examples", "All six CVQ examples", protocol.DefaultPreset, wikiExamples, "Every answer of the msnp-wiki CVQ page: two offers, 420 twice, 710 and 731."},
	{"The wiki's examples", "Old client (MSN Messenger 1.0)", protocol.DefaultPreset, "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n", "An MSMSGS client is offered MSN Messenger 5.0."},
	{"The wiki's examples", "New client (MSN Messenger 6.0)", protocol.DefaultPreset, "CVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com\n", "6.0.0602 is below the minimum 6.2.0205: it must upgrade."},
	{"The wiki's examples", "Version from the future: 420", protocol.DefaultPreset, "CVQ 3 0x0409 winnt 5.0 i386 MSNMSGR 99.9.9999 MSMSGS\n", "Newer than any build the server knows."},
	{"The wiki's examples", "Unknown library: 420", protocol.DefaultPreset, "CVQ 4 0x0409 winnt 5.0 i386 YCOMM 0.1.0023 MSMSGS\n", "YCOMM is not in the catalog."},
	{"The wiki's examples", "Bad locale: 710", protocol.DefaultPreset, "CVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com\n", "0x1111 is no LCID; note the missing i386, which shifts the fields."},
	{"The wiki's examples", "Too few parameters: 731", protocol.DefaultPreset, "CVQ 6 spaghetti\n", "One parameter where six are needed."},
	{"The wiki's examples", "VER falls back to CVR0", protocol.DefaultPreset, "VER 1 MSNP10 MSNP9 CVR0\nCVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.1.0211 MSMSGS example@hotmail.com\n", "No MSNP dialect in common: CVR0, one CVQ, then the server disconnects."},
	{"The wiki's examples", "Pasted wiki transcript", protocol.DefaultPreset, "C: CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nS: CVQ 1 5.0.0537 5.0.0537 1.0.0863\n.. http://download.microsoft.com/download/msnmessenger/install/5.0/w98nt42kmexp/en-us/setupdl.exe\n.. http://messenger.microsoft.com\n", "C:/S: lines with .. continuations; the S: lines are compared with the computed answer."},
	{"Real captures", "2002: MSNP7 and an unknown library", "msn-2002-10", "VER 1 MSNP7 MSNP6 CVR0\nCVR 7 0x0409 win 4.10 i386 MSMSGS 3.6.0025 MSMSGS\nCVR 8 0x0409 win 4.10 i386 MSGSTRST 3.6.0025 MSMSGS\n", "A known client, then MSGSTRST: CVR answers an unknown client with 1.0.0000."},
	{"Real captures", "2003: MSNP8 login", "msn-2003-09", "VER 1 MSNP8 CVR0\nCVR 2 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS example@passport.com\n", "MSN Messenger 5.0 is offered 6.0."},
	{"Real captures", "2006: old client told to upgrade", "msn-2006-03", "VER 1 MSNP9 MSNP8 CVR0\nCVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS user@hotmail.com\n", "6.0.0602 is below the minimum 6.2.0208."},
	{"Real captures", "2007: Spanish locale", "msn-2007-06", "VER 1 MSNP13 CVR0\nCVR 2 0x0c0a winnt 5.1 i386 MSNMSGR 8.0.0792 msmsgs user@hotmail.com\n", "0x0c0a gets the Spanish download."},
	{"Real captures", "2007: 710 keeps the session", "msn-2007-06", "VER 1 MSNP15 CVR0\nCVR 3 0x0409 winnt 5.1 i386 MSNMSGR 8.5.1302 msmsgs a@b.com\nCVR 4 0x1111 winnt 5.1 i386 MSNMSGR 8.1.0178 msmsgs a@b.com\nCVR 5 0x0409 winnt 5.1 i386 MSNMSGR 8.1.0178 msmsgs a@b.com\n", "An unknown 8.5 build, a bad locale, then a normal answer, all in one MSNP15 session."},
	{"Real captures", "2009: implicit MSNP18 session", "msn-2009-06", "CVR 5 0x0409 winnt 5.1 i386 MSNMSGR 8.5.1302 BC01 someone@hotmail.com\n", "CVR as the first line; BC01 identification."},
	{"Edge cases", "Tabs and runs of spaces", protocol.DefaultPreset, "CVQ 10 0x0409\twin\t4.10  i386 MSMSGS 1.0.0863 MSMSGS \t \n", "Blanks of any kind separate parameters; the reply uses single spaces."},
	{"Edge cases", "Bad TrIDs and commands", protocol.DefaultPreset, "CVQ x1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\ncvq 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nCVQ 4294967296 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n", "The server closes without a reply."},
	{"Edge cases", "Locale forms", protocol.DefaultPreset, "CVQ 1 0x0C0A win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nCVQ 2 0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nCVQ 3 1033 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n", "Upper-case hex is fine; no 0x or a decimal LCID gives 710."},
}

// presets is the built-in policies, made and compiled once, on first use:
// the header and the captures, drawn after the start.
var presets = sync.OnceValue(protocol.Presets)
