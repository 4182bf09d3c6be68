package card

import (
	"encoding/json"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The typed entry points return the same output Call encodes.
func TestTypedMatchesCall(t *testing.T) {
	payload := `{"cardList":[{"cardId":"` + goodID + `","code":"1434008071"}]}`
	res, out := BuildOpenCard([]byte(payload), Options{})
	require.True(t, out.OK)
	require.NotNil(t, res)
	assert.Equal(t, []OpenCardItem{{CardID: goodID, Code: "1434008071"}}, res.CardList)
	assert.Equal(t, string(Call(OpBuildOpenCard, []byte(envelope(payload, "")))), string(appendOutput(nil, &out)))

	r, out := ParseReferrerInfo([]byte(`{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"activate_ticket":"t","card_id":"c","code":"1"}}}`), Options{})
	require.True(t, out.OK)
	assert.Equal(t, &ReferrerInfo{State: "activated", ActivateTicket: "t", CardID: "c", Code: "1"}, r)

	ar, out := ParseAddCardResult([]byte(`{"errMsg":"addCard:fail 已领完"}`), Options{Locale: LocaleZh})
	require.False(t, out.OK)
	assert.Equal(t, "fail", ar.Status)
	assert.Contains(t, out.Diagnostics[0].Message, "库存")

	out = ValidateMemberCardLaunch([]byte(`{"app-id":"wxeb490c6f9b154ef9","extra-data":{"encrypt_card_id":"a","outer_str":"b","biz":"MzI0MDAxNTU3MQ=="}}`), Options{})
	assert.True(t, out.OK)
	assert.Empty(t, out.Diagnostics)
}

func TestTypedOptionsChecked(t *testing.T) {
	out := ValidateCardList([]byte(`{}`), Options{Locale: "fr"})
	require.False(t, out.OK)
	assert.Equal(t, CodeRequestInvalid, out.Diagnostics[0].Code)
	out = ValidateCardList([]byte(`{}`), Options{Format: "text"})
	assert.Equal(t, CodeRequestInvalid, out.Diagnostics[0].Code)
	neg := int64(-1)
	out = ValidateCardList([]byte(`{}`), Options{MaxSkewSeconds: &neg})
	assert.Equal(t, CodeRequestInvalid, out.Diagnostics[0].Code)
}

func TestTypedDefinitionsAndNow(t *testing.T) {
	yes := true
	now := int64(1404896688 + 28800)
	payload := `{"cardList":[{"cardId":"` + goodID + `","cardExt":` + jsonString(extText(nil)) + `}]}`
	out := ValidateCardList([]byte(payload), Options{Now: &now, Cards: map[string]CardDef{goodID: {UseCustomCode: &yes}}})
	assert.Contains(t, codesOf(out), CodeCodeRequired)
	assert.Contains(t, codesOf(out), CodeTimestampSkew)
}

func codesOf(o Output) []string {
	var cs []string
	for _, d := range o.Diagnostics {
		cs = append(cs, d.Code)
	}
	return cs
}

// The batch rules over batches of every size: each repeat names the
// earliest card it repeats, as a brute-force pass over the pairs says.
func TestBatchRepeatsMatchPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{2, 3, 16, 17, 40, 300} {
		type item struct{ code, nonce string }
		items := make([]item, n)
		b := []byte(`{"payload":{"cardList":[`)
		for i := range items {
			items[i] = item{code: "c" + itoa(r.IntN(n)), nonce: "n" + itoa(r.IntN(n))}
			if i > 0 {
				b = append(b, ',')
			}
			ext := `{"code":"` + items[i].code + `","timestamp":1404896688,"nonce_str":"` + items[i].nonce + `","signature":"` + goodSig + `"}`
			b = append(b, `{"cardId":"`+goodID+`","cardExt":`...)
			b = AppendJSONString(b, ext)
			b = append(b, '}')
		}
		b = append(b, `]},"options":{"locale":"en"}}`...)
		var want []string
		for i := range items {
			for j := 0; j < i; j++ {
				if items[j].nonce == items[i].nonce {
					want = append(want, "nonce-reused /cardList/"+itoa(i)+"/cardExt/nonce_str cardList["+itoa(j)+"]")
					break
				}
			}
			for j := 0; j < i; j++ {
				if items[j].code == items[i].code {
					want = append(want, "duplicate-card /cardList/"+itoa(i)+" cardList["+itoa(j)+"]")
					break
				}
			}
		}
		sort.Strings(want)
		// A random seed, and seeds a host might pass (SetSeed).
		for _, seed := range []uint64{0, 1, 1 << 63, 0x9e3779b97f4a7c15} {
			var k Caller
			k.SetSeed(seed)
			var out struct {
				Diagnostics []struct{ Code, Path, Message string }
			}
			require.NoError(t, json.Unmarshal(k.Call(OpValidateCardList, b), &out))
			var got []string
			for _, d := range out.Diagnostics {
				if d.Code == CodeNonceReused || d.Code == CodeDuplicateCard {
					k := strings.LastIndex(d.Message, "cardList[")
					got = append(got, d.Code+" "+d.Path+" "+d.Message[k:k+strings.IndexByte(d.Message[k:], ']')+1])
				}
			}
			sort.Strings(got)
			require.Equal(t, want, got, "n=%d seed=%#x", n, seed)
		}
	}
}

func TestOpName(t *testing.T) {
	for _, op := range fuzzOps {
		b := []byte(op)
		require.Equal(t, op, OpName(b))
		if opFunc(op) != nil {
			require.Zero(t, testing.AllocsPerRun(10, func() { _ = OpName(b) }), op)
		}
	}
	require.Equal(t, "", OpName(nil))
	require.Equal(t, "validatecardlist", OpName([]byte("validatecardlist")))
}

// options.now in milliseconds is refused by the typed functions as by Call.
func TestTypedNowMilliseconds(t *testing.T) {
	ms := int64(1700000000000)
	out := ValidateCardList([]byte(`{"cardList":[{"cardId":"`+goodID+`","cardExt":"{}"}]}`), Options{Now: &ms})
	require.False(t, out.OK)
	assert.Equal(t, CodeRequestInvalid, out.Diagnostics[0].Code)
	assert.Equal(t, "/options/now", out.Diagnostics[0].Path)
	assert.Contains(t, out.Diagnostics[0].Message, "1700000000")
}

// Call shares pooled scratch Callers between goroutines: each call still
// answers exactly as alone, and its output is its own.
func TestCallConcurrent(t *testing.T) {
	cases := ruleCases()
	want := make([]string, len(cases))
	for i, tc := range cases {
		want[i] = string(Call(tc.op, []byte(tc.input)))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			var outs [][]byte
			for k := 0; k < len(cases); k++ {
				i := (k*7 + g) % len(cases)
				out := Call(cases[i].op, []byte(cases[i].input))
				outs = append(outs, out)
				if string(out) != want[i] {
					errs <- cases[i].code
					return
				}
			}
			// Outputs kept from earlier calls are unchanged by later ones.
			for k, out := range outs {
				if i := (k*7 + g) % len(cases); string(out) != want[i] {
					errs <- "kept " + cases[i].code
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent Call differs: %s", e)
	}
}

// options.color as the terminal's facts: NO_COLOR wins, then FORCE_COLOR
// (but "0" and "false"), then whether stdout is a terminal.
func TestColorFromTerminal(t *testing.T) {
	for _, tc := range []struct {
		facts string
		color bool
	}{
		{`{"tty":true,"NO_COLOR":"","FORCE_COLOR":""}`, true},
		{`{"tty":false,"NO_COLOR":"","FORCE_COLOR":""}`, false},
		{`{"tty":true,"NO_COLOR":"1","FORCE_COLOR":"1"}`, false},
		{`{"tty":false,"NO_COLOR":"","FORCE_COLOR":"1"}`, true},
		{`{"tty":true,"NO_COLOR":"","FORCE_COLOR":"0"}`, false},
		{`{"tty":true,"NO_COLOR":"","FORCE_COLOR":"false"}`, false},
		{`{}`, false},
	} {
		out := string(Call(OpLint, []byte(`{"payload":{"files":[{"path":"a.json","content":"{\"cardList\":[{}]}"}]},"options":{"format":"text","color":`+tc.facts+`}}`)))
		assert.Equal(t, tc.color, strings.Contains(out, `\u001b[`), "%s: %s", tc.facts, out)
	}
}
