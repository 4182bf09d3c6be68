package sign

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/wasm/card"
)

var fixedNow = func() time.Time { return time.Unix(1404896688, 0) }

// zeroReader yields zero bytes: every nonce character is 'A'.
type zeroReader struct{}

func (zeroReader) Read(b []byte) (int, error) { clear(b); return len(b), nil }

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("no entropy") }

func TestBuild(t *testing.T) {
	tk := mustTicket(t, officialTicket)
	tests := []struct {
		name    string
		b       Builder
		cardID  string
		ext     CardExt
		want    string
		wantErr string
	}{
		{name: "official vector", b: Builder{Ticket: tk}, cardID: officialCardID,
			ext:  officialExt(""),
			want: `{"code":"1434008071","timestamp":1404896688,"nonce_str":"123","signature":"f137ab68b7f8112d20ee528ab6074564e2796250"}`},
		{name: "fills timestamp and nonce", b: Builder{Ticket: tk, Now: fixedNow, Rand: zeroReader{}, NonceLen: 3},
			cardID: officialCardID, ext: CardExt{Code: officialCode},
			want: `{"code":"1434008071","timestamp":1404896688,"nonce_str":"AAA","signature":"` +
				Sign(tk, Params{CardID: officialCardID, Timestamp: officialTimestamp, Code: officialCode, NonceStr: "AAA"}) + `"}`},
		{name: "key order and unsigned fields", b: Builder{Ticket: tk},
			cardID: officialCardID,
			ext:    CardExt{OuterStr: "chan01", FixedBeginTimestamp: 1404900000, NonceStr: "123", Timestamp: 1404896688, OpenID: "oABC", Code: "1", Signature: "stale"},
			want: `{"code":"1","openid":"oABC","timestamp":1404896688,"nonce_str":"123","fixed_begintimestamp":1404900000,"outer_str":"chan01","signature":"` +
				Sign(tk, Params{CardID: officialCardID, Timestamp: officialTimestamp, Code: "1", OpenID: "oABC", NonceStr: "123"}) + `"}`},
		{name: "escapes like JSON.stringify", b: Builder{Ticket: tk}, cardID: officialCardID,
			ext: CardExt{Timestamp: 1404896688, NonceStr: "n", OuterStr: "a\"b\\c<d>&e\u2028f\n\x01\x7fé中"},
			want: `{"timestamp":1404896688,"nonce_str":"n","outer_str":"a\"b\\c<d>&e` + "\u2028" + `f\n\u0001` + "\x7f" + `é中","signature":"` +
				Sign(tk, Params{CardID: officialCardID, Timestamp: officialTimestamp, NonceStr: "n"}) + `"}`},
		{name: "no ticket", b: Builder{}, cardID: officialCardID, ext: officialExt(""), wantErr: "empty"},
		{name: "no card id", b: Builder{Ticket: tk}, ext: officialExt(""), wantErr: "cardId"},
		{name: "milliseconds", b: Builder{Ticket: tk}, cardID: officialCardID,
			ext: with(officialExt(""), func(e *CardExt) { e.Timestamp = 1404896688000 }), wantErr: "milliseconds"},
		{name: "nonce too long", b: Builder{Ticket: tk}, cardID: officialCardID,
			ext: with(officialExt(""), func(e *CardExt) { e.NonceStr = strings.Repeat("a", 33) }), wantErr: "at most 32"},
		{name: "invalid UTF-8", b: Builder{Ticket: tk}, cardID: officialCardID,
			ext: with(officialExt(""), func(e *CardExt) { e.OuterStr = "\xff" }), wantErr: "UTF-8"},
		{name: "ticket in a value", b: Builder{Ticket: tk}, cardID: officialCardID,
			ext: with(officialExt(""), func(e *CardExt) { e.OuterStr = "x" + officialTicket }), wantErr: "holds the api_ticket"},
		{name: "random source fails", b: Builder{Ticket: tk, Rand: failingReader{}}, cardID: officialCardID,
			ext: CardExt{Timestamp: 1404896688}, wantErr: "no entropy"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			item, err := tt.b.Build(tt.cardID, tt.ext)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.cardID, item.CardID)
			assert.Equal(t, tt.want, item.CardExt)
			assert.True(t, json.Valid([]byte(item.CardExt)))
			assert.True(t, Verify(tk, item).OK)
		})
	}
}

func TestBuildUsesClockAndCryptoRand(t *testing.T) {
	tk := mustTicket(t, officialTicket)
	before := time.Now().Unix()
	a, err := Builder{Ticket: tk}.Build(officialCardID, CardExt{})
	require.NoError(t, err)
	b, err := Builder{Ticket: tk}.Build(officialCardID, CardExt{})
	require.NoError(t, err)
	var ea, eb CardExt
	require.NoError(t, json.Unmarshal([]byte(a.CardExt), &jsonExt{&ea}))
	require.NoError(t, json.Unmarshal([]byte(b.CardExt), &jsonExt{&eb}))
	assert.GreaterOrEqual(t, ea.Timestamp, before)
	assert.LessOrEqual(t, ea.Timestamp, time.Now().Unix())
	assert.Len(t, ea.NonceStr, MaxNonceLen)
	assert.NotEqual(t, ea.NonceStr, eb.NonceStr)
}

// The built item passes the core's own check of a wx.addCard payload.
func TestBuiltItemPassesValidateCardList(t *testing.T) {
	tk := mustTicket(t, officialTicket)
	item, err := Builder{Ticket: tk, Now: fixedNow}.Build(officialCardID, CardExt{Code: officialCode, OuterStr: "chan01"})
	require.NoError(t, err)
	req, err := json.Marshal(map[string]any{"payload": card.AddCardOptions{CardList: []card.CardListItem{item}}})
	require.NoError(t, err)
	var out struct {
		OK          bool              `json:"ok"`
		Diagnostics []card.Diagnostic `json:"diagnostics"`
	}
	require.NoError(t, json.Unmarshal(card.Call(card.OpValidateCardList, req), &out))
	assert.True(t, out.OK, "%+v", out.Diagnostics)
	for _, d := range out.Diagnostics {
		assert.NotEqual(t, card.SeverityError, d.Severity, "%+v", d)
	}
}

func TestNewNonce(t *testing.T) {
	for _, n := range []int{1, 8, 32} {
		s, err := NewNonce(nil, n)
		require.NoError(t, err)
		assert.Len(t, s, n)
		assert.Empty(t, strings.Trim(s, nonceAlphabet), "only letters and digits")
	}
	for _, n := range []int{0, -1, 33} {
		_, err := NewNonce(nil, n)
		assert.Error(t, err, n)
	}
	// Bytes at or above 248 are rejected, not folded onto the first letters.
	s, err := NewNonce(strings.NewReader(strings.Repeat("\xff", 64)+strings.Repeat("\x3d", 64)), 4)
	require.NoError(t, err)
	assert.Equal(t, "9999", s)
}

func TestParseCardExt(t *testing.T) {
	tests := []struct {
		in      string
		want    CardExt
		wantErr string
	}{
		{in: `{}`, want: CardExt{}},
		{in: `{"code":"1434008071","openid":"oA","timestamp":1404896688,"nonce_str":"123","fixed_begintimestamp":1404900000,"outer_str":"c"}`,
			want: CardExt{Code: "1434008071", OpenID: "oA", Timestamp: 1404896688, NonceStr: "123", FixedBeginTimestamp: 1404900000, OuterStr: "c"}},
		{in: `{"timestamp":"1404896688"}`, want: CardExt{Timestamp: 1404896688}},
		{in: `{"timestamp":1404896688.5}`, wantErr: "integer"},
		{in: `{"fixed_begintimestamp":"1"}`, wantErr: "integer"},
		{in: `{"code":1434008071}`, wantErr: "code must be a string"},
		{in: `{"code":null}`, wantErr: "code must be a string"},
		{in: `{"nonceStr":"x"}`, wantErr: `unknown key "nonceStr": did you mean nonce_str?`},
		{in: `{"card_id":"x"}`, wantErr: `outside cardExt`},
		{in: `{"extra":"x"}`, wantErr: `unknown key "extra" (known: code,`},
		{in: `{"api_ticket":"secretvalue"}`, wantErr: "server secret"},
		{in: `[]`, wantErr: "not a JSON object"},
		{in: `null`, wantErr: "not a JSON object"},
		{in: `{} {}`, wantErr: "extra data"},
		{in: `{"code":`, wantErr: "not a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseCardExt([]byte(tt.in))
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.NotContains(t, err.Error(), "secretvalue")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}
