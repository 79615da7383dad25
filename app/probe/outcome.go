package probe

// Outcome is how a case came out. The zero Outcome is PASS.
type Outcome int

const (
	Pass    Outcome = iota // every line answered as expected
	Fail                   // an answer or the connection differs, field by field
	Timeout                // a reply (or a close) due did not come within the timeout
	Closed                 // the server closed without the reply due
	Garbage                // bytes that are not a line came
	Skip                   // not run: the run was aborted first
	Error                  // a network fault: no connection, or a broken one
	numOutcomes
)

var outcomeNames = [numOutcomes]string{"PASS", "FAIL", "TIMEOUT", "CLOSED", "GARBAGE", "SKIP", "ERROR"}

// String returns the outcome's name, upper case as reports print it.
func (o Outcome) String() string {
	if o < 0 || o >= numOutcomes {
		return "OUTCOME(?)"
	}
	return outcomeNames[o]
}

// ParseOutcome reads an outcome's name.
func ParseOutcome(s string) (Outcome, bool) {
	for i, n := range outcomeNames {
		if n == s {
			return Outcome(i), true
		}
	}
	return 0, false
}

// Outcomes lists every outcome, in the order reports count them.
func Outcomes() []Outcome {
	out := make([]Outcome, numOutcomes)
	for i := range out {
		out[i] = Outcome(i)
	}
	return out
}

// Fault reports an outcome that is the network's or the run's, not an
// answer that differs: JUnit writes it as an <error>.
func (o Outcome) Fault() bool { return o == Error }
