package protocol

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// respondWhole is the reference RespondStream is held to: the whole
// transcript read by ReadTranscript, then every entry stepped and
// written, as Respond did before it streamed.
func respondWhole(w io.Writer, p *Policy, text string) (differs bool, err error) {
	bw := bufio.NewWriter(w)
	t := ReadTranscript(text)
	for _, s := range t.Stray {
		bw.WriteString("! expected: " + s + " (before any client line)\n")
		differs = true
	}
	s := NewSession(p)
	pendingBreak := false
	for i := range t.Entries {
		e := &t.Entries[i]
		x := s.StepEntry(e)
		if x.Kind == KindIgnored {
			continue
		}
		if pendingBreak {
			bw.WriteByte('\n')
			pendingBreak = false
		}
		bw.WriteString("C: " + x.Line + "\n")
		for _, a := range AppendAnnotations(nil, e, &x) {
			bw.WriteString(a.String() + "\n")
		}
		if e.Differs(&x) {
			differs = true
		}
		pendingBreak = x.Close || x.Hangup || x.Ended
	}
	return differs, bw.Flush()
}

// sameAsWhole checks that RespondStream writes what respondWhole writes,
// also when the reader hands over a few bytes at a time.
func sameAsWhole(t *testing.T, p *Policy, name, text string) {
	t.Helper()
	var want bytes.Buffer
	wantDiffers, _ := respondWhole(&want, p, text)
	for _, r := range []io.Reader{strings.NewReader(text), &trickle{s: text}} {
		var got bytes.Buffer
		differs, err := RespondStream(&got, p, r)
		if err != nil || differs != wantDiffers || got.String() != want.String() {
			t.Fatalf("%s: RespondStream: differs %v, err %v, %d bytes; whole: differs %v, %d bytes\n%s",
				name, differs, err, got.Len(), wantDiffers, want.Len(), firstDifference(got.String(), want.String()))
		}
	}
}

// trickle reads 1 to 7 bytes at a time.
type trickle struct {
	s string
	n int
}

func (r *trickle) Read(b []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	r.n = r.n%7 + 1
	n := copy(b[:min(len(b), r.n)], r.s)
	r.s = r.s[n:]
	return n, nil
}

func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(i-80, 0)
	return "got  …" + a[from:min(i+80, len(a))] + "\nwant …" + b[from:min(i+80, len(b))]
}

func TestStreamSample(t *testing.T) {
	p := mustPreset(t, SamplePolicy)
	for _, seed := range []uint64{1, 2, 3} {
		sameAsWhole(t, p, "sample", string(SampleTranscript(seed, 20000)))
	}
}

func TestStreamGoldens(t *testing.T) {
	files, _ := filepath.Glob("testdata/rules/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var pol, input string
		for _, f := range ar.Files {
			switch f.Name {
			case "policy":
				pol = strings.TrimSpace(string(f.Data))
			case "input":
				input = string(f.Data)
			}
		}
		sameAsWhole(t, mustPreset(t, pol), file, input)
	}
	for _, v := range loadVectors(t) {
		sameAsWhole(t, mustPreset(t, v.policy), v.id, v.input)
	}
}

// TestStreamNotation covers the corners of the notation where a later
// line changes an earlier one: continuations of client and server lines,
// server lines before any client line, blank and over-long blank lines
// between a client line and its answers.
func TestStreamNotation(t *testing.T) {
	p := mustPreset(t, DefaultPreset)
	long := strings.Repeat(" ", p.MaxLineBytes()+1)
	cases := []string{
		"",
		"\n",
		"S: a\n.. b\nCVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n",
		"S: a\n\nServer disconnects client.\n.. b\nS:  c \t d\n\nCVQ 1 0x0409\n",
		"S: only a server line",
		"CVQ 1 0x0409 win 4.10\n.. i386 MSMSGS 1.0.0863 MSMSGS\nS: 731 1\n.. x\nServer disconnects client.\n",
		"\n\n.. CVQ 1 0x0409\n.. win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n\nS: 420 1\n",
		"VER 1 MSNP8 CVR0\n\n   \nS: VER 1 CVR0\nS: extra\n" + long + "\nS: late\n.. continued\nUSR 2 TWN I a\n",
		long + "\nS: stray\n" + long + "\nCVQ 1\n",
		"C: VER 1 CVR0\r\nS: VER 1 CVR0\r\n>>> CVQ 2 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\r\n<<< CVQ 2\r\n# a comment\r\n.. \r\n..\nC:\n>>>\nS:\n<<<\n..",
		"CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nServer disconnects client.\n\nCVQ 2 x\nServer disconnects client.   \t\n.. y\n",
		"VER 1 MSNP8\nS: VER 1 MSNP8\nClient disconnects.\nVER 2 MSNP8\n\nClient disconnects. \t\nCVR 3 x\nClient disconnects.\nClient disconnects.\n",
		"Client disconnects.\nC: Client disconnects.\nCVQ 1 spaghetti\nServer disconnects client.\nClient disconnects.\nVER 2 CVR0\n.. MSNP8\nClient disconnects.\n.. x\n",
	}
	for i, c := range cases {
		sameAsWhole(t, p, "case "+string(rune('0'+i)), c)
	}
}

// TestStreamMemory checks that RespondStream's memory does not grow with
// the transcript: once its buffers are warm, more lines cost no
// allocation at all.
func TestStreamMemory(t *testing.T) {
	p := mustPreset(t, SamplePolicy)
	short := SampleTranscript(7, 2000)
	long := SampleTranscript(7, 20000)
	allocs := func(text []byte) float64 {
		return testing.AllocsPerRun(5, func() {
			if _, err := RespondStream(io.Discard, p, bytes.NewReader(text)); err != nil {
				t.Fatal(err)
			}
		})
	}
	a, b := allocs(short), allocs(long)
	// The longer sample has ten times the lines; a buffer or two may grow
	// once more for its longest line.
	if b > a+4 {
		t.Errorf("RespondStream: %.0f allocations for 2,000 lines, %.0f for 20,000: memory grows with the transcript", a, b)
	}
	t.Logf("allocations: %.0f for 2,000 lines, %.0f for 20,000", a, b)
}

// FuzzStream holds RespondStream to the whole-transcript reference on any
// input.
func FuzzStream(f *testing.F) {
	for _, v := range loadVectors(f) {
		f.Add(v.input)
	}
	f.Add("S: a\n\nServer disconnects client.\n.. b\nS:  c \t d\n\nCVQ 1 0x0409\n")
	f.Add("\n\n.. CVQ 1 0x0409\n.. win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n\nS: 420 1\n.. x\n")
	f.Add(string(SampleTranscript(1, 40)))
	f.Add("VER 1 MSNP8\nS: VER 1 MSNP8\nClient disconnects.\n.. x\nCVR 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS a\nClient disconnects.\n")
	p := mustPreset(f, SamplePolicy)
	f.Fuzz(func(t *testing.T, text string) {
		var want, got bytes.Buffer
		wantDiffers, _ := respondWhole(&want, p, text)
		differs, err := RespondStream(&got, p, &trickle{s: text})
		if err != nil || differs != wantDiffers || got.String() != want.String() {
			t.Fatalf("RespondStream(%q): differs %v, err %v; whole: differs %v\n%s", text, differs, err, wantDiffers, firstDifference(got.String(), want.String()))
		}
	})
}

// TestStreamAnswersAsItReads feeds RespondStream through a pipe: a client
// line's answer comes out once the next client line is in, before the
// input ends.
func TestStreamAnswersAsItReads(t *testing.T) {
	p := mustPreset(t, SamplePolicy)
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		_, err := RespondStream(outW, p, inR)
		outW.CloseWithError(err)
		done <- err
	}()
	// Without the answer, the read below would wait for ever.
	guard := time.AfterFunc(time.Minute, func() { outR.CloseWithError(errors.New("no answer while the input is open")) })
	defer guard.Stop()
	go inW.Write([]byte("CVQ 1 0x0409 winnt 5.1 i386 MSNMSGR 8.5.1302 MSMSGS\nS: 420 1\nCVQ 2 x\n"))
	want := "C: CVQ 1 0x0409 winnt 5.1 i386 MSNMSGR 8.5.1302 MSMSGS\nS: CVQ 1 14.0.8064"
	got := make([]byte, len(want))
	if _, err := io.ReadFull(outR, got); err != nil || string(got) != want {
		t.Fatalf("first answer: %q, %v; want %q", got, err, want)
	}
	// The rest, once the input ends.
	inW.Close()
	rest, err := io.ReadAll(outR)
	if err != nil || !strings.Contains(string(rest), "! expected: 420 1\nServer disconnects client.\n\nC: CVQ 2 x\nS: 731 2\n") {
		t.Errorf("the rest: %q, %v", rest, err)
	}
	if err := <-done; err != nil {
		t.Error(err)
	}
}

// TestStreamReadError: an error reading the transcript is returned, after
// the answers to the lines before it.
func TestStreamReadError(t *testing.T) {
	p := mustPreset(t, SamplePolicy)
	failing := io.MultiReader(strings.NewReader("CVQ 1 x\nCVQ 2 y\n"), errReader{})
	var out bytes.Buffer
	_, err := RespondStream(&out, p, failing)
	if err != errBroken || !strings.HasPrefix(out.String(), "C: CVQ 1 x\nS: 731 1\n") {
		t.Errorf("RespondStream = %v, wrote %q; want %v after the first answer", err, out.String(), errBroken)
	}
}

var errBroken = errors.New("broken")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errBroken }

func ExampleRespondStream() {
	p, _ := Preset("msn-2003-09")
	log := strings.NewReader("VER 1 MSNP8 CVR0\r\nS: VER 1 MSNP8\r\nCVR 2 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS example@passport.com\r\nS: CVR 2 5.0.0544\r\n")
	differs, _ := RespondStream(os.Stdout, p, log)
	fmt.Println("differs:", differs)
	// Output:
	// C: VER 1 MSNP8 CVR0
	// S: VER 1 MSNP8
	// C: CVR 2 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS example@passport.com
	// S: CVR 2 6.0.0602 6.0.0602 1.0.0000 http://download.microsoft.com/download/8/a/4/8a42bcae-f533-4468-b871-d2bc8dd32e9e/SETUP9x.EXE http://messenger.msn.com
	// ! expected: CVR 2 5.0.0544
	// differs: true
}
