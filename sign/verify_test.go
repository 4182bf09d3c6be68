package sign

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/wasm/card"
)

func officialExt(sig string) CardExt {
	return CardExt{Code: officialCode, Timestamp: 1404896688, NonceStr: officialNonce, Signature: sig}
}

func itemOf(cardID string, ext CardExt) card.CardListItem {
	js, _ := ext.MarshalJSON()
	return card.CardListItem{CardID: cardID, CardExt: string(js)}
}

func with(ext CardExt, f func(*CardExt)) CardExt {
	f(&ext)
	return ext
}

// Each wrong signature below was computed outside this package, by signing
// the official vector deliberately the wrong way with sha1sum.
func TestVerifyNamesTheMistake(t *testing.T) {
	tk := mustTicket(t, officialTicket)
	other := mustTicket(t, "kgt8ON7yVITDhtdwci0qeWAqxUMmnsmPTyUB0rTWl3WOfPlW6Ng3O-2HhBA4qwGTAg")
	otherSig := Sign(other, officialParams())

	tests := []struct {
		name     string
		item     card.CardListItem
		ok       bool
		mistakes []Mistake
		likely   []Mistake
		used     []string // names of the values the reproduced signature took
	}{
		{name: "official vector verifies", item: itemOf(officialCardID, officialExt(officialSignature)), ok: true},
		{name: "outer_str and fixed_begintimestamp are not signed", ok: true,
			item: itemOf(officialCardID, with(officialExt(officialSignature), func(e *CardExt) { e.OuterStr, e.FixedBeginTimestamp = "chan01", 1404900000 }))},
		{name: "timestamp sent as a decimal string", ok: true,
			item: card.CardListItem{CardID: officialCardID, CardExt: `{"code":"1434008071","timestamp":"1404896688","nonce_str":"123","signature":"` + officialSignature + `"}`}},
		{name: "upper-case hex", item: itemOf(officialCardID, officialExt(strings.ToUpper(officialSignature))),
			mistakes: []Mistake{MistakeUppercaseHex}},
		{name: "documented order, not sorted", item: itemOf(officialCardID, officialExt("ae1f89734f2f5f9e53a6233e7abbad1f1b2a54a3")),
			mistakes: []Mistake{MistakeUnsorted}},
		{name: "sorted by key", item: itemOf(officialCardID, officialExt("51deb509ad5b93968c4d5789d0c7f30f4368fd62")),
			mistakes: []Mistake{MistakeSortedByKey}},
		{name: "upper-case hex of an unsorted signature", item: itemOf(officialCardID, officialExt("AE1F89734F2F5F9E53A6233E7ABBAD1F1B2A54A3")),
			mistakes: []Mistake{MistakeUppercaseHex, MistakeUnsorted}},
		{name: "nonce_str sent but not signed", item: itemOf(officialCardID, officialExt("8df4640f99e5aa257e14ca23895075323e280bc1")),
			mistakes: []Mistake{MistakeNonceNotSigned}, used: []string{"api_ticket", "timestamp", "card_id", "code"}},
		{name: "card_id not signed", item: itemOf(officialCardID, officialExt("3cf63277bd29f8b72f2341a5d9f3b3310de211cd")),
			mistakes: []Mistake{MistakeCardIDNotSigned}, used: []string{"api_ticket", "timestamp", "code", "nonce_str"}},
		{name: "outer_str signed",
			item:     itemOf(officialCardID, with(officialExt("dd6ae091ab622663064ba63071c62b49b52a75ff"), func(e *CardExt) { e.OuterStr = "chan01" })),
			mistakes: []Mistake{MistakeOuterStrSigned}, used: []string{"api_ticket", "timestamp", "card_id", "code", "nonce_str", "outer_str"}},
		{name: "fixed_begintimestamp signed",
			item:     itemOf(officialCardID, with(officialExt("f13add7d182bd4a073e5d5757bf090245f58ecf7"), func(e *CardExt) { e.FixedBeginTimestamp = 1404900000 })),
			mistakes: []Mistake{MistakeFixedBeginSigned}, used: []string{"api_ticket", "timestamp", "card_id", "code", "nonce_str", "fixed_begintimestamp"}},
		{name: "signed in milliseconds, sent in seconds", item: itemOf(officialCardID, officialExt("ec3298cf447ad45535a5aead1157657e0045bbbd")),
			mistakes: []Mistake{MistakeTimestampMillis}, used: []string{"api_ticket", "timestamp", "card_id", "code", "nonce_str"}},
		{name: "signed in seconds, sent in milliseconds",
			item:     itemOf(officialCardID, with(officialExt(officialSignature), func(e *CardExt) { e.Timestamp = 1404896688123 })),
			mistakes: []Mistake{MistakeTimestampMillis}, used: []string{"api_ticket", "timestamp", "card_id", "code", "nonce_str"}},
		{name: "jsapi_ticket-style key=value string", item: itemOf(officialCardID, officialExt("de7136853a2c1caf9eb003f4bd51fa9f595ad9f4")),
			mistakes: []Mistake{MistakeKeyValueString}},
		{name: "key=value string with JS-SDK names", item: itemOf(officialCardID, officialExt("0a6b73d0f5862c60edd5e658ae563f17a943818b")),
			mistakes: []Mistake{MistakeKeyValueString}},
		{name: "case-insensitive order",
			item:     itemOf(officialCardID, with(officialExt("e948d5c5437ec2860a26aad9a311bcdef8488513"), func(e *CardExt) { e.Code, e.NonceStr = "ZZ9", "aaa1" })),
			mistakes: []Mistake{MistakeCaseInsensitive}},
		{name: "locale-aware order",
			item:     itemOf(officialCardID, with(officialExt("9b29b41485e8ca21665561c30e45e4988248020c"), func(e *CardExt) { e.Code, e.NonceStr = "abc1", "ABC1" })),
			mistakes: []Mistake{MistakeLocaleOrder}},
		{name: "numeric order",
			item:     itemOf(officialCardID, with(officialExt("bfc9fdaf0c84c831b7a97ccba03c8cb1a205f485"), func(e *CardExt) { e.Code, e.NonceStr = "99", "123" })),
			mistakes: []Mistake{MistakeNumericOrder}},
		{name: "nonce_str signed but not sent",
			item:   itemOf(officialCardID, with(officialExt(officialSignature), func(e *CardExt) { e.NonceStr = "" })),
			likely: []Mistake{MistakeNonceNotSent, MistakeWrongTicket}},
		{name: "another ticket", item: itemOf(officialCardID, officialExt(otherSig)),
			likely: []Mistake{MistakeWrongTicket}},
		{name: "no signature", item: itemOf(officialCardID, officialExt("")),
			mistakes: []Mistake{MistakeSignatureMissing}},
		{name: "signature not hex", item: itemOf(officialCardID, officialExt("f137ab68b7f8112d20ee528ab6074564e279625")),
			mistakes: []Mistake{MistakeSignatureFormat}},
		{name: "cardExt not JSON", item: card.CardListItem{CardID: officialCardID, CardExt: "{code:1}"},
			mistakes: []Mistake{MistakeMalformed}},
		{name: "cardExt an array", item: card.CardListItem{CardID: officialCardID, CardExt: "[]"},
			mistakes: []Mistake{MistakeMalformed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Verify(tk, tt.item)
			assert.Equal(t, tt.ok, r.OK)
			assert.Equal(t, tt.mistakes, r.Mistakes)
			assert.Equal(t, tt.likely, r.Likely)
			if tt.used != nil {
				var names []string
				for _, v := range r.Used {
					names = append(names, v.Name)
				}
				assert.Equal(t, tt.used, names)
			}
			assert.NotEmpty(t, r.Message)
			assert.NotEmpty(t, r.MessageZH)
			for _, m := range append(slicesConcat(r.Mistakes, r.Likely), "") {
				if m == "" {
					continue
				}
				en, zh := m.Text()
				assert.Contains(t, r.Message, en)
				assert.Contains(t, r.MessageZH, zh)
			}
			js, err := json.Marshal(r)
			require.NoError(t, err)
			for _, s := range []string{string(js), fmt.Sprintf("%+v", r), fmt.Sprintf("%#v", r), r.Message, r.MessageZH} {
				assert.NotContains(t, s, officialTicket)
			}
		})
	}
}

func slicesConcat(a, b []Mistake) []Mistake { return append(append([]Mistake{}, a...), b...) }

func TestVerifyListsSignedValues(t *testing.T) {
	r := Verify(mustTicket(t, officialTicket), itemOf(officialCardID, officialExt(officialSignature)))
	require.True(t, r.OK)
	assert.Equal(t, []Value{
		{"api_ticket", Redacted},
		{"timestamp", officialTimestamp},
		{"card_id", officialCardID},
		{"code", officialCode},
		{"nonce_str", officialNonce},
	}, r.Signed)
	assert.Nil(t, r.Used)
	assert.Contains(t, r.Message, `card_id="pjZ8Yt1XGILfi-FUsewpnnolGgZk"`)
}

func TestMistakesHaveTexts(t *testing.T) {
	for m, txt := range mistakeTexts {
		assert.NotEmpty(t, txt.en, m)
		assert.NotEmpty(t, txt.zh, m)
		assert.NotContains(t, txt.en, "签", m) // the English text is English
	}
}

// randString returns up to n characters of the alphabet, possibly none.
func randString(r *rand.Rand, alphabet string, n int) string {
	b := make([]byte, r.IntN(n+1))
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// A signed item always verifies; changing any single signed value (or the
// ticket, or the signature) never does; changing an unsigned one still does.
func TestVerifyProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(6, 2026))
	for i := range 300 {
		tk := mustTicket(t, "T"+randString(r, alnum+"-_", 90)+strings.Repeat("x", 20))
		b := Builder{Ticket: tk, Rand: pcgReader{r}, NonceLen: 1 + r.IntN(MaxNonceLen)}
		cardID := "p" + randString(r, alnum+"-_", 30)
		ext := CardExt{
			Code:      randString(r, alnum, 20),
			OpenID:    randString(r, alnum+"-_", 28),
			Timestamp: 1 + r.Int64N(2_000_000_000),
			OuterStr:  randString(r, alnum, 10),
		}
		item, err := b.Build(cardID, ext)
		require.NoError(t, err)
		res := Verify(tk, item)
		require.True(t, res.OK, "case %d: %s", i, res.Message)

		var signed CardExt
		require.NoError(t, json.Unmarshal([]byte(item.CardExt), &jsonExt{&signed}))

		changed := func(s string) string {
			if s == "" || r.IntN(2) == 0 {
				return s + string(alnum[r.IntN(len(alnum))])
			}
			j := r.IntN(len(s))
			c := alnum[r.IntN(len(alnum))]
			for c == s[j] {
				c = alnum[r.IntN(len(alnum))]
			}
			return s[:j] + string(c) + s[j+1:]
		}
		mutations := map[string]func() (Ticket, card.CardListItem){
			"ticket": func() (Ticket, card.CardListItem) { return mustTicket(t, changed(tk.value())), item },
			"card_id": func() (Ticket, card.CardListItem) {
				return tk, card.CardListItem{CardID: changed(cardID), CardExt: item.CardExt}
			},
			"code": func() (Ticket, card.CardListItem) {
				return tk, itemOf(cardID, with(signed, func(e *CardExt) { e.Code = changed(e.Code) }))
			},
			"openid": func() (Ticket, card.CardListItem) {
				return tk, itemOf(cardID, with(signed, func(e *CardExt) { e.OpenID = changed(e.OpenID) }))
			},
			"nonce_str": func() (Ticket, card.CardListItem) {
				return tk, itemOf(cardID, with(signed, func(e *CardExt) { e.NonceStr = changed(e.NonceStr) }))
			},
			"timestamp": func() (Ticket, card.CardListItem) {
				return tk, itemOf(cardID, with(signed, func(e *CardExt) { e.Timestamp += 1 + r.Int64N(1000) }))
			},
			"signature": func() (Ticket, card.CardListItem) {
				return tk, itemOf(cardID, with(signed, func(e *CardExt) {
					j := r.IntN(40)
					c := "0123456789abcdef"[r.IntN(16)]
					for c == e.Signature[j] {
						c = "0123456789abcdef"[r.IntN(16)]
					}
					e.Signature = e.Signature[:j] + string(c) + e.Signature[j+1:]
				}))
			},
		}
		for name, mutate := range mutations {
			mt, mi := mutate()
			assert.False(t, Verify(mt, mi).OK, "case %d: changed %s still verifies", i, name)
		}
		for name, e := range map[string]CardExt{
			"outer_str":            with(signed, func(e *CardExt) { e.OuterStr = changed(e.OuterStr) }),
			"fixed_begintimestamp": with(signed, func(e *CardExt) { e.FixedBeginTimestamp = 1 + r.Int64N(2_000_000_000) }),
		} {
			assert.True(t, Verify(tk, itemOf(cardID, e)).OK, "case %d: changing unsigned %s broke it", i, name)
		}
	}
}

// jsonExt decodes a built cardExt back into a CardExt for the tests.
type jsonExt struct{ e *CardExt }

func (j *jsonExt) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	str := func(k string) string {
		var s string
		_ = json.Unmarshal(m[k], &s)
		return s
	}
	num := func(k string) int64 {
		n, _ := strconv.ParseInt(string(m[k]), 10, 64)
		return n
	}
	*j.e = CardExt{Code: str("code"), OpenID: str("openid"), Timestamp: num("timestamp"), NonceStr: str("nonce_str"),
		FixedBeginTimestamp: num("fixed_begintimestamp"), OuterStr: str("outer_str"), Signature: str("signature")}
	return nil
}

// pcgReader is a deterministic io.Reader for nonces in tests.
type pcgReader struct{ r *rand.Rand }

func (p pcgReader) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = byte(p.r.Uint32())
	}
	return len(b), nil
}

func TestVerifyHugeValuesStayCheap(t *testing.T) {
	tk := mustTicket(t, officialTicket)
	r := Verify(tk, itemOf(officialCardID, with(officialExt("8df4640f99e5aa257e14ca23895075323e280bc1"), func(e *CardExt) { e.OuterStr = strings.Repeat("x", maxExplainBytes) })))
	assert.False(t, r.OK)
	assert.Empty(t, r.Mistakes, "no recomputation over oversized values")
	assert.Equal(t, []Mistake{MistakeWrongTicket}, r.Likely)
}
