package sign

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The official vector of the JS-SDK appendix (卡券扩展字段及签名生成算法).
const (
	officialTicket    = "ojZ8YtyVyr30HheH3CM73y7h4jJE"
	officialTimestamp = "1404896688"
	officialCardID    = "pjZ8Yt1XGILfi-FUsewpnnolGgZk"
	officialCode      = "1434008071"
	officialNonce     = "123"
	officialSignature = "f137ab68b7f8112d20ee528ab6074564e2796250"
)

func mustTicket(t testing.TB, v string) Ticket {
	t.Helper()
	tk, err := NewTicket(v)
	require.NoError(t, err)
	return tk
}

func officialParams() Params {
	return Params{CardID: officialCardID, Timestamp: officialTimestamp, Code: officialCode, NonceStr: officialNonce}
}

func TestSignOfficialVector(t *testing.T) {
	assert.Equal(t, officialSignature, Sign(mustTicket(t, officialTicket), officialParams()))
}

func TestSign(t *testing.T) {
	tk := mustTicket(t, officialTicket)
	tests := []struct {
		name string
		p    Params
		want string // computed independently: printf … | LC_ALL=C sort | tr -d '\n' | sha1sum
	}{
		{"official", officialParams(), officialSignature},
		{"without nonce_str", Params{CardID: officialCardID, Timestamp: officialTimestamp, Code: officialCode}, "8df4640f99e5aa257e14ca23895075323e280bc1"},
		{"without card_id", Params{Timestamp: officialTimestamp, Code: officialCode, NonceStr: officialNonce}, "3cf63277bd29f8b72f2341a5d9f3b3310de211cd"},
		{"upper case sorts before lower case", Params{CardID: officialCardID, Timestamp: officialTimestamp, Code: "ZZ9", NonceStr: "aaa1"}, "9816a4e749a78ae1d369a59ccb34afb49081f713"},
		{"digits compare as text", Params{CardID: officialCardID, Timestamp: officialTimestamp, Code: "99", NonceStr: "123"}, "21a14ddc41be3afb21f8557fc2cd68a3943cec5a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Sign(tk, tt.p))
		})
	}
}

func TestSignEmptyValuesAddNothing(t *testing.T) {
	tk := mustTicket(t, officialTicket)
	// Moving a value to another field changes nothing: only values count.
	p := officialParams()
	q := p
	q.Code, q.OpenID = "", p.Code
	assert.Equal(t, Sign(tk, p), Sign(tk, q))
}
