package main

import (
	"encoding/json"
	"strings"
	"testing"

	"cvq-playground/app/docs"
)

func TestAnswerJSON(t *testing.T) {
	var res docs.Result
	if err := json.Unmarshal(answer([]byte(`{"id":5,"policy":"msn-2007-06","in":"VER 1 MSNP13 CVR0\nCVR 2 0x0c0a winnt 5.1 i386 MSNMSGR 8.0.0792 msmsgs user@hotmail.com","sel":2}`)), &res); err != nil {
		t.Fatal(err)
	}
	if res.ID != 5 || len(res.Rows) != 2 || !strings.Contains(res.Rows[1].Reply, "/ES/Install_WLMessenger.exe") || res.Explain == nil || res.Explain.Line != 2 {
		t.Errorf("answer = %+v", res)
	}
}

func TestAnswerBadRequests(t *testing.T) {
	for _, req := range []string{"", "{", "[]", `{"id":"x"}`, strings.Repeat(" ", maxRequest+1)} {
		var res docs.Result
		if err := json.Unmarshal(answer([]byte(req)), &res); err != nil {
			t.Errorf("answer(%.20q) is not JSON: %v", req, err)
		}
		if res.Error == "" || res.Rows == nil {
			t.Errorf("answer(%.20q) = %+v, want an error and no rows", req, res)
		}
	}
}

func TestAnswerBatch(t *testing.T) {
	var res []docs.Result
	out := answer([]byte(` [{"id":1,"policy":"msnp-wiki","in":"CVQ 1 0x0409 win 4.10 i386 MSMSGS 1.0.0863 MSMSGS"},{"id":2,"policy":"no-such-preset","in":"x"},{"id":"x"}]`))
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("answer(batch) = %s: %v", out, err)
	}
	if len(res) != 3 || res[0].ID != 1 || len(res[0].Rows) != 1 || res[0].Rows[0].Reply == "" ||
		res[1].ID != 2 || res[1].Error == "" || res[2].Error == "" {
		t.Errorf("answer(batch) = %+v", res)
	}
}
