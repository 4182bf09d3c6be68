package card

import (
	"encoding/json"
	"os"
	"path/filepath"
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
