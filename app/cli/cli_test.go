package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestRespondCommand(t *testing.T) {
	code, out, _ := run(t, "VER 1 MSNP8 CVR0\nCVR 2 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS example@passport.com\n", "respond", "-policy", "msn-2003-09")
	want := "C: VER 1 MSNP8 CVR0\nS: VER 1 MSNP8\nC: CVR 2 0x0409 win 4.10 i386 MSNMSGR 5.0.0544 MSMSGS example@passport.com\n" +
		"S: CVR 2 6.0.0602 6.0.0602 1.0.0000 http://download.microsoft.com/download/8/a/4/8a42bcae-f533-4468-b871-d2bc8dd32e9e/SETUP9x.EXE http://messenger.msn.com\n"
	if code != 0 || out != want {
		t.Errorf("respond: exit %d\n%s\nwant exit 0\n%s", code, out, want)
	}
	// A pasted expectation that differs: the transcript is still written
	// whole, and the exit status is 1.
	code, out, _ = run(t, "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\nS: 420 1\nCVQ 6 spaghetti\n", "respond")
	if code != 1 || !strings.Contains(out, "! expected: 420 1\n") || !strings.HasSuffix(out, "S: 731 6\nServer disconnects client.\n") {
		t.Errorf("respond with a differing expectation: exit %d\n%s", code, out)
	}
	// A refusal is not a failure of the command.
	if code, _, _ := run(t, "CVQ 6 spaghetti\n", "respond"); code != 0 {
		t.Errorf("respond of a 731: exit %d, want 0", code)
	}
}

func TestPolicyArgument(t *testing.T) {
	code, _, errs := run(t, "", "respond", "-policy", "msn-1999")
	if code != 2 || !strings.Contains(errs, `unknown preset "msn-1999"`) {
		t.Errorf("unknown preset: exit %d, stderr %q", code, errs)
	}
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"name": "x", "dialects": ["CVR0"], "catalog": []}`), 0o644)
	code, _, errs = run(t, "", "respond", "-policy", bad)
	if code != 2 || !strings.Contains(errs, "catalog") {
		t.Errorf("bad policy file: exit %d, stderr %q", code, errs)
	}
	code, _, errs = run(t, "", "explain", "-policy", filepath.Join(dir, "missing.json"))
	if code != 2 || !strings.Contains(errs, "missing.json") {
		t.Errorf("missing policy file: exit %d, stderr %q", code, errs)
	}
	// A good file is used.
	_, js, _ := run(t, "", "presets", "-json", "msn-2002-10")
	good := filepath.Join(dir, "good.json")
	os.WriteFile(good, []byte(js), 0o644)
	code, out, _ := run(t, "CVQ 1 0x0409 win 4.10 i386 MSMSGS 3.6.0025 MSMSGS\n", "respond", "-policy", good)
	if code != 0 || !strings.Contains(out, "S: CVQ 1 4.6.0083 4.6.0083 1.0.0000") {
		t.Errorf("policy file: exit %d\n%s", code, out)
	}
}

func TestPresetsCommand(t *testing.T) {
	code, out, _ := run(t, "", "presets")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"msnp-wiki (default)", "msn-2002-10", "msn-2003-09", "msn-2006-03", "msn-2007-06", "msn-2009-06", "MSNP8–MSNP18, CVR0"} {
		if !strings.Contains(out, want) {
			t.Errorf("presets output lacks %q:\n%s", want, out)
		}
	}
}

func TestExplainCommand(t *testing.T) {
	code, out, _ := run(t, "CVQ 5 0x1111 winnt 5.1 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com\nCVQ 2 0x0409 winnt 5.1 i386 MSNMSGR 6.0.0602 MSMSGS example@hotmail.com\n", "explain")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"== Connection 1 ==", "== Connection 2 ==", "locale", "not in this policy's LCID table", "looks shifted",
		"English (United States)", "Windows XP", "MSN Messenger 6.0, 2003", "S: 710 5", "Must upgrade", "In CVR0 the server closes"} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q", want)
		}
	}
	_, md, _ := run(t, "CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS\n", "explain", "-markdown")
	for _, want := range []string{"## Connection 1", "| field | raw | value |", "| locale | 0x0409 | English (United States) |"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown explain lacks %q:\n%s", want, md)
		}
	}
}
