package card

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
)

// Cost grows linearly with the findings: each hot path is timed at n and 4n
// in one run (the best of five each, so a busy machine blurs both alike), and
// 4n may cost at most 10× n — linear is 4×, the quadratic paths this guards
// against were 16×. A ratio, never an absolute time.
func TestCostIsLinearInFindings(t *testing.T) {
	cases := []struct {
		name string
		n    int
		op   string
		make func(n int) []byte
	}{
		// {} cards in a text payload: two findings each, all inside one escaped string.
		{"empty cards in a text payload", 3000, OpValidateCardList, func(n int) []byte {
			return textRequest(`{"cardList":[` + strings.TrimSuffix(strings.Repeat("{},", n), ",") + `]}`)
		}},
		// Unknown keys in one cardExt string inside a text payload: two levels of escapes.
		{"unknown keys in one cardExt", 2000, OpValidateCardList, func(n int) []byte {
			var b strings.Builder
			b.WriteString(`{"timestamp":1700000000,"signature":"` + strings.Repeat("a", 40) + `"`)
			for i := 0; i < n; i++ {
				fmt.Fprintf(&b, `,"k%d":1`, i)
			}
			b.WriteString("}")
			p, _ := json.Marshal(map[string]any{"cardList": []any{map[string]any{"cardId": "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", "cardExt": b.String()}}})
			return textRequest(string(p))
		}},
		// Many lint files, each with findings, formatted as JSON.
		{"lint files with findings", 2000, OpLint, func(n int) []byte {
			files := make([]map[string]string, n)
			for i := range files {
				files[i] = map[string]string{"path": fmt.Sprintf("p/%d.json", i), "content": `{"cardList":[{"cardId":"x","cardExt":"{}"}]}`}
			}
			b, _ := json.Marshal(map[string]any{"payload": map[string]any{"files": files}, "options": map[string]any{"format": "json"}})
			return b
		}},
		// Lint files each holding a secret inside a cardExt: the secret scan
		// steps into every decoded document.
		{"lint files with secrets", 1000, OpLint, func(n int) []byte {
			files := make([]map[string]string, n)
			for i := range files {
				files[i] = map[string]string{"path": fmt.Sprintf("p/%d.json", i), "content": `{"cardList":[{"cardId":"x","cardExt":"{\"api_ticket\":\"t\"}"}]}`}
			}
			b, _ := json.Marshal(map[string]any{"payload": map[string]any{"files": files}, "options": map[string]any{}})
			return b
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			small, large := tc.make(tc.n), tc.make(4*tc.n)
			best := func(in []byte) time.Duration {
				b := time.Duration(1<<63 - 1)
				for range 5 {
					t0 := time.Now()
					Call(tc.op, in)
					b = min(b, time.Since(t0))
				}
				return b
			}
			best(small) // warm up
			ts, tl := best(small), best(large)
			ratio := float64(tl) / float64(ts)
			t.Logf("n=%d: %v; 4n: %v; ratio %.1f", tc.n, ts, tl, ratio)
			if ratio > 10 {
				t.Errorf("4× the input cost %.1f× the time (%v vs %v): not linear", ratio, tl, ts)
			}
		})
	}
}

func textRequest(payloadText string) []byte {
	b, _ := json.Marshal(map[string]any{"payload": payloadText, "options": map[string]any{}})
	return b
}
