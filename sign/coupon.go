package sign

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wxcard/wxcard/wasm/card"
)

// Merchant coupons (商家券) of WeChat Pay sent through wx.addCard, as the
// docs of 小程序发券插件 and H5发券 describe their signature:
// https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_3_1.shtml and
// https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_4_1.shtml
//
// A batch is a list of coupons sent by one merchant (send_coupon_merchant).
// Its sign is the upper-case hex HMAC-SHA256, keyed with the merchant's API
// v2 key, of the string of all its non-empty parameters, each coupon's
// named with its position from 0 (stock_id0, out_request_no0,
// coupon_code0, customize_send_time0, stock_id1, …) and
// send_coupon_merchant without one, sorted by name in byte (ASCII) order,
// joined as name=value with '&', then "&key=" and the key:
//
//	out_request_no0=abc123&send_coupon_merchant=10016226&stock_id0=1234567&key=…
//
// In wx.addCard's cardList, coupon i is {"cardId": stock_id, "cardExt":
// "<JSON>"}; the first cardExt holds out_request_no, coupon_code,
// customize_send_time, send_coupon_merchant and sign in that order, the
// others only out_request_no, coupon_code and customize_send_time.

// Coupon is one merchant coupon of a batch. Empty optional fields are
// absent: they are neither signed nor sent.
type Coupon struct {
	StockID           string `json:"stock_id"`                      // 批次号, 1–32 digits; sent as the item's cardId
	OutRequestNo      string `json:"out_request_no"`                // the merchant's request number, unique in the batch
	CouponCode        string `json:"coupon_code,omitempty"`         // the code, for batches whose codes the merchant assigns
	CustomizeSendTime string `json:"customize_send_time,omitempty"` // RFC 3339 with an offset
}

// Bounds BuildCoupons checks.
const (
	// MaxCoupons is the most coupons one batch may hold. WeChat Pay's
	// plugin sends a handful at a time; ten keeps every index one digit, so
	// that byte order and numeric order of the names agree and an SDK that
	// sorts either way signs the same string.
	MaxCoupons = 10
	// MaxStockIDLen and MaxMerchantLen bound the digits of a stock_id and
	// of send_coupon_merchant (WeChat Pay's are 7–10 digits today).
	MaxStockIDLen  = card.MaxStockID
	MaxMerchantLen = 32
	// MaxOutRequestNoLen is the longest out_request_no: letters, digits
	// and _-|*.
	MaxOutRequestNoLen = card.MaxOutRequestNo
	// MaxCouponCodeLen is the longest coupon_code: letters, digits, _ and -.
	MaxCouponCodeLen = 32
)

// couponParams lists a batch's non-empty parameters in the order they are
// added (coupon by coupon, then send_coupon_merchant), each coupon's named
// with its index when indexed.
func couponParams(merchant string, coupons []Coupon, indexed bool) []signedParam {
	ps := make([]signedParam, 0, 4*len(coupons)+1)
	add := func(name, v string) {
		if v != "" {
			ps = append(ps, signedParam{name, v})
		}
	}
	for i, c := range coupons {
		n := ""
		if indexed {
			n = strconv.Itoa(i)
		}
		add("stock_id"+n, c.StockID)
		add("out_request_no"+n, c.OutRequestNo)
		add("coupon_code"+n, c.CouponCode)
		add("customize_send_time"+n, c.CustomizeSendTime)
	}
	add("send_coupon_merchant", merchant)
	return ps
}

// byName returns ps sorted by name in byte order; equal names (possible
// only without indexes) keep their order.
func byName(ps []signedParam) []signedParam {
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(a, b signedParam) int { return strings.Compare(a.name, b.name) })
	return ps
}

// joinParams joins ps as name=value with '&'.
func joinParams(ps []signedParam) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(p.name)
		b.WriteByte('=')
		b.WriteString(p.value)
	}
	return b.String()
}

// withKey appends "&key=" and the key, as the API v2 rules sign.
func withKey(k MerchantKey, s string) string { return s + "&key=" + k.value() }

// hmacUpper is the upper-case hex HMAC-SHA256 of s keyed with the key.
func hmacUpper(k MerchantKey, s string) string {
	m := hmac.New(sha256.New, []byte(k.value()))
	m.Write([]byte(s))
	return strings.ToUpper(hex.EncodeToString(m.Sum(nil)))
}

// SignCoupons returns the sign of a merchant-coupon batch: the upper-case
// hex HMAC-SHA256, keyed with k, of its indexed parameters sorted by name,
// joined as name=value with '&', with "&key=" and k appended. It signs what
// it is given; BuildCoupons checks the values first.
func SignCoupons(k MerchantKey, merchant string, coupons []Coupon) string {
	return hmacUpper(k, withKey(k, joinParams(byName(couponParams(merchant, coupons, true)))))
}

// BuildCoupons checks a batch, signs it and returns wx.addCard's options:
// one cardList item a coupon, cardId its stock_id and cardExt the compact
// JSON text (as JavaScript's JSON.stringify writes it) of out_request_no,
// coupon_code, customize_send_time and, in the first item only,
// send_coupon_merchant and sign.
//
// The checks: merchant 1–32 digits; 1 to MaxCoupons coupons; each stock_id
// 1–32 digits; each out_request_no 1–128 characters of letters, digits and
// _-|*, no two alike; coupon_code, when given, 1–32 letters, digits, _ or
// -; customize_send_time, when given, an RFC 3339 time with an offset
// (2021-06-01T12:00:00+08:00 or …Z). Errors name the coupon by its index
// and never quote a value.
func BuildCoupons(k MerchantKey, merchant string, coupons []Coupon) (card.AddCardOptions, error) {
	if k.IsZero() {
		return card.AddCardOptions{}, ErrEmptyMerchantKey
	}
	if err := checkCoupons(merchant, coupons); err != nil {
		return card.AddCardOptions{}, err
	}
	for _, ps := range couponParams(merchant, coupons, true) {
		if k.In(ps.value) {
			return card.AddCardOptions{}, errors.New("a coupon value holds the merchant key: a secret never goes into a payload")
		}
	}
	sig := SignCoupons(k, merchant, coupons)
	list := make([]card.CardListItem, len(coupons))
	for i, c := range coupons {
		b := make([]byte, 0, 192)
		field := func(name, v string) {
			if v == "" {
				return
			}
			if len(b) == 0 {
				b = append(b, '{')
			} else {
				b = append(b, ',')
			}
			b = card.AppendJSONString(b, name)
			b = append(b, ':')
			b = card.AppendJSONString(b, v)
		}
		field("out_request_no", c.OutRequestNo)
		field("coupon_code", c.CouponCode)
		field("customize_send_time", c.CustomizeSendTime)
		if i == 0 {
			field("send_coupon_merchant", merchant)
			field("sign", sig)
		}
		list[i] = card.CardListItem{CardID: c.StockID, CardExt: string(append(b, '}'))}
	}
	return card.AddCardOptions{CardList: list}, nil
}

func checkCoupons(merchant string, coupons []Coupon) error {
	switch {
	case !digits(merchant, MaxMerchantLen):
		return fmt.Errorf("send_coupon_merchant (the issuing merchant id) must be 1 to %d digits", MaxMerchantLen)
	case len(coupons) == 0:
		return errors.New("a batch needs at least one coupon")
	case len(coupons) > MaxCoupons:
		return fmt.Errorf("a batch holds at most %d coupons; this one has %d", MaxCoupons, len(coupons))
	}
	seen := make(map[string]int, len(coupons))
	for i, c := range coupons {
		if err := checkCoupon(c); err != nil {
			return fmt.Errorf("coupons[%d]: %w", i, err)
		}
		if j, ok := seen[c.OutRequestNo]; ok {
			return fmt.Errorf("coupons[%d]: out_request_no is the same as coupons[%d]'s; each coupon of a batch needs its own", i, j)
		}
		seen[c.OutRequestNo] = i
	}
	return nil
}

func checkCoupon(c Coupon) error {
	switch {
	// stock_id and out_request_no as the core's rules read them.
	case !card.ValidStockID(c.StockID):
		return fmt.Errorf("stock_id (批次号) must be 1 to %d digits", MaxStockIDLen)
	case !card.ValidOutRequestNo(c.OutRequestNo):
		return fmt.Errorf("out_request_no must be 1 to %d characters of letters, digits and _-|*", MaxOutRequestNoLen)
	case len(c.CouponCode) > MaxCouponCodeLen || !allOf(c.CouponCode, "_-"):
		return fmt.Errorf("coupon_code must be 1 to %d letters, digits, _ or -", MaxCouponCodeLen)
	case c.CustomizeSendTime != "" && !isRFC3339(c.CustomizeSendTime):
		return errors.New("customize_send_time must be an RFC 3339 time with an offset, such as 2021-06-01T12:00:00+08:00")
	}
	return nil
}

// digits tells 1 to max ASCII digits.
func digits(s string, max int) bool {
	return s != "" && len(s) <= max && isDecimal(s)
}

// allOf tells whether s holds only ASCII letters, digits and the bytes of extra.
func allOf(s, extra string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !isAlnumByte(c) && strings.IndexByte(extra, c) < 0 {
			return false
		}
	}
	return true
}

// isRFC3339 tells a date-time of RFC 3339 with its offset (Z or ±hh:mm).
func isRFC3339(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// couponInputKeys name the right key for the wrong ones people write in a
// sign request.
var couponInputKeys = map[string]string{
	"cardId":               "the stock_id is the item's cardId: write stock_id",
	"card_id":              "the stock_id is the item's cardId: write stock_id",
	"stockId":              "did you mean stock_id?",
	"outRequestNo":         "did you mean out_request_no?",
	"couponCode":           "did you mean coupon_code?",
	"customizeSendTime":    "did you mean customize_send_time?",
	"send_coupon_merchant": "the merchant id is given once for the batch (--merchant)",
	"sign":                 "the sign is what wxcard computes: leave it out",
	"openid":               "openid takes no part in a merchant coupon's sign",
}

// ParseCouponList decodes the coupons of a batch as the sign command reads
// them: a JSON array of objects with string values for stock_id,
// out_request_no and, optionally, coupon_code and customize_send_time.
// Unknown keys are an error; messages never quote values.
func ParseCouponList(data []byte) ([]Coupon, error) {
	const want = `want a JSON array of coupons, [{"stock_id":"…","out_request_no":"…"},…]`
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '[' {
		return nil, errors.New("the coupons are not a JSON array: " + want)
	}
	var raw []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("the coupons are not valid JSON: %w", err)
	}
	if dec.More() {
		return nil, errors.New("extra data after the JSON array of coupons")
	}
	out := make([]Coupon, len(raw))
	for i, r := range raw {
		var obj map[string]json.RawMessage
		if r = bytes.TrimSpace(r); r[0] != '{' || json.Unmarshal(r, &obj) != nil {
			return nil, fmt.Errorf("coupons[%d] is not a JSON object: %s", i, want)
		}
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			var dst *string
			switch k {
			case "stock_id":
				dst = &out[i].StockID
			case "out_request_no":
				dst = &out[i].OutRequestNo
			case "coupon_code":
				dst = &out[i].CouponCode
			case "customize_send_time":
				dst = &out[i].CustomizeSendTime
			default:
				return nil, fmt.Errorf("coupons[%d]: %s", i, unknownCouponKey(k))
			}
			v := bytes.TrimSpace(obj[k])
			if len(v) == 0 || v[0] != '"' || json.Unmarshal(v, dst) != nil {
				return nil, fmt.Errorf("coupons[%d]: %s must be a JSON string (quote numbers: WeChat Pay signs the text)", i, k)
			}
		}
	}
	return out, nil
}

func unknownCouponKey(k string) string {
	if slices.Contains(secretKeys, strings.ToLower(k)) {
		return fmt.Sprintf("key %q holds a server secret: a secret never goes into a payload", k)
	}
	if hint, ok := couponInputKeys[k]; ok {
		return fmt.Sprintf("unknown key %q: %s", k, hint)
	}
	name := k
	if len(name) > 40 {
		name = name[:40] + "…"
	}
	return fmt.Sprintf("unknown key %q (known: stock_id, out_request_no, coupon_code, customize_send_time)", name)
}

// couponFields are the cardExt keys that make a cardList item a merchant
// coupon.
var couponFields = []string{"out_request_no", "send_coupon_merchant", "coupon_code", "customize_send_time"}

// IsCouponItem reports whether a cardList item is a merchant coupon: its
// cardExt is a JSON object with any of out_request_no, send_coupon_merchant,
// coupon_code or customize_send_time.
func IsCouponItem(item card.CardListItem) bool {
	fields, err := objectFields(item.CardExt)
	return err == nil && isCoupon(fields)
}

func isCoupon(fields []objectField) bool {
	return slices.ContainsFunc(fields, func(f objectField) bool { return slices.Contains(couponFields, f.name) })
}

// objectField is one member of a JSON object, in the order written.
type objectField struct {
	name string
	raw  json.RawMessage
}

// objectFields decodes the JSON text of one object, keeping its order. A
// repeated name keeps its first place and its last value, as
// JSON.parse does.
func objectFields(text string) ([]objectField, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	var fields []objectField
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		name, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		if i := slices.IndexFunc(fields, func(f objectField) bool { return f.name == name }); i >= 0 {
			fields[i].raw = raw
			continue
		}
		fields = append(fields, objectField{name, raw})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("extra data after the JSON object")
	}
	return fields, nil
}

// sentCoupons is a merchant-coupon batch as sent.
type sentCoupons struct {
	merchant, sign string
	coupons        []Coupon
	openids        []string   // each coupon's openid, "" when none
	order          [][]string // each coupon's signed cardExt keys, in the order sent
	items          []int      // each coupon's index in the cardList
}

// couponError is why a batch could not be read: a mistake, at an item.
type couponError struct {
	item    int // index in the cardList; -1: the batch as a whole
	mistake Mistake
}

func (e *couponError) Error() string {
	en, _ := e.mistake.Text()
	if e.item < 0 {
		return en
	}
	return fmt.Sprintf("cardList[%d]: %s", e.item, en)
}

// parseSentCoupons reads the merchant-coupon items of list, in order; the
// others (cards, and cardExts that are not a JSON object) are passed over.
// A coupon's index is its place among the coupons.
func parseSentCoupons(list []card.CardListItem) (sentCoupons, error) {
	var b sentCoupons
	for i, item := range list {
		fields, err := objectFields(item.CardExt)
		if err != nil || !isCoupon(fields) {
			continue
		}
		first := len(b.coupons) == 0
		c := Coupon{StockID: item.CardID}
		var openid string
		var order []string
		for _, f := range fields {
			var dst *string
			switch f.name {
			case "out_request_no":
				dst = &c.OutRequestNo
			case "coupon_code":
				dst = &c.CouponCode
			case "customize_send_time":
				dst = &c.CustomizeSendTime
			case "openid":
				dst = &openid
			case "send_coupon_merchant", "sign":
				if !first {
					return sentCoupons{}, &couponError{i, MistakeCouponFieldMisplaced}
				}
				dst = &b.merchant
				if f.name == "sign" {
					dst = &b.sign
				}
			default:
				continue // not a merchant coupon's; the core's checks report it
			}
			v := bytes.TrimSpace(f.raw)
			if len(v) == 0 || v[0] != '"' || json.Unmarshal(v, dst) != nil {
				return sentCoupons{}, &couponError{i, MistakeCouponMalformed}
			}
			if f.name != "sign" && f.name != "openid" {
				order = append(order, f.name)
			}
		}
		if c.OutRequestNo == "" {
			return sentCoupons{}, &couponError{i, MistakeCouponFieldMissing}
		}
		b.coupons = append(b.coupons, c)
		b.openids = append(b.openids, openid)
		b.order = append(b.order, order)
		b.items = append(b.items, i)
	}
	if len(b.coupons) == 0 {
		return sentCoupons{}, &couponError{-1, MistakeNoCoupons}
	}
	if b.merchant == "" || b.sign == "" {
		return sentCoupons{}, &couponError{b.items[0], MistakeCouponFieldMissing}
	}
	return b, nil
}

// ParseCoupons reads a sent merchant-coupon batch back from wx.addCard's
// cardList: the merchant (send_coupon_merchant), the sign and the coupons,
// in order. Items that are not merchant coupons are passed over. It fails
// when there is no coupon, when a coupon's values are not strings or it has
// no out_request_no, or when the first coupon lacks send_coupon_merchant or
// sign or a later one carries them.
func ParseCoupons(list []card.CardListItem) (merchant, sign string, coupons []Coupon, err error) {
	b, err := parseSentCoupons(list)
	if err != nil {
		return "", "", nil, err
	}
	return b.merchant, b.sign, b.coupons, nil
}
