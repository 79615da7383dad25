package protocol

import (
	"math/rand/v2"
	"strconv"
)

// SamplePolicy is the preset SampleTranscript's clients talk to.
const SamplePolicy = "msn-2009-06"

// SampleTranscript returns n client lines like a Dispatch Server's log of
// 2009 holds, the same for the same seed: CVR and CVQ lines with the
// locales, systems and builds of the time (mostly Messenger 7.5 to 2009,
// a few older, unknown or newer ones, one in a hundred malformed), the
// VER negotiations and USR lines around them, and now and then a pasted
// server answer, a comment, a "C: " prefix or a CR LF. The lines are
// ASCII and none is longer than a server accepts.
//
// It is the input of the throughput benchmarks: a transcript whose lines
// vary the way real ones do, so that no cache or branch predictor sees
// one line repeated.
func SampleTranscript(seed uint64, n int) []byte {
	g := sampler{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), s: NewSession(mustSample())}
	b := make([]byte, 0, n*90)
	for g.lines < n {
		b = g.next(b)
	}
	return b
}

func mustSample() *Policy {
	p, err := Preset(SamplePolicy)
	if err != nil {
		panic(err)
	}
	return p
}

type sampler struct {
	r     *rand.Rand
	s     *Session // tells the sampler when the server closed
	lines int
	trid  int
	buf   []byte
}

// Weighted choices of the time; the heavy ones first.
var (
	sampleLocales = []string{"0x0409", "0x0409", "0x0409", "0x0409", "0x0809", "0x0407", "0x040c", "0x0c0a", "0x0410", "0x0413",
		"0x0416", "0x0816", "0x0411", "0x0412", "0x0804", "0x0404", "0x0419", "0x041d", "0x0406", "0x0414", "0x040b", "0x0415",
		"0x041f", "0x0401", "0x040d", "0x0c09", "0x1009", "0x080a", "0x0405", "0x040e"}
	sampleSystems = []string{"winnt 5.1", "winnt 5.1", "winnt 5.1", "winnt 6.0", "winnt 6.0.0", "winnt 6.1", "winnt 6.1.0",
		"winnt 5.0", "winnt 5.2", "win 4.10", "win 4.90"}
	sampleBuilds = []string{"MSNMSGR 8.5.1302", "MSNMSGR 8.5.1302", "MSNMSGR 8.5.1288", "MSNMSGR 8.1.0178", "MSNMSGR 8.1.0178",
		"MSNMSGR 14.0.8064", "MSNMSGR 14.0.8089.0726", "MSNMSGR 14.0.8117.0416", "MSNMSGR 14.0.8117.0416", "MSNMSGR 8.0.0812",
		"MSNMSGR 7.5.0324", "MSNMSGR 7.5.0311", "MSNMSGR 7.0.0816", "MSNMSGR 6.2.0208", "MSNMSGR 6.0.0602", "MSNMSGR 5.0.0544",
		"MSMSGS 4.7.3001", "MSMSGS 4.6.0083", "MSMSGS 3.6.0025"}
	sampleOdd = []string{"MSNMSGR 15.4.3538.0513", "MSNMSGR 99.9.9999", "macmsgs 8.0.1", "YCOMM 0.1.0023", "MSNMSGR 8.5",
		"MSNMSGR 8.5.1302.0.1"}
	sampleIDs     = []string{"msmsgs", "MSMSGS", "BC01", "msmsgs", "MSMSGS"}
	sampleDomains = []string{"hotmail.com", "hotmail.com", "msn.com", "live.com", "hotmail.co.uk", "passport.com", "yahoo.com",
		"live.de", "hotmail.fr", "gmail.com"}
	sampleNames   = []string{"alice", "bob", "carol", "dave", "eve", "mallory", "trent", "peggy", "victor", "walter", "sam", "kim"}
	sampleDialect = []string{"MSNP18 MSNP17 CVR0", "MSNP15 MSNP14 MSNP13 CVR0", "MSNP12 MSNP11 MSNP10 CVR0", "MSNP9 MSNP8 CVR0",
		"MSNP8 CVR0", "MSNP15 MSNP14 MSNP13 MSNP12 MSNP11 MSNP10 MSNP9 MSNP8 CVR0"}
)

func (g *sampler) pick(s []string) string { return s[g.r.IntN(len(s))] }

// next appends the next client line: what a client on a fresh connection
// sends, or the next line of the session that is open.
func (g *sampler) next(b []byte) []byte {
	k := g.r.IntN(100)
	switch st := g.s.State(); {
	case st.Fresh():
		g.trid = 0
		if k < 4 {
			b = append(b, "# "...)
			b = append(b, g.pick(sampleNames)...)
			b = append(b, " connects from 10."...)
			b = strconv.AppendInt(b, int64(g.r.IntN(256)), 10)
			b = append(b, ".0."...)
			b = strconv.AppendInt(b, int64(g.r.IntN(256)), 10)
			b = append(b, '\n')
		}
		switch {
		case k < 12:
			return g.line(b, g.ver(g.pick(sampleDialect)))
		case k < 16:
			return g.line(b, g.ver("CVR0"))
		case k < 55:
			return g.line(b, g.query("CVQ"))
		}
		return g.line(b, g.query("CVR"))
	case g.s.dialect == DialectCVR0:
		return g.line(b, g.query("CVQ"))
	case k < 3:
		return g.line(b, g.other())
	case k < 5: // a CVR0 client that missed the close
		return g.line(b, g.query("CVQ"))
	}
	return g.line(b, g.query("CVR"))
}

func (g *sampler) ver(dialects string) []byte {
	g.trid++
	l := append(g.buf[:0], "VER "...)
	l = strconv.AppendInt(l, int64(g.trid), 10)
	l = append(l, ' ')
	return append(l, dialects...)
}

// query writes a CVQ or CVR line: the usual ones, and a few of every way
// a line goes wrong.
func (g *sampler) query(verb string) []byte {
	g.trid++
	l := append(g.buf[:0], verb...)
	l = append(l, ' ')
	l = strconv.AppendInt(l, int64(g.trid), 10)
	odd := g.r.IntN(100)
	if odd == 0 { // too few parameters
		return append(l, " 0x0409 winnt 5.1"...)
	}
	l = append(l, ' ')
	if odd == 1 {
		l = append(l, "0x1111"...)
	} else {
		l = append(l, g.pick(sampleLocales)...)
	}
	l = append(l, ' ')
	l = append(l, g.pick(sampleSystems)...)
	l = append(l, " i386 "...)
	if odd < 6 {
		l = append(l, g.pick(sampleOdd)...)
	} else {
		l = append(l, g.pick(sampleBuilds)...)
	}
	l = append(l, ' ')
	l = append(l, g.pick(sampleIDs)...)
	if g.r.IntN(10) > 0 {
		l = append(l, ' ')
		l = append(l, g.pick(sampleNames)...)
		l = strconv.AppendInt(l, int64(g.r.IntN(10000)), 10)
		l = append(l, '@')
		l = append(l, g.pick(sampleDomains)...)
	}
	return l
}

// other writes a command of the login that is outside CVQ.
func (g *sampler) other() []byte {
	g.trid++
	l := append(g.buf[:0], "USR "...)
	l = strconv.AppendInt(l, int64(g.trid), 10)
	l = append(l, " TWN I "...)
	l = append(l, g.pick(sampleNames)...)
	return append(l, "@hotmail.com"...)
}

// line appends client line l with the notation's variations, runs it, and
// sometimes pastes an answer after it.
func (g *sampler) line(b, l []byte) []byte {
	g.buf = l[:0]
	g.lines++
	v := g.r.IntN(100)
	if v < 10 {
		b = append(b, "C: "...)
	}
	b = append(b, l...)
	if v >= 97 {
		b = append(b, '\r')
	}
	b = append(b, '\n')
	x := g.s.Step(string(l))
	if v%8 == 3 && x.Reply != "" { // a pasted answer; one in four from another server
		b = append(b, "S: "...)
		if v%32 == 3 {
			b = append(b, "420 "...)
			b = strconv.AppendUint(b, uint64(x.Req.TrID), 10)
		} else {
			b = append(b, x.Reply...)
		}
		b = append(b, '\n')
		if x.Close && v%16 == 11 {
			b = append(b, DisconnectLine+"\n"...)
		}
	}
	return b
}
