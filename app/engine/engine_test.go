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
