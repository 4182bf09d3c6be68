package card

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type out struct {
	OK          bool            `json:"ok"`
	Diagnostics []Diagnostic    `json:"diagnostics"`
	Result      json.RawMessage `json:"result"`
}

func call(t *testing.T, op, input string) out {
	t.Helper()
	raw := Call(op, []byte(input))
	var o out
	require.NoError(t, json.Unmarshal(raw, &o), "output is not JSON: %s", raw)
	return o
}

func find(t *testing.T, o out, code string) Diagnostic {
	t.Helper()
	for _, d := range o.Diagnostics {
		if d.Code == code {
			return d
		}
	}
	require.Failf(t, "code not reported", "%s not in %+v", code, o.Diagnostics)
	return Diagnostic{}
}

// textReq wraps payload text as a JSON string payload, so positions refer to
// the text itself.
func textReq(text, opts string) string { return envelope(jsonString(text), opts) }

// The span of a diagnostic inside a cardExt string selects, in the text the
// user edits, exactly the escaped token of the field.
func TestPositionsMapThroughEscapes(t *testing.T) {
	ext := `{"outer_str":"中文\u4e2d😀","timestamp":1404896688,"nonce_str":"x-y","signature":"` + goodSig + `"}`
	text := "{\r\n  \"cardList\": [\r\n    {\"cardId\": \"" + goodID + "\",\r\n     \"cardExt\": " + jsonString(ext) + "}]}"
	o := call(t, OpValidateCardList, textReq(text, ""))
	d := find(t, o, CodeNonceCharset)
	require.True(t, d.HasPosition())
	assert.Equal(t, `\"x-y\"`, text[d.Offset:d.Offset+d.Length])
	assert.Equal(t, "/cardList/0/cardExt/nonce_str", d.Path)
	assert.Equal(t, 4, d.Line, "CRLF counts as one line break")
	// Column in UTF-16 units: count what precedes the token on its line.
	lineStart := strings.LastIndex(text[:d.Offset], "\n") + 1
	prefix := text[lineStart:d.Offset]
	units := 0
	for _, r := range prefix {
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
	}
	assert.Equal(t, units+1, d.Column)
	assert.NotEqual(t, len(prefix)+1, d.Column, "the line has non-ASCII text, so bytes and UTF-16 units differ")
}

func TestPositionsOfCardExtSyntaxError(t *testing.T) {
	text := `{"cardList":[{"cardId":"` + goodID + `","cardExt":"{\"timestamp\":1404896688,}"}]}`
	o := call(t, OpValidateCardList, textReq(text, ""))
	d := find(t, o, CodeJSONSyntax)
	assert.Equal(t, "}", text[d.Offset:d.Offset+d.Length], "points at the byte after the trailing comma")
	assert.Equal(t, "/cardList/0/cardExt", d.Path)
	assert.Contains(t, d.Message, "trailing comma")
}

func TestNoPositionsForValuePayload(t *testing.T) {
	o := call(t, OpValidateCardList, addReq(f{"nonce_str": `"x-y"`}, ""))
	d := find(t, o, CodeNonceCharset)
	assert.False(t, d.HasPosition())
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "offset")
}

func TestLocaleChinese(t *testing.T) {
	o := call(t, OpValidateCardList, addReq(f{"timestamp": "1404896688000"}, `{"locale":"zh-CN"}`))
	assert.Contains(t, find(t, o, CodeTimestampMilliseconds).Message, "毫秒")
	o = call(t, OpValidateCardList, addReq(f{"timestamp": "1404896688000"}, ""))
	assert.Contains(t, find(t, o, CodeTimestampMilliseconds).Message, "milliseconds")
}

// Bad input: each gets a precise diagnostic, never a crash.
func TestBadInput(t *testing.T) {
	cases := []struct {
		name, op, input string
		code, path      string
		offset          int // -1: no position expected
		msg             string
	}{
		{"empty", OpValidateCardList, "", CodeJSONSyntax, "", 0, "empty"},
		{"blank", OpValidateCardList, " \n", CodeJSONSyntax, "", 2, "empty"},
		{"invalid UTF-8 in request", OpValidateCardList, "{\"payload\":\"\xff\"}", CodeJSONSyntax, "", 12, "UTF-8"},
		{"invalid UTF-8 outside strings", OpValidateCardList, "{\"payload\":\xc3}", CodeJSONSyntax, "", 11, "UTF-8"},
		{"NaN", OpValidateCardList, `{"payload":NaN}`, CodeJSONSyntax, "", 11, "NaN"},
		{"Infinity", OpValidateCardList, `{"payload":-Infinity}`, CodeJSONSyntax, "", 11, "Infinity"},
		{"hex number", OpValidateCardList, `{"payload":0x10}`, CodeJSONSyntax, "", 11, "invalid number"},
		{"leading zero", OpValidateCardList, `{"payload":012}`, CodeJSONSyntax, "", 11, "start with 0"},
		{"single quotes", OpValidateCardList, `{'payload':1}`, CodeJSONSyntax, "", 1, "double quotes"},
		{"comment", OpValidateCardList, `{"payload":1 // x` + "\n}", CodeJSONSyntax, "", 13, "comments"},
		{"unterminated", OpValidateCardList, `{"payload":"abc`, CodeJSONSyntax, "", 11, "unterminated"},
		{"bad escape", OpValidateCardList, `{"payload":"\x"}`, CodeJSONSyntax, "", 12, "escape"},
		{"lone surrogate", OpValidateCardList, `{"payload":"\ud800"}`, CodeJSONSyntax, "", 12, "surrogate"},
		{"control char", OpValidateCardList, "{\"payload\":\"a\tb\"}", CodeJSONSyntax, "", 13, "control"},
		{"trailing data", OpValidateCardList, `{"payload":1} x`, CodeJSONSyntax, "", 14, "after the JSON"},
		{"BOM", OpValidateCardList, "\xef\xbb\xbf{\"payload\":1}", CodeJSONSyntax, "", 0, "byte order mark"},
		{"deep nesting", OpValidateCardList, `{"payload":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`, CodePayloadLimit, "", 75, "64"},
		{"deep text payload", OpValidateCardList, textReq(strings.Repeat(`{"a":`, 65)+"1"+strings.Repeat("}", 65), ""), CodePayloadLimit, "", 320, "64"},
		{"huge", OpValidateCardList, `{"payload":"` + strings.Repeat("a", 2<<20) + `"}`, CodePayloadLimit, "", MaxInput, "at most 1048576"},
		{"duplicate keys", OpValidateCardList, textReq(`{"cardList":[],"cardList":[]}`, ""), CodePayloadShape, "/cardList", 26, "empty"},
		{"duplicate key reported", OpValidateCardList, textReq(`{"cardList":[{"cardId":"`+goodID+`","cardId":"`+goodID+`","cardExt":"{}"}]}`, ""), CodeDuplicateKey, "/cardList/0/cardId", 54, "more than once"},
		{"escaped twice", OpValidateCardList, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+jsonString(jsonString(extText(nil)))+`}]}`, ""), CodeCardExtNotObject, "/cardList/0/cardExt", -1, "twice"},
		{"payload text not JSON", OpBuildOpenCard, textReq(`{cardList:[]}`, ""), CodeJSONSyntax, "", 1, "double quotes"},
		{"payload number", OpBuildOpenCard, envelope(`42`, ""), CodePayloadShape, "", -1, "object"},
		{"unknown op", "addCard", `{"payload":{}}`, CodeRequestInvalid, "", -1, "unknown operation"},
		{"options not object", OpValidateCardList, `{"payload":{},"options":[]}`, CodeRequestInvalid, "/options", 24, "options"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := call(t, tc.op, tc.input)
			assert.False(t, o.OK)
			d := find(t, o, tc.code)
			assert.Equal(t, tc.path, d.Path)
			assert.Contains(t, d.Message, tc.msg)
			if tc.offset < 0 {
				assert.False(t, d.HasPosition(), "%+v", d)
			} else {
				assert.True(t, d.HasPosition(), "%+v", d)
				assert.Equal(t, tc.offset, d.Offset, "%+v", d)
			}
		})
	}
}

// Raw payload text (the typed API) with invalid UTF-8 inside a cardExt
// string: reported at the byte, in the text the caller passed.
func TestInvalidUTF8InCardExtText(t *testing.T) {
	text := `{"cardList":[{"cardId":"` + goodID + `","cardExt":"{\"code\":\"` + "\xe4\xb8" + `\"}"}]}`
	o := ValidateCardList([]byte(text), Options{})
	require.False(t, o.OK)
	require.Len(t, o.Diagnostics, 1)
	d := o.Diagnostics[0]
	assert.Equal(t, CodeJSONSyntax, d.Code)
	assert.Equal(t, strings.Index(text, "\xe4"), d.Offset)
	assert.Contains(t, d.Message, "UTF-8")
}

func TestDeterministic(t *testing.T) {
	for _, tc := range ruleCases() {
		a := Call(tc.op, []byte(tc.input))
		b := Call(tc.op, []byte(tc.input))
		require.Equal(t, a, b)
	}
}

// Diagnostics are ordered by position, then code.
func TestOrdering(t *testing.T) {
	text := `{"cardList":[{"cardId":"x","cardExt":"{\"nonce_str\":\"a-b\",\"timestamp\":1404896688000}"}]}`
	o := call(t, OpValidateCardList, textReq(text, ""))
	require.NotEmpty(t, o.Diagnostics)
	for i := 1; i < len(o.Diagnostics); i++ {
		a, b := o.Diagnostics[i-1], o.Diagnostics[i]
		assert.True(t, a.Offset < b.Offset || (a.Offset == b.Offset && a.Code <= b.Code), "%v before %v", a, b)
	}
}

// lint: the 1 MiB limit holds per file; the request may be larger.
func TestLintLimits(t *testing.T) {
	big := `{"cardList":[{"cardId":"` + strings.Repeat("p", MaxInput) + `"}]}`
	small := `{"cardList":[{"cardId":"` + goodID + `","cardExt":` + jsonString(extText(nil)) + `}]}`
	files := `[{"path":"big.json","content":` + jsonString(big) + `}`
	for i := 0; i < 3; i++ {
		files += `,{"path":"p` + string(rune('a'+i)) + `.json","content":` + jsonString(small+strings.Repeat(" ", MaxInput/2)) + `}`
	}
	in := `{"payload":{"files":` + files + `]},"options":{"format":"json"}}`
	require.Greater(t, len(in), MaxInput)
	o := call(t, OpLint, in)
	d := find(t, o, CodePayloadLimit)
	assert.Equal(t, "big.json", d.File)
	assert.Equal(t, MaxInput, d.Offset)
	assert.Len(t, o.Diagnostics, 1, "the other files are checked and clean")

	huge := `{"payload":{"files":[{"path":"a","content":"` + strings.Repeat(" ", MaxLintInput) + `"}]}}`
	o = call(t, OpLint, huge)
	assert.Equal(t, MaxLintInput, find(t, o, CodePayloadLimit).Offset)
}

// Linting N files costs memory in proportion to N: a quadratic pattern (a
// buffer regrown by a constant per file) shows as 16× the bytes for 4× the
// files. Counted in bytes allocated, not time, so the test is stable.
func TestLintScalesLinearly(t *testing.T) {
	request := func(n int) []byte {
		file := `{"cardList":[{"cardId":"` + goodID + `","cardExt":` + jsonString(extText(nil)) + `}]}`
		b := []byte(`{"payload":{"files":[`)
		for i := 0; i < n; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"path":"f`+itoa(i)+`.json","content":`+jsonString(file)+`}`...)
		}
		return append(b, `]},"options":{"format":"json"}}`...)
	}
	allocated := func(in []byte) uint64 {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		Call(OpLint, in)
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(request(1000)), allocated(request(4000))
	t.Logf("1000 files: %d bytes, 4000 files: %d bytes", small, large)
	assert.Less(t, float64(large)/float64(small), 6.0)
}
