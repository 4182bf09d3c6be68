package card

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/internal/benchdata"
)

// benchRequest is a validateCardList request of n realistic, valid cards
// (the one build/wasmprof profiles too).
func benchRequest(n int) []byte { return benchdata.ValidateCardList(n) }

// couponBenchRequest is a validateCardList request of n merchant coupons
// (商家券) of one batch: the first carries send_coupon_merchant and sign.
func couponBenchRequest(n int) []byte {
	b := []byte(`{"payload":{"cardList":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			b = append(b, ',')
		}
		ext := `{"out_request_no":"1619168471` + strconv.Itoa(100+i) + `","coupon_code":"83425` + strconv.Itoa(10+i) + `"`
		if i == 0 {
			ext += `,"send_coupon_merchant":"1327735401","sign":"` + goodCouponSign + `"`
		}
		ext += `}`
		b = append(b, `{"cardId":"1222080000000002","cardExt":`...)
		b = appendString(b, ext)
		b = append(b, '}')
	}
	return append(b, `]},"options":{"locale":"en"}}`...)
}

// What a Go user would write instead: decode the request and each cardExt
// into structs with encoding/json (no rules at all).
type baselineExt struct {
	Code                string `json:"code"`
	OpenID              string `json:"openid"`
	Timestamp           int64  `json:"timestamp"`
	NonceStr            string `json:"nonce_str"`
	FixedBeginTimestamp int64  `json:"fixed_begintimestamp"`
	OuterStr            string `json:"outer_str"`
	Signature           string `json:"signature"`
}

type baselineReq struct {
	Payload struct {
		CardList []struct {
			CardID  string `json:"cardId"`
			CardExt string `json:"cardExt"`
		} `json:"cardList"`
	} `json:"payload"`
	Options map[string]any `json:"options"`
}

func baselineDecode(in []byte) error {
	var r baselineReq
	if err := json.Unmarshal(in, &r); err != nil {
		return err
	}
	for _, c := range r.Payload.CardList {
		var e baselineExt
		if err := json.Unmarshal([]byte(c.CardExt), &e); err != nil {
			return err
		}
	}
	return nil
}

func BenchmarkCall(b *testing.B) {
	for _, n := range []int{1, 10, 100} {
		in := benchRequest(n)
		require.Contains(b, string(Call(OpValidateCardList, in)), `"ok":true`)
		require.NoError(b, baselineDecode(in))
		b.Run(fmt.Sprintf("cards=%d/wxcard", n), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				Call(OpValidateCardList, in)
			}
		})
		b.Run(fmt.Sprintf("cards=%d/wxcard-caller", n), func(b *testing.B) {
			// The reusing path: a Caller held by a worker (or the wasm guest).
			var k Caller
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				k.Call(OpValidateCardList, in)
			}
		})
		b.Run(fmt.Sprintf("cards=%d/encoding-json-baseline", n), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				_ = baselineDecode(in)
			}
		})
	}
}

// BenchmarkCoupons is a 10-coupon merchant-coupon batch through a Caller.
func BenchmarkCoupons(b *testing.B) {
	in := couponBenchRequest(10)
	require.Contains(b, string(Call(OpValidateCardList, in)), `"ok":true,"diagnostics":[]`)
	var k Caller
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		k.Call(OpValidateCardList, in)
	}
}

// Allocations per call do not grow with the number of valid cards: the
// output of a valid batch is the same few bytes.
func TestAllocsDoNotGrowWithCards(t *testing.T) {
	per := func(n int) float64 {
		in := benchRequest(n)
		return testing.AllocsPerRun(20, func() { Call(OpValidateCardList, in) })
	}
	a1, a10, a100 := per(1), per(10), per(100)
	t.Logf("allocations per call: 1 card %.0f, 10 cards %.0f, 100 cards %.0f", a1, a10, a100)
	require.Equal(t, a10, a100)
	// One card skips the batch rules (nonce-reused, duplicate-card).
	require.LessOrEqual(t, a1, a10)
	require.LessOrEqual(t, a10, float64(16))
}

// A reused Caller gives the same bytes as a fresh Call, call after call,
// whatever came before (a large lint, an error, a different op).
func TestCallerReuse(t *testing.T) {
	var k Caller
	cases := ruleCases()
	for round := 0; round < 2; round++ {
		for _, tc := range cases {
			want := Call(tc.op, []byte(tc.input))
			got := k.Call(tc.op, []byte(tc.input))
			require.Equal(t, string(want), string(got), tc.code)
		}
	}
	in := benchRequest(10)
	allocs := testing.AllocsPerRun(50, func() { k.Call(OpValidateCardList, in) })
	require.LessOrEqual(t, allocs, float64(2), "a warm Caller allocates (almost) nothing for a valid batch")
}

// BenchmarkStages splits a 10-card validateCardList into its stages: the
// request read (each cardExt string decoded), the cardExt objects read,
// and the whole call. Run it compiled to wasm too (make bench-core-wasm):
// the stages do not slow down alike.
func BenchmarkStages(b *testing.B) {
	in := benchRequest(10)
	var t tree
	b.Run("read-request", func(b *testing.B) {
		for b.Loop() {
			t.reset(in)
			t.parse(t.addDoc(in, -1, -1), maxDepth)
		}
	})
	t.reset(in)
	t.parse(t.addDoc(in, -1, -1), maxDepth)
	var exts [][]byte
	for i := range t.nodes {
		if t.nodes[i].kind == kindString && t.nodes[i].escaped {
			exts = append(exts, append([]byte(nil), t.val(int32(i))...))
		}
	}
	require.Len(b, exts, 10)
	b.Run("read-cardExts", func(b *testing.B) {
		var t tree
		for b.Loop() {
			t.reset(in)
			for _, e := range exts {
				t.parse(t.addDoc(e, -1, -1), maxDepth)
			}
		}
	})
	b.Run("call", func(b *testing.B) {
		var k Caller
		for b.Loop() {
			k.Call(OpValidateCardList, in)
		}
	})
}
