package host_test

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/host"
	"github.com/wxcard/wxcard/wasm/card"
)

// newRuntime starts a Runtime that the test closes when it ends. The cache
// is in memory so tests never depend on, or write to, the user's cache dir.
func newRuntime(t testing.TB, opts ...host.Option) *host.Runtime {
	t.Helper()
	rt, err := host.New(context.Background(), append([]host.Option{host.WithoutCache()}, opts...)...)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, rt.Close(context.Background())) })
	return rt
}

const cardIDAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// cardID makes a cardId shaped like WeChat's (p + 27 characters), stable
// for a given i, e.g. pFS7Fjg8kV1IdDz01r4SQwMkuCKc.
func cardID(i int) string {
	b := []byte("pFS7Fjg8kV1IdDz01r4SQwMkuCKc")
	x := uint32(i)*2654435761 + 12345
	for j := 1; j < len(b) && x != 0; j += 3 {
		b[j] = cardIDAlphabet[x%64]
		x /= 64
	}
	return string(b)
}

// cardListPayload is a realistic wx.addCard payload with n cards: each
// cardExt is a JSON string, as the API wants, with a distinct nonce and a
// well-formed signature.
func cardListPayload(n int) map[string]any {
	items := make([]map[string]string, n)
	for i := range items {
		nonce := fmt.Sprintf("k3mZq8x2Lw%08d", i)
		ts := fmt.Sprint(1700000000 + i)
		sig := sha1.Sum([]byte(ts + nonce + cardID(i)))
		ext, _ := json.Marshal(map[string]string{
			"code":      fmt.Sprintf("%012d", 310000000000+i),
			"openid":    "oFS7Fjl0WsZ9AMZqrI80nbIq8xrA",
			"timestamp": ts,
			"nonce_str": nonce,
			"signature": hex.EncodeToString(sig[:]),
		})
		items[i] = map[string]string{"cardId": cardID(i), "cardExt": string(ext)}
	}
	return map[string]any{"cardList": items}
}

// request wraps a payload into the JSON request Call takes.
func request(t testing.TB, payload any, opts ...card.Options) []byte {
	t.Helper()
	var o card.Options
	if len(opts) > 0 {
		o = opts[0]
	}
	req, err := host.EncodeRequest(payload, o)
	require.NoError(t, err)
	return req
}
