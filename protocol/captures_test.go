package protocol

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// captureRows reads data/captures.tsv on its own, so that the replay test
// does not rest on the parser it checks.
func captureRows(t *testing.T) []map[string]string {
	t.Helper()
	f, err := os.Open("data/captures.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma, r.LazyQuotes = '\t', true
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return rows
}

// TestCaptures replays every real exchange with the preset of its era and
// compares the server's line byte for byte (C2's reply only up to where
// its source cuts it), and the close where the capture shows it.
func TestCaptures(t *testing.T) {
	rows := captureRows(t)
	if len(rows) != 24 {
		t.Fatalf("%d captures, want the 24 of the specification", len(rows))
	}
	for _, row := range rows {
		p, err := Preset(row["preset"])
		if err != nil {
			t.Errorf("%s: %v", row["name"], err)
			continue
		}
		x := NewSession(p).Step(row["request"])
		want := row["reply"]
		if kept, cut := strings.CutSuffix(want, " …"); cut {
			if !strings.HasPrefix(x.Reply, kept+" ") {
				t.Errorf("%s with %s: %q\nreplies %q\nwant up to the cut %q", row["name"], row["preset"], row["request"], x.Reply, kept)
			}
		} else if x.Reply != want {
			t.Errorf("%s with %s: %q\nreplies %q\nwant     %q", row["name"], row["preset"], row["request"], x.Reply, want)
		}
		if c := row["server_closes"]; c != "-" && x.Close != (c == "yes") {
			t.Errorf("%s with %s: close %v, the capture shows %s", row["name"], row["preset"], x.Close, c)
		}
	}
}

// TestCaptureList holds Captures, which the page's gallery shows, to the
// file, and its Matches to what a capture shows.
func TestCaptureList(t *testing.T) {
	rows, caps := captureRows(t), Captures()
	if len(caps) != len(rows) {
		t.Fatalf("Captures() has %d, the file %d", len(caps), len(rows))
	}
	for i, c := range caps {
		row := rows[i]
		if c.Name != row["name"] || c.Preset != row["preset"] || c.Request != row["request"] || c.Reply != row["reply"] || c.Source != row["source"] {
			t.Errorf("Captures()[%d] = %+v, the file has %v", i, c, row)
		}
		p := mustPreset(t, c.Preset)
		x := c.Replay(p)
		if !c.Matches(&x) {
			t.Errorf("%s: Matches(%q) = false", c.Name, x.Reply)
		}
		// The check can fail: one byte more, or the other close.
		y := x
		y.Reply += " "
		if !c.Truncated() && c.Matches(&y) {
			t.Errorf("%s: a reply with a trailing space matches", c.Name)
		}
		y = x
		y.Close = !y.Close
		if c.CloseShown && c.Matches(&y) {
			t.Errorf("%s: the other close matches", c.Name)
		}
	}
}

// TestCaptureGoldens writes each capture as a transcript in
// testdata/captures: its source, the preset, the request with the captured
// reply pasted after it, and what respond writes (which says "! expected"
// where they differ). Regenerate with go test ./protocol -update.
func TestCaptureGoldens(t *testing.T) {
	rows := captureRows(t)
	want := map[string]bool{}
	for _, row := range rows {
		name := filepath.Join("testdata", "captures", row["name"]+".txtar")
		want[name] = true
		var in strings.Builder
		in.WriteString("C: " + row["request"] + "\n")
		if strings.HasSuffix(row["reply"], " …") {
			in.WriteString("# cut off in the source after the versions: " + row["reply"] + "\n")
		} else {
			in.WriteString("S: " + row["reply"] + "\n")
		}
		if row["server_closes"] == "yes" {
			in.WriteString(DisconnectLine + "\n")
		}
		var out bytes.Buffer
		differs, err := Respond(&out, mustPreset(t, row["preset"]), in.String())
		if err != nil || differs {
			t.Errorf("%s: respond differs from the capture (err %v):\n%s", row["name"], err, out.String())
		}
		ar := &txtar.Archive{
			Comment: []byte(row["name"] + " (" + row["kind"] + "): " + row["source"] + ".\nReplayed with the preset " + row["preset"] + "; the captured reply is pasted after the request.\n"),
			Files: []txtar.File{
				{Name: "policy", Data: []byte(row["preset"] + "\n")},
				{Name: "input", Data: []byte(in.String())},
				{Name: "want", Data: out.Bytes()},
			},
		}
		data := txtar.Format(ar)
		if *update {
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if old, err := os.ReadFile(name); err != nil || !bytes.Equal(old, data) {
			t.Errorf("%s is missing or out of date (err %v): run go test ./protocol -update", name, err)
		}
	}
	files, _ := filepath.Glob("testdata/captures/*.txtar")
	for _, f := range files {
		if !want[f] && !*update {
			t.Errorf("%s is no capture of data/captures.tsv", f)
		}
	}
}
