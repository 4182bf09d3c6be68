package card

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzOps = []string{OpValidateCardList, OpBuildAddCard, OpBuildOpenCard, OpParseAddCardResult,
	OpParseActivateURL, OpValidateMemberCardLaunch, OpParseReferrerInfo, OpLint, "bogus"}

// seedVectors adds every conformance vector input to the corpus.
func seedVectors(f *testing.F, add func(op uint8, in []byte)) {
	files, _ := filepath.Glob("../../tests/vectors/*/*.input.json")
	for _, p := range files {
		in, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		op := filepath.Base(filepath.Dir(p))
		for i, o := range fuzzOps {
			if o == op {
				add(uint8(i), in)
			}
		}
	}
	for _, tc := range ruleCases() {
		if len(tc.input) < 4096 {
			add(0, []byte(tc.input))
		}
	}
}

// checkOutput asserts what every output must be: JSON with ok and
// diagnostics, ok false exactly when an error is present, known codes, and
// spans inside the text they refer to (never longer than the input).
func checkOutput(t *testing.T, out []byte, textLen int) {
	if !utf8.Valid(out) {
		t.Fatalf("output is not UTF-8: %q", out)
	}
	var o struct {
		OK          *bool            `json:"ok"`
		Diagnostics *[]Diagnostic    `json:"diagnostics"`
		Result      *json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal(out, &o); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if o.OK == nil || o.Diagnostics == nil {
		t.Fatalf("output lacks ok or diagnostics: %s", out)
	}
	hasError := false
	for _, d := range *o.Diagnostics {
		if _, ok := LookupRule(d.Code); !ok {
			t.Fatalf("unknown code %q", d.Code)
		}
		if d.Severity == SeverityError {
			hasError = true
		}
		if d.Message == "" {
			t.Fatalf("empty message: %+v", d)
		}
		if d.HasPosition() {
			if d.Offset < 0 || d.Length < 0 || d.Offset+d.Length > textLen || d.Column < 1 {
				t.Fatalf("span %d+%d outside the text (%d bytes): %+v", d.Offset, d.Length, textLen, d)
			}
		}
	}
	if *o.OK == hasError {
		t.Fatalf("ok is %v but error present is %v: %s", *o.OK, hasError, out)
	}
}

func FuzzCall(f *testing.F) {
	seedVectors(f, func(op uint8, in []byte) { f.Add(op, in) })
	f.Fuzz(func(t *testing.T, op uint8, in []byte) {
		name := fuzzOps[int(op)%len(fuzzOps)]
		checkOutput(t, Call(name, in), len(in))
	})
}

// FuzzPayloadText feeds raw payload text to the typed entry points: spans
// must select bytes of that text.
func FuzzPayloadText(f *testing.F) {
	seedVectors(f, func(op uint8, in []byte) {
		var req struct{ Payload json.RawMessage }
		if json.Unmarshal(in, &req) == nil && len(req.Payload) > 0 {
			f.Add(op, []byte(req.Payload))
		}
	})
	f.Fuzz(func(t *testing.T, op uint8, in []byte) {
		name := fuzzOps[int(op)%len(fuzzOps)]
		if name == OpParseActivateURL || name == OpLint || name == "bogus" {
			name = OpValidateCardList
		}
		out := runPayload(name, in, Options{Locale: LocaleZh})
		b := appendOutput(nil, &out)
		checkOutput(t, b, len(in))
	})
}

// FuzzLintDocuments: lint of several documents at once, each repeated so
// that findings pile up (the shape that once cost quadratic time): every
// output must hold the invariants, list at most MaxListed+1 diagnostics per
// file, and a file's diagnostics must point into that file.
func FuzzLintDocuments(f *testing.F) {
	f.Add([]byte(`{}`), []byte(`{"cardList":[{}]}`), uint8(3), true)
	f.Add([]byte(`{"cardList":[{"cardId":"x","cardExt":"{\"k\":1}"}]}`), []byte(`{"api_ticket":"t"}`), uint8(200), false)
	f.Add([]byte(`{ broken`), []byte(`{"cardList":[{"cardExt":{}}]}`), uint8(40), true)
	f.Fuzz(func(t *testing.T, a, b []byte, times uint8, explicit bool) {
		// Contents travel as JSON strings: valid UTF-8, so lengths compare.
		a = []byte(strings.ToValidUTF8(string(a), "\uFFFD"))
		b = []byte(strings.ToValidUTF8(string(b), "\uFFFD"))
		// a, repeated as the cards of one list, and b as a file of its own.
		cards := make([]byte, 0, len(a)*int(times)+2)
		cards = append(cards, '[')
		for i := 0; i < int(times); i++ {
			if i > 0 {
				cards = append(cards, ',')
			}
			cards = append(cards, a...)
		}
		cards = append(cards, ']')
		files := []map[string]any{
			{"path": "many.json", "content": `{"cardList":` + string(cards) + `}`, "explicit": explicit},
			{"path": "b.json", "content": string(b), "explicit": !explicit},
			{"path": "a.json", "content": string(a)},
		}
		req, err := json.Marshal(map[string]any{"payload": map[string]any{"files": files}, "options": map[string]any{"format": "json"}})
		if err != nil {
			t.Skip()
		}
		out := Call(OpLint, req)
		checkOutput(t, out, 1<<62)
		var o struct{ Diagnostics []Diagnostic }
		if err := json.Unmarshal(out, &o); err != nil {
			t.Fatal(err)
		}
		per := map[string]int{}
		for _, d := range o.Diagnostics {
			per[d.File]++
			if d.File != "" && d.HasPosition() {
				var n int
				for _, fl := range files {
					if fl["path"] == d.File {
						n = len(fl["content"].(string))
					}
				}
				if d.Offset+d.Length > n {
					t.Fatalf("%s: span %d+%d past its %d bytes", d.File, d.Offset, d.Length, n)
				}
			}
		}
		for file, n := range per {
			if file != "" && n > MaxListed+1 {
				t.Fatalf("%s lists %d diagnostics", file, n)
			}
		}
	})
}
