package probe_test

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cvq-playground/app/probe"
)

// TestExitCodes runs the command as a CI job would: 0 when every case
// passes, 1 when one does not, 2 for a usage error, 3 when it cannot
// connect.
func TestExitCodes(t *testing.T) {
	good := startListen(t, "msn-2006-12")
	other := startListen(t, "msn-2003-09")
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln.Addr().String()
	ln.Close()
	rec := filepath.Join(t.TempDir(), "rec.txt")
	fast := []string{"-delay", "0", "-timeout", "1s", "-cases", "msn-2006-12/cvr/known"}
	for _, c := range []struct {
		args []string
		want int
		out  string
	}{
		{append([]string{"-policy", "msn-2006-12", "-record", rec}, append(fast, good)...), probe.ExitPass, "is 127.0.0.1:"},
		{[]string{"-replay", rec, "-policy", "msn-2006-12"}, probe.ExitPass, "answers like msn-2006-12 in every case"},
		{[]string{"-replay", rec, "-policy", "msn-2003-09"}, probe.ExitFail, "× FAIL    msn-2006-12/cvr/known/1"},
		{append([]string{"-policy", "msn-2006-12"}, append(fast, other)...), probe.ExitFail, "× FAIL"},
		{append([]string{"-policy", "msn-2006-12"}, append(fast, closed)...), probe.ExitAborted, "Aborted: probe: run aborted: could not connect"},
		{[]string{"-list", "-policy", "msn-2006-12"}, probe.ExitPass, "msn-2006-12/cvq/error-731/1"},
		{[]string{"-policy", "msn-2006-12"}, probe.ExitUsage, ""},
		{[]string{"-policy", "nope", good}, probe.ExitUsage, ""},
		{[]string{"-cases", "zzz", good}, probe.ExitUsage, ""},
		{[]string{"-bogus", good}, probe.ExitUsage, ""},
		{[]string{"no-port"}, probe.ExitUsage, ""},
		{[]string{"-replay", rec, good}, probe.ExitUsage, ""},
		{[]string{"-replay", "testdata/none.txt"}, probe.ExitUsage, ""},
		{[]string{"-timeout", "0s", good}, probe.ExitUsage, ""},
	} {
		var stdout, stderr bytes.Buffer
		code := probe.Main(t.Context(), c.args, &stdout, &stderr)
		if code != c.want || !strings.Contains(stdout.String(), c.out) {
			t.Errorf("probe %s: exit %d, want %d; output lacks %q:\n%s%s", strings.Join(c.args, " "), code, c.want, c.out, stdout.String(), stderr.String())
		}
	}
	// The recording is what respond reads: each case its own connection.
	text, _ := os.ReadFile(rec)
	if n := strings.Count(string(text), "Client disconnects."); n != 4 {
		t.Errorf("the recording ends %d connections with \"Client disconnects.\", want 4:\n%s", n, text)
	}
}
