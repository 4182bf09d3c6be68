package sign

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/wxcard/wxcard/wasm/card"
)

var couponScheme = scheme{
	secret:   "key",
	signedEn: " Signed parameters: ", signedZh: " 参与签名的参数：",
	recipeEn: ` (sorted by name in byte order, joined as name=value with "&", "&key=" and the API v2 key appended; HMAC-SHA256 keyed with the API v2 key, upper-case hex).`,
	recipeZh: "（按参数名的字节序排序，以 name=value 的形式用“&”连接，末尾拼接“&key=”和 API v2 密钥；以 API v2 密钥做 HMAC-SHA256，大写十六进制）。",
}

// VerifyCoupons checks the sign of the merchant-coupon batch in list (the
// cardList of wx.addCard; items that are not merchant coupons are passed
// over, and a coupon's index is its place among the coupons) against the
// merchant's API v2 key, comparing in constant time. On a mismatch it
// recomputes the sign with each known mistake and names the one that
// reproduces it. Nothing it returns holds the key.
//
// The sign is documented at
// https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_3_1.shtml and
// https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_4_1.shtml.
func VerifyCoupons(k MerchantKey, list []card.CardListItem) Result {
	b, err := parseSentCoupons(list)
	if err != nil {
		var ce *couponError
		if !errors.As(err, &ce) {
			ce = &couponError{-1, MistakeCouponMalformed}
		}
		return finishCoupons(k, Result{Mistakes: []Mistake{ce.mistake}}, ce.item)
	}
	sorted := byName(couponParams(b.merchant, b.coupons, true))
	res := Result{Signed: couponValues(sorted, true)}
	want := hmacUpper(k, withKey(k, joinParams(sorted)))
	if equalSig(b.sign, want) {
		res.OK = true
		return finishCoupons(k, res, -1)
	}
	sig := strings.ToUpper(b.sign)
	// 64 hex digits, or 32 of an MD5 (a mistake explain may name).
	if !isUpperHex(sig) || len(sig) != 2*sha256.Size && len(sig) != 2*md5.Size {
		res.Mistakes = []Mistake{MistakeCouponSignFormat}
		return finishCoupons(k, res, b.items[0])
	}
	var lower []Mistake
	if sig != b.sign {
		lower = []Mistake{MistakeLowercaseHex}
		if equalSig(sig, want) {
			res.Mistakes = lower
			return finishCoupons(k, res, -1)
		}
	}
	if c, ok := explainCoupons(k, b, sig); ok {
		res.Mistakes = append(lower, c.mistake)
		if !slices.Equal(c.used, res.Signed) {
			res.Used = c.used
		}
		return finishCoupons(k, res, -1)
	}
	if len(sig) != 2*sha256.Size {
		res.Mistakes = []Mistake{MistakeCouponSignFormat}
		return finishCoupons(k, res, b.items[0])
	}
	res.Likely = []Mistake{MistakeWrongMerchantKey}
	return finishCoupons(k, res, -1)
}

// couponValues lists parameters as Values, then the key, redacted.
func couponValues(ps []signedParam, key bool) []Value {
	out := make([]Value, 0, len(ps)+1)
	for _, p := range ps {
		out = append(out, Value{p.name, p.value})
	}
	if key {
		out = append(out, Value{"key", RedactedKey})
	}
	return out
}

// explainCoupons recomputes the sign with every known mistake and returns
// the first that reproduces sig (upper case).
func explainCoupons(k MerchantKey, b sentCoupons, sig string) (candidate, bool) {
	added := couponParams(b.merchant, b.coupons, true)
	sorted := byName(added)
	hmacs := func(ps []signedParam) bool { return equalSig(sig, hmacUpper(k, withKey(k, joinParams(ps)))) }

	if equalSig(sig, hmacUpper(k, joinParams(sorted))) {
		return candidate{MistakeKeyNotAppended, couponValues(sorted, false)}, true
	}
	sum := md5.Sum([]byte(withKey(k, joinParams(sorted))))
	if equalSig(sig, strings.ToUpper(hex.EncodeToString(sum[:]))) {
		return candidate{mistake: MistakeMD5}, true
	}
	if plain := byName(couponParams(b.merchant, b.coupons, false)); hmacs(plain) {
		return candidate{MistakeNamesNotIndexed, couponValues(plain, true)}, true
	}
	for _, order := range insertionOrders(b, added) {
		if !slices.Equal(order, sorted) && hmacs(order) {
			return candidate{MistakeParamsUnsorted, couponValues(order, true)}, true
		}
	}
	for _, extra := range openidParams(b) {
		if with := byName(append(slices.Clone(added), extra...)); hmacs(with) {
			return candidate{MistakeOpenIDSigned, couponValues(with, true)}, true
		}
	}
	return candidate{}, false
}

// insertionOrders are the unsorted orders a batch's parameters are added
// in: coupon by coupon and then the merchant; the merchant first; and the
// order the cardExts were written in, each coupon's stock_id first.
func insertionOrders(b sentCoupons, added []signedParam) [][]signedParam {
	last := len(added) - 1 // send_coupon_merchant, never empty here
	merchantFirst := append([]signedParam{added[last]}, added[:last]...)
	var sent []signedParam
	for i, c := range b.coupons {
		n := strconv.Itoa(i)
		sent = append(sent, signedParam{"stock_id" + n, c.StockID})
		for _, name := range b.order[i] {
			v := couponField(c, name)
			switch {
			case name == "send_coupon_merchant":
				sent = append(sent, signedParam{name, b.merchant})
			case v != "":
				sent = append(sent, signedParam{name + n, v})
			}
		}
	}
	return [][]signedParam{added, merchantFirst, sent}
}

func couponField(c Coupon, name string) string {
	switch name {
	case "out_request_no":
		return c.OutRequestNo
	case "coupon_code":
		return c.CouponCode
	case "customize_send_time":
		return c.CustomizeSendTime
	}
	return ""
}

// openidParams are the ways an openid the cardExts carry gets signed by
// mistake: each coupon's indexed, or the first one once, named openid or
// open_id (H5发券's name).
func openidParams(b sentCoupons) [][]signedParam {
	first := slices.IndexFunc(b.openids, func(o string) bool { return o != "" })
	if first < 0 {
		return nil
	}
	var out [][]signedParam
	for _, name := range []string{"openid", "open_id"} {
		var indexed []signedParam
		for i, o := range b.openids {
			if o != "" {
				indexed = append(indexed, signedParam{name + strconv.Itoa(i), o})
			}
		}
		out = append(out, indexed, []signedParam{{name, b.openids[first]}})
	}
	return out
}

func isUpperHex(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return (r < '0' || r > '9') && (r < 'A' || r > 'F')
	}) < 0
}

// finishCoupons writes the messages, says which item a problem is at
// (item ≥ 0), and takes the key out of every value a sent cardExt held.
func finishCoupons(k MerchantKey, r Result, item int) Result {
	r = couponScheme.finish(r)
	if item >= 0 {
		r.Message += fmt.Sprintf(" At cardList[%d].", item)
		r.MessageZH += fmt.Sprintf("位置：cardList[%d]。", item)
	}
	r.Message, r.MessageZH = k.Redact(r.Message), k.Redact(r.MessageZH)
	for _, vs := range [][]Value{r.Signed, r.Used} {
		for i := range vs {
			vs[i].Value = k.Redact(vs[i].Value)
		}
	}
	return r
}
