package sign

import (
	"bytes"
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/wasm/card"
)

// A made-up API v2 key (32 letters and digits) and WeChat Pay's example
// merchant.
const (
	testKey      = "Wx7kP2qR9sT4uV6wY8zA1bC3dE5fG7hJ"
	testMerchant = "10016226"
	sendTime     = "2021-06-01T12:00:00+08:00"
)

func mustKey(t testing.TB, v string) MerchantKey {
	t.Helper()
	k, err := NewMerchantKey(v)
	require.NoError(t, err)
	return k
}

var (
	oneCoupon     = []Coupon{{StockID: "1234567", OutRequestNo: "abc123"}}
	oneCouponFull = []Coupon{{StockID: "1234567", OutRequestNo: "abc123", CouponCode: "asdsada", CustomizeSendTime: sendTime}}
	threeCoupons  = []Coupon{
		{StockID: "1234567", OutRequestNo: "abc123"},
		{StockID: "2345678", OutRequestNo: "123abc"},
		{StockID: "3456789", OutRequestNo: "x_y-z|9*"},
	}
	threeCouponsMixed = []Coupon{
		{StockID: "1234567", OutRequestNo: "abc123", CouponCode: "CODE-0"},
		{StockID: "2345678", OutRequestNo: "123abc", CustomizeSendTime: sendTime},
		{StockID: "3456789", OutRequestNo: "x_y-z|9*", CouponCode: "code_2", CustomizeSendTime: "2021-06-02T04:00:00Z"},
	}
)

// The strings below are written out by hand from WeChat Pay's rules (see
// the examples of 小程序发券插件), not by the package.
var couponVectors = []struct {
	name    string
	coupons []Coupon
	str     string // what is signed, without the key after "&key="
}{
	{"one coupon", oneCoupon,
		"out_request_no0=abc123&send_coupon_merchant=10016226&stock_id0=1234567&key="},
	{"one coupon with coupon_code and customize_send_time", oneCouponFull,
		"coupon_code0=asdsada&customize_send_time0=2021-06-01T12:00:00+08:00&out_request_no0=abc123&send_coupon_merchant=10016226&stock_id0=1234567&key="},
	{"three coupons", threeCoupons,
		"out_request_no0=abc123&out_request_no1=123abc&out_request_no2=x_y-z|9*&send_coupon_merchant=10016226&stock_id0=1234567&stock_id1=2345678&stock_id2=3456789&key="},
	{"three coupons, some with coupon_code or customize_send_time", threeCouponsMixed,
		"coupon_code0=CODE-0&coupon_code2=code_2&customize_send_time1=2021-06-01T12:00:00+08:00&customize_send_time2=2021-06-02T04:00:00Z&" +
			"out_request_no0=abc123&out_request_no1=123abc&out_request_no2=x_y-z|9*&send_coupon_merchant=10016226&stock_id0=1234567&stock_id1=2345678&stock_id2=3456789&key="},
}

// opensslHMAC is the upper-case hex HMAC-SHA256 of s as openssl computes it.
func opensslHMAC(t *testing.T, key, s string) string {
	t.Helper()
	bin, err := exec.LookPath("openssl")
	if err != nil {
		t.Skip("openssl not on PATH")
	}
	cmd := exec.Command(bin, "dgst", "-sha256", "-hmac", key)
	cmd.Stdin = strings.NewReader(s)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(t, err, stderr.String())
	// "HMAC-SHA256(stdin)= 5452…" (OpenSSL 3) or "(stdin)= 5452…" (1.1).
	_, sum, ok := strings.Cut(strings.TrimSpace(string(out)), "= ")
	require.True(t, ok, "unexpected openssl output %q", out)
	return strings.ToUpper(sum)
}

func TestSignCouponsMatchesOpenSSL(t *testing.T) {
	k := mustKey(t, testKey)
	for _, v := range couponVectors {
		t.Run(v.name, func(t *testing.T) {
			str := v.str + testKey
			assert.Equal(t, str, withKey(k, joinParams(byName(couponParams(testMerchant, v.coupons, true)))))
			assert.Equal(t, opensslHMAC(t, testKey, str), SignCoupons(k, testMerchant, v.coupons))
		})
	}
}

func TestSignCouponsOfficialExampleString(t *testing.T) {
	// WeChat Pay's example for one coupon, with our key in place of xxxxx.
	assert.Equal(t, "5452AF698616A2E3B2C929CE76DA60E9BE3AB0EEEBA562962ADAB310061EC090",
		SignCoupons(mustKey(t, testKey), testMerchant, oneCoupon))
}

func TestBuildCouponsBytes(t *testing.T) {
	k := mustKey(t, testKey)
	tests := []struct {
		name    string
		coupons []Coupon
		want    []card.CardListItem // sign as %s
	}{
		{"one coupon", oneCoupon, []card.CardListItem{
			{CardID: "1234567", CardExt: `{"out_request_no":"abc123","send_coupon_merchant":"10016226","sign":"%s"}`},
		}},
		{"one coupon with every field", oneCouponFull, []card.CardListItem{
			{CardID: "1234567", CardExt: `{"out_request_no":"abc123","coupon_code":"asdsada","customize_send_time":"2021-06-01T12:00:00+08:00","send_coupon_merchant":"10016226","sign":"%s"}`},
		}},
		{"three coupons", threeCouponsMixed, []card.CardListItem{
			{CardID: "1234567", CardExt: `{"out_request_no":"abc123","coupon_code":"CODE-0","send_coupon_merchant":"10016226","sign":"%s"}`},
			{CardID: "2345678", CardExt: `{"out_request_no":"123abc","customize_send_time":"2021-06-01T12:00:00+08:00"}`},
			{CardID: "3456789", CardExt: `{"out_request_no":"x_y-z|9*","coupon_code":"code_2","customize_send_time":"2021-06-02T04:00:00Z"}`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := BuildCoupons(k, testMerchant, tt.coupons)
			require.NoError(t, err)
			sig := SignCoupons(k, testMerchant, tt.coupons)
			require.Len(t, got.CardList, len(tt.want))
			for i, w := range tt.want {
				if i == 0 {
					w.CardExt = fmt.Sprintf(w.CardExt, sig)
				}
				assert.Equal(t, w, got.CardList[i], "item %d", i)
			}
			// The whole options as JSON.stringify would write them.
			var js bytes.Buffer
			enc := json.NewEncoder(&js)
			enc.SetEscapeHTML(false)
			require.NoError(t, enc.Encode(got))
			assert.True(t, strings.HasPrefix(js.String(), `{"cardList":[{"cardId":"1234567","cardExt":"{\"out_request_no\":\"abc123\",`), js.String())

			// What was built reads back and verifies.
			merchant, gotSig, coupons, err := ParseCoupons(got.CardList)
			require.NoError(t, err)
			assert.Equal(t, testMerchant, merchant)
			assert.Equal(t, sig, gotSig)
			assert.Equal(t, tt.coupons, coupons)
			assert.True(t, VerifyCoupons(k, got.CardList).OK)

			// The core's checks find nothing wrong with it.
			req, _ := json.Marshal(map[string]any{"payload": got})
			var res card.Output
			require.NoError(t, json.Unmarshal(card.Call(card.OpValidateCardList, req), &res))
			assert.True(t, res.OK, "%+v", res.Diagnostics)
		})
	}
}

func TestBuildCouponsRefuses(t *testing.T) {
	k := mustKey(t, testKey)
	c := func(f func(*Coupon)) []Coupon {
		x := Coupon{StockID: "1234567", OutRequestNo: "abc123"}
		f(&x)
		return []Coupon{x}
	}
	many := func(n int) []Coupon {
		out := make([]Coupon, n)
		for i := range out {
			out[i] = Coupon{StockID: "1234567", OutRequestNo: "req" + strconv.Itoa(i)}
		}
		return out
	}
	tests := []struct {
		name     string
		key      MerchantKey
		merchant string
		coupons  []Coupon
		wantErr  string // "" accepts
		secret   string // a value the error must not quote
	}{
		{name: "no key", merchant: testMerchant, coupons: oneCoupon, wantErr: "merchant key is empty"},
		{name: "no merchant", key: k, coupons: oneCoupon, wantErr: "send_coupon_merchant (the issuing merchant id) must be 1 to 32 digits"},
		{name: "merchant not digits", key: k, merchant: "mch10016226", coupons: oneCoupon, wantErr: "send_coupon_merchant", secret: "mch10016226"},
		{name: "merchant of 33 digits", key: k, merchant: strings.Repeat("1", 33), coupons: oneCoupon, wantErr: "send_coupon_merchant"},
		{name: "merchant of 32 digits", key: k, merchant: strings.Repeat("1", 32), coupons: oneCoupon},
		{name: "no coupon", key: k, merchant: testMerchant, wantErr: "at least one coupon"},
		{name: "ten coupons", key: k, merchant: testMerchant, coupons: many(10)},
		{name: "eleven coupons", key: k, merchant: testMerchant, coupons: many(11), wantErr: "at most 10 coupons; this one has 11"},
		{name: "stock_id empty", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.StockID = "" }), wantErr: "coupons[0]: stock_id (批次号) must be 1 to 32 digits"},
		{name: "stock_id not digits", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.StockID = "pFS7Fjg8kV1IdDz01r4SQw" }), wantErr: "stock_id", secret: "pFS7Fjg8kV1IdDz01r4SQw"},
		{name: "stock_id of 33 digits", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.StockID = strings.Repeat("9", 33) }), wantErr: "stock_id"},
		{name: "stock_id of 32 digits", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.StockID = strings.Repeat("9", 32) })},
		{name: "out_request_no empty", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.OutRequestNo = "" }), wantErr: "coupons[0]: out_request_no must be 1 to 128 characters of letters, digits and _-|*"},
		{name: "out_request_no of 129", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.OutRequestNo = strings.Repeat("a", 129) }), wantErr: "out_request_no"},
		{name: "out_request_no of 128", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.OutRequestNo = strings.Repeat("a", 128) })},
		{name: "out_request_no with a space", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.OutRequestNo = "abc 123" }), wantErr: "out_request_no", secret: "abc 123"},
		{name: "out_request_no with &", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.OutRequestNo = "a&key=b" }), wantErr: "out_request_no", secret: "a&key=b"},
		{name: "out_request_no not ASCII", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.OutRequestNo = "订单123" }), wantErr: "out_request_no", secret: "订单"},
		{name: "out_request_no twice", key: k, merchant: testMerchant,
			coupons: []Coupon{{StockID: "1", OutRequestNo: "a1"}, {StockID: "2", OutRequestNo: "b2"}, {StockID: "3", OutRequestNo: "a1"}},
			wantErr: "coupons[2]: out_request_no is the same as coupons[0]'s; each coupon of a batch needs its own"},
		{name: "coupon_code of 33", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.CouponCode = strings.Repeat("c", 33) }), wantErr: "coupons[0]: coupon_code must be 1 to 32 letters, digits, _ or -"},
		{name: "coupon_code of 32", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.CouponCode = strings.Repeat("c", 32) })},
		{name: "coupon_code with =", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.CouponCode = "a=b" }), wantErr: "coupon_code", secret: "a=b"},
		{name: "send time with a space", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.CustomizeSendTime = "2021-06-01 12:00:00+08:00" }), wantErr: "coupons[0]: customize_send_time must be an RFC 3339 time with an offset"},
		{name: "send time without offset", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.CustomizeSendTime = "2021-06-01T12:00:00" }), wantErr: "customize_send_time"},
		{name: "send time in unix seconds", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.CustomizeSendTime = "1622520000" }), wantErr: "customize_send_time", secret: "1622520000"},
		{name: "send time on 30 February", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.CustomizeSendTime = "2021-02-30T12:00:00+08:00" }), wantErr: "customize_send_time"},
		{name: "send time in UTC with a fraction", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.CustomizeSendTime = "2021-06-01T04:00:00.5Z" })},
		{name: "the key as out_request_no", key: k, merchant: testMerchant, coupons: c(func(x *Coupon) { x.OutRequestNo = "x" + testKey }),
			wantErr: "a coupon value holds the merchant key", secret: testKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := BuildCoupons(tt.key, tt.merchant, tt.coupons)
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.Len(t, got.CardList, len(tt.coupons))
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.Empty(t, got.CardList)
			if tt.secret != "" {
				assert.NotContains(t, err.Error(), tt.secret, "errors never quote values")
			}
		})
	}
}

func TestParseCouponList(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []Coupon
		wantErr string
	}{
		{name: "one", in: `[{"stock_id":"1234567","out_request_no":"abc123"}]`, want: oneCoupon},
		{name: "every field", in: `[{"customize_send_time":"2021-06-01T12:00:00+08:00","coupon_code":"asdsada","out_request_no":"abc123","stock_id":"1234567"}]`, want: oneCouponFull},
		{name: "empty array", in: `[]`, want: []Coupon{}},
		{name: "not an array", in: `{"stock_id":"1"}`, wantErr: `the coupons are not a JSON array: want a JSON array of coupons, [{"stock_id":"…","out_request_no":"…"},…]`},
		{name: "nothing", in: " \n", wantErr: "not a JSON array"},
		{name: "null", in: `null`, wantErr: "not a JSON array"},
		{name: "broken", in: `[{"stock_id":`, wantErr: "the coupons are not valid JSON"},
		{name: "null item", in: `[null]`, wantErr: "coupons[0] is not a JSON object"},
		{name: "number item", in: `[{"stock_id":"1","out_request_no":"a"},7]`, wantErr: "coupons[1] is not a JSON object"},
		{name: "extra data", in: `[] []`, wantErr: "extra data"},
		{name: "number stock_id", in: `[{"stock_id":1234567,"out_request_no":"a"}]`, wantErr: "coupons[0]: stock_id must be a JSON string"},
		{name: "null coupon_code", in: `[{"stock_id":"1","out_request_no":"a","coupon_code":null}]`, wantErr: "coupon_code must be a JSON string"},
		{name: "camel case", in: `[{"stock_id":"1","outRequestNo":"a"}]`, wantErr: `unknown key "outRequestNo": did you mean out_request_no?`},
		{name: "merchant inside", in: `[{"stock_id":"1","out_request_no":"a","send_coupon_merchant":"1"}]`, wantErr: "--merchant"},
		{name: "a secret inside", in: `[{"stock_id":"1","out_request_no":"a","mch_key":"` + testKey + `"}]`, wantErr: `key "mch_key" holds a server secret`},
		{name: "unknown", in: `[{"stock_id":"1","foo":"a"}]`, wantErr: `unknown key "foo" (known: stock_id, out_request_no, coupon_code, customize_send_time)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCouponList([]byte(tt.in))
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.NotContains(t, err.Error(), testKey)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// hmacHex and md5Hex compute wrong signs the way the mistaken code would,
// over strings written out by hand.
func hmacHex(s string) string {
	m := hmac.New(sha256.New, []byte(testKey))
	m.Write([]byte(s))
	return strings.ToUpper(hex.EncodeToString(m.Sum(nil)))
}

func md5Hex(s string) string {
	sum := md5.Sum([]byte(s))
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

// couponItems writes cardList items the way a client would send them:
// exts are the cardExt objects' members, written as given.
func couponItems(stockIDs []string, exts ...string) []card.CardListItem {
	out := make([]card.CardListItem, len(exts))
	for i, e := range exts {
		out[i] = card.CardListItem{CardID: stockIDs[i], CardExt: "{" + e + "}"}
	}
	return out
}

func TestVerifyCoupons(t *testing.T) {
	k := mustKey(t, testKey)
	one := []string{"1234567"}
	two := []string{"1234567", "2345678"}
	const right1 = "out_request_no0=abc123&send_coupon_merchant=10016226&stock_id0=1234567&key=" + testKey
	signed1 := func(sig string) []card.CardListItem {
		return couponItems(one, `"out_request_no":"abc123","send_coupon_merchant":"10016226","sign":"`+sig+`"`)
	}
	signed2 := func(sig string) []card.CardListItem {
		return couponItems(two, `"out_request_no":"abc123","send_coupon_merchant":"10016226","sign":"`+sig+`"`, `"out_request_no":"123abc"`)
	}
	withOpenID := func(sig string) []card.CardListItem {
		return couponItems(one, `"out_request_no":"abc123","openid":"oUser-123","send_coupon_merchant":"10016226","sign":"`+sig+`"`)
	}
	other := mustKey(t, "Qq1Ww2Ee3Rr4Tt5Yy6Uu7Ii8Oo9Pp0Aa")
	built, err := BuildCoupons(k, testMerchant, threeCouponsMixed)
	require.NoError(t, err)
	tampered := append([]card.CardListItem(nil), built.CardList...)
	tampered[1].CardExt = strings.Replace(tampered[1].CardExt, "123abc", "123abd", 1)
	byOther, err := BuildCoupons(other, testMerchant, oneCoupon)
	require.NoError(t, err)
	card0 := card.CardListItem{CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", CardExt: `{"timestamp":1404896688,"signature":"x"}`}

	tests := []struct {
		name     string
		list     []card.CardListItem
		ok       bool
		mistakes []Mistake
		likely   []Mistake
		used     string // the Used values as name=value&…, when set
		at       string // where the message says the problem is
	}{
		{name: "one coupon", list: signed1(hmacHex(right1)), ok: true},
		{name: "built batch of three", list: built.CardList, ok: true},
		{name: "a card before the coupons counts for nothing", list: append([]card.CardListItem{card0}, signed2(hmacHex(
			"out_request_no0=abc123&out_request_no1=123abc&send_coupon_merchant=10016226&stock_id0=1234567&stock_id1=2345678&key="+testKey))...), ok: true},
		{name: "openid sent, not signed", list: withOpenID(hmacHex(right1)), ok: true},
		{name: "lower-case hex", list: signed1(strings.ToLower(hmacHex(right1))), mistakes: []Mistake{MistakeLowercaseHex}},
		{name: "MD5", list: signed1(md5Hex(right1)), mistakes: []Mistake{MistakeMD5}},
		{name: "lower-case MD5", list: signed1(strings.ToLower(md5Hex(right1))), mistakes: []Mistake{MistakeLowercaseHex, MistakeMD5}},
		{name: "names without the index",
			list:     signed1(hmacHex("out_request_no=abc123&send_coupon_merchant=10016226&stock_id=1234567&key=" + testKey)),
			mistakes: []Mistake{MistakeNamesNotIndexed}, used: "out_request_no=abc123&send_coupon_merchant=10016226&stock_id=1234567&key=[redacted merchant key]"},
		{name: "names without the index, two coupons",
			list:     signed2(hmacHex("out_request_no=abc123&out_request_no=123abc&send_coupon_merchant=10016226&stock_id=1234567&stock_id=2345678&key=" + testKey)),
			mistakes: []Mistake{MistakeNamesNotIndexed}},
		{name: "&key= left out",
			list:     signed1(hmacHex("out_request_no0=abc123&send_coupon_merchant=10016226&stock_id0=1234567")),
			mistakes: []Mistake{MistakeKeyNotAppended}, used: "out_request_no0=abc123&send_coupon_merchant=10016226&stock_id0=1234567"},
		{name: "insertion order",
			list:     signed1(hmacHex("stock_id0=1234567&out_request_no0=abc123&send_coupon_merchant=10016226&key=" + testKey)),
			mistakes: []Mistake{MistakeParamsUnsorted}, used: "stock_id0=1234567&out_request_no0=abc123&send_coupon_merchant=10016226&key=[redacted merchant key]"},
		{name: "insertion order, merchant first",
			list:     signed2(hmacHex("send_coupon_merchant=10016226&stock_id0=1234567&out_request_no0=abc123&stock_id1=2345678&out_request_no1=123abc&key=" + testKey)),
			mistakes: []Mistake{MistakeParamsUnsorted}},
		{name: "insertion order of the cardExts",
			list:     signed2(hmacHex("stock_id0=1234567&out_request_no0=abc123&send_coupon_merchant=10016226&stock_id1=2345678&out_request_no1=123abc&key=" + testKey)),
			mistakes: []Mistake{MistakeParamsUnsorted}},
		{name: "openid signed",
			list:     withOpenID(hmacHex("openid=oUser-123&out_request_no0=abc123&send_coupon_merchant=10016226&stock_id0=1234567&key=" + testKey)),
			mistakes: []Mistake{MistakeOpenIDSigned}, used: "openid=oUser-123&out_request_no0=abc123&send_coupon_merchant=10016226&stock_id0=1234567&key=[redacted merchant key]"},
		{name: "openid signed with an index",
			list:     withOpenID(hmacHex("openid0=oUser-123&out_request_no0=abc123&send_coupon_merchant=10016226&stock_id0=1234567&key=" + testKey)),
			mistakes: []Mistake{MistakeOpenIDSigned}},
		{name: "a value changed after signing", list: tampered, likely: []Mistake{MistakeWrongMerchantKey}},
		{name: "another merchant's key", list: byOther.CardList, likely: []Mistake{MistakeWrongMerchantKey}},
		{name: "sign not hex", list: signed1("F" + hmacHex(right1)[1:63]), mistakes: []Mistake{MistakeCouponSignFormat}, at: "cardList[0]"},
		{name: "a card's SHA-1 signature", list: signed1("f137ab68b7f8112d20ee528ab6074564e2796250"), mistakes: []Mistake{MistakeCouponSignFormat}},
		{name: "no sign", list: couponItems(one, `"out_request_no":"abc123","send_coupon_merchant":"10016226"`), mistakes: []Mistake{MistakeCouponFieldMissing}, at: "cardList[0]"},
		{name: "empty sign", list: signed1(""), mistakes: []Mistake{MistakeCouponFieldMissing}},
		{name: "no merchant", list: couponItems(one, `"out_request_no":"abc123","sign":"`+hmacHex(right1)+`"`), mistakes: []Mistake{MistakeCouponFieldMissing}},
		{name: "second coupon without out_request_no",
			list:     couponItems(two, `"out_request_no":"abc123","send_coupon_merchant":"10016226","sign":"x"`, `"coupon_code":"c1"`),
			mistakes: []Mistake{MistakeCouponFieldMissing}, at: "cardList[1]"},
		{name: "sign in the second coupon",
			list:     couponItems(two, `"out_request_no":"abc123","send_coupon_merchant":"10016226"`, `"out_request_no":"123abc","sign":"x"`),
			mistakes: []Mistake{MistakeCouponFieldMisplaced}, at: "cardList[1]"},
		{name: "out_request_no a number", list: couponItems(one, `"out_request_no":123,"send_coupon_merchant":"10016226","sign":"x"`),
			mistakes: []Mistake{MistakeCouponMalformed}, at: "cardList[0]"},
		{name: "no coupon at all", list: []card.CardListItem{card0}, mistakes: []Mistake{MistakeNoCoupons}},
		{name: "the key in a value", list: couponItems(one, `"out_request_no":"`+testKey+`","send_coupon_merchant":"10016226","sign":"`+hmacHex(right1)+`"`),
			likely: []Mistake{MistakeWrongMerchantKey}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := VerifyCoupons(k, tt.list)
			assert.Equal(t, tt.ok, r.OK, r.Message)
			assert.Equal(t, tt.mistakes, r.Mistakes)
			assert.Equal(t, tt.likely, r.Likely)
			if tt.used != "" {
				var parts []string
				for _, v := range r.Used {
					parts = append(parts, v.Name+"="+v.Value)
				}
				assert.Equal(t, tt.used, strings.Join(parts, "&"))
			}
			if tt.at != "" {
				assert.Contains(t, r.Message, "At "+tt.at+".")
				assert.Contains(t, r.MessageZH, "位置："+tt.at+"。")
			}
			for _, m := range append(slicesConcat(r.Mistakes, r.Likely), "") {
				if m == "" {
					continue
				}
				en, zh := m.Text()
				require.NotEmpty(t, en, m)
				assert.Contains(t, r.Message, en)
				assert.Contains(t, r.MessageZH, zh)
			}
			if tt.ok {
				assert.Contains(t, r.Message, "signature verifies.")
				assert.Equal(t, Value{"key", RedactedKey}, r.Signed[len(r.Signed)-1])
			}
			js, err := json.Marshal(r)
			require.NoError(t, err)
			for _, s := range []string{string(js), fmt.Sprintf("%+v", r), r.Message, r.MessageZH} {
				for i := 0; i+redactWindow <= len(testKey); i++ {
					require.NotContains(t, s, testKey[i:i+redactWindow], "a piece of the key")
				}
			}
		})
	}
}

func TestVerifyCouponsListsSignedParameters(t *testing.T) {
	r := VerifyCoupons(mustKey(t, testKey), couponItems([]string{"1234567"},
		`"out_request_no":"abc123","send_coupon_merchant":"10016226","sign":"5452AF698616A2E3B2C929CE76DA60E9BE3AB0EEEBA562962ADAB310061EC090"`))
	require.True(t, r.OK, r.Message)
	assert.Equal(t, []Value{
		{"out_request_no0", "abc123"},
		{"send_coupon_merchant", testMerchant},
		{"stock_id0", "1234567"},
		{"key", RedactedKey},
	}, r.Signed)
	assert.Equal(t, `signature verifies. Signed parameters: out_request_no0="abc123", send_coupon_merchant="10016226", stock_id0="1234567", key `+
		`(sorted by name in byte order, joined as name=value with "&", "&key=" and the API v2 key appended; HMAC-SHA256 keyed with the API v2 key, upper-case hex).`, r.Message)
	assert.Equal(t, `签名正确。 参与签名的参数：out_request_no0="abc123"，send_coupon_merchant="10016226"，stock_id0="1234567"，key`+
		`（按参数名的字节序排序，以 name=value 的形式用“&”连接，末尾拼接“&key=”和 API v2 密钥；以 API v2 密钥做 HMAC-SHA256，大写十六进制）。`, r.MessageZH)
}

func TestIsCouponItem(t *testing.T) {
	for ext, want := range map[string]bool{
		`{"out_request_no":"a"}`:         true,
		`{"send_coupon_merchant":"1"}`:   true,
		`{"coupon_code":""}`:             true,
		`{"customize_send_time":null}`:   true,
		`{"timestamp":1,"signature":""}`: false,
		`{"openid":"o","sign":"x"}`:      false,
		`not json`:                       false,
		`["out_request_no"]`:             false,
		`{"out_request_no":"a"} extra`:   false,
	} {
		assert.Equal(t, want, IsCouponItem(card.CardListItem{CardID: "1", CardExt: ext}), ext)
	}
}

// VerifyCoupons never panics, and nothing it returns holds the key,
// whatever the items.
func FuzzVerifyCoupons(f *testing.F) {
	f.Add("1234567", `{"out_request_no":"abc123","send_coupon_merchant":"10016226","sign":"5452AF698616A2E3B2C929CE76DA60E9BE3AB0EEEBA562962ADAB310061EC090"}`, `{"out_request_no":"b"}`)
	f.Add("", `{"out_request_no":"a","openid":"o","send_coupon_merchant":"1","sign":"`+strings.Repeat("a", 64)+`"}`, `{"sign":1}`)
	f.Add("1", `{"coupon_code":null}`, `{"out_request_no":"a","out_request_no":"b"}`)
	k := mustKey(f, testKey)
	f.Fuzz(func(t *testing.T, stockID, ext0, ext1 string) {
		list := []card.CardListItem{{CardID: stockID, CardExt: ext0}, {CardID: stockID, CardExt: ext1}}
		r := VerifyCoupons(k, list)
		js, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(js), testKey) {
			t.Fatalf("the key in %s", js)
		}
		if r.Message == "" || r.MessageZH == "" {
			t.Fatal("no message")
		}
	})
}
