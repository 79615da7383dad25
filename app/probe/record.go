package probe

// Record is what happened on one case's connection: the run's raw
// observation, graded afterwards against any policy (see Grade), written
// to and read from a recording (see WriteRecording, ReadRecording).
type Record struct {
	ID     string
	Title  string // "" when read from a recording
	Source string // where the expected answer comes from, as Title
	Steps  []Step
	// Err is a network fault: the connection could not be made or broke
	// (not a close); the case is then an ERROR.
	Err string
	// Skipped marks a case not run, the run having been aborted.
	Skipped bool
	// Hangup reports that probe closed the connection, the server having
	// kept it open.
	Hangup bool
}

// Step is one line sent and what came back before the next.
type Step struct {
	Sent  string   // the line's text, without its line end
	Note  string   // how the bytes sent differ from Sent and CR LF
	Lines []string // the lines received, normally none or one
	// LF reports that a received line ended in a bare LF.
	LF bool
	// Garbage holds bytes that are not a line (not text, longer than the
	// bound, or cut by a close), at most maxGarbage of them.
	Garbage string
	// Partial holds the start of a line the server had not ended when
	// the timeout came (a trickle).
	Partial string
	Closed  bool // the server closed the connection, after Lines
	Silent  bool // nothing more came within the wait
}

// maxGarbage bounds what a Step keeps of bytes that are not a line.
const maxGarbage = 256

func clip(b []byte) string {
	if len(b) > maxGarbage {
		b = b[:maxGarbage]
	}
	return string(b)
}
