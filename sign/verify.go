package sign

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/wxcard/wxcard/wasm/card"
)

// Mistake names one known way of getting the signature wrong.
type Mistake string

// The mistakes Verify recognises. Those it can recompute it reports only
// when the recomputation reproduces the signature sent; NonceNotSent and
// WrongTicket cannot be recomputed and are reported as likely causes.
const (
	MistakeSignatureMissing Mistake = "signature-missing"      // cardExt has no signature
	MistakeSignatureFormat  Mistake = "signature-format"       // not 40 hex digits
	MistakeMalformed        Mistake = "cardext-malformed"      // cardExt is not a JSON object string
	MistakeUppercaseHex     Mistake = "uppercase-hex"          // hex digits in upper case
	MistakeUnsorted         Mistake = "unsorted"               // values in the documented parameter order
	MistakeSortedByKey      Mistake = "sorted-by-key"          // values ordered by their parameter names
	MistakeCaseInsensitive  Mistake = "case-insensitive-order" // sorted ignoring case
	MistakeLocaleOrder      Mistake = "locale-order"           // sorted with a locale-aware collation
	MistakeNumericOrder     Mistake = "numeric-order"          // numeric strings sorted as numbers (PHP sort())
	MistakeNonceNotSigned   Mistake = "nonce-not-signed"       // nonce_str sent but not signed
	MistakeNonceNotSent     Mistake = "nonce-not-sent"         // nonce_str signed but not sent (likely cause only)
	MistakeOuterStrSigned   Mistake = "outer-str-signed"       // outer_str signed (it must not be)
	MistakeFixedBeginSigned Mistake = "fixed-begintimestamp-signed"
	MistakeTimestampMillis  Mistake = "timestamp-milliseconds" // signed and sent timestamps differ by ×1000
	MistakeCardIDNotSigned  Mistake = "card-id-not-signed"     // card_id left out of the signature
	MistakeKeyValueString   Mistake = "key-value-string"       // jsapi_ticket style key=value&… string
	MistakeWrongTicket      Mistake = "wrong-ticket"           // not the wx_card api_ticket (likely cause only)
)

// The mistakes VerifyCoupons recognises in the sign of a merchant-coupon
// batch. WrongMerchantKey cannot be recomputed and is a likely cause only.
const (
	MistakeNoCoupons            Mistake = "no-coupons"               // the cardList holds no merchant coupon
	MistakeCouponMalformed      Mistake = "coupon-cardext-malformed" // a coupon's cardExt is not an object of strings
	MistakeCouponFieldMissing   Mistake = "coupon-field-missing"     // out_request_no, send_coupon_merchant or sign missing
	MistakeCouponFieldMisplaced Mistake = "coupon-field-misplaced"   // send_coupon_merchant or sign in a later coupon
	MistakeCouponSignFormat     Mistake = "coupon-sign-format"       // not 64 hex digits
	MistakeLowercaseHex         Mistake = "lowercase-hex"            // hex digits in lower case
	MistakeMD5                  Mistake = "md5-not-hmac-sha256"      // MD5 of the string instead of its HMAC-SHA256
	MistakeNamesNotIndexed      Mistake = "names-not-indexed"        // stock_id for stock_id0, …
	MistakeKeyNotAppended       Mistake = "key-not-appended"         // "&key=" and the key left out of the string
	MistakeParamsUnsorted       Mistake = "params-unsorted"          // parameters in the order they were added
	MistakeOpenIDSigned         Mistake = "openid-signed"            // the cardExt's openid was signed
	MistakeWrongMerchantKey     Mistake = "wrong-merchant-key"       // not this merchant's API v2 key (likely cause only)
)

type mistakeText struct{ en, zh string }

var mistakeTexts = map[Mistake]mistakeText{
	MistakeSignatureMissing: {
		"cardExt has no signature",
		"cardExt 缺少 signature",
	},
	MistakeSignatureFormat: {
		"the signature is not 40 hexadecimal digits (a SHA-1 in hex)",
		"signature 不是 40 位十六进制数（SHA-1 的十六进制形式）",
	},
	MistakeMalformed: {
		"cardExt is not the JSON text of an object",
		"cardExt 不是一个 JSON 对象的字符串",
	},
	MistakeUppercaseHex: {
		"the signature is in upper-case hex; WeChat expects lower case",
		"signature 使用了大写十六进制；微信要求小写",
	},
	MistakeUnsorted: {
		"the values were concatenated in the documented parameter order instead of being sorted",
		"参与签名的值按文档中的参数顺序拼接，没有排序",
	},
	MistakeSortedByKey: {
		"the values were ordered by parameter name; sort the values themselves",
		"按参数名排序后拼接；应对参数的值排序",
	},
	MistakeCaseInsensitive: {
		"the values were sorted ignoring case; sort by byte order (upper case before lower case)",
		"排序时忽略了大小写；应按字节序排序（大写字母在小写字母之前）",
	},
	MistakeLocaleOrder: {
		"the values were sorted with a locale-aware collation (localeCompare, Collator); sort by byte order",
		"排序使用了与语言区域相关的比较（localeCompare、Collator 等）；应按字节序排序",
	},
	MistakeNumericOrder: {
		"numeric values were sorted as numbers (PHP sort() without SORT_STRING); sort all values as strings by byte order",
		"纯数字的值被当作数字排序（PHP sort() 未加 SORT_STRING）；所有值都应作为字符串按字节序排序",
	},
	MistakeNonceNotSigned: {
		"nonce_str is sent but was not signed",
		"cardExt 中有 nonce_str，但签名时没有加入",
	},
	MistakeNonceNotSent: {
		"cardExt has no nonce_str: if one was signed, it must also be sent in cardExt",
		"cardExt 中没有 nonce_str：如果签名时用了 nonce_str，必须同时放进 cardExt",
	},
	MistakeOuterStrSigned: {
		"outer_str was signed; it is sent but must not take part in the signature",
		"outer_str 参与了签名；它只需传入，不参与签名",
	},
	MistakeFixedBeginSigned: {
		"fixed_begintimestamp was signed; it is sent but must not take part in the signature",
		"fixed_begintimestamp 参与了签名；它只需传入，不参与签名",
	},
	MistakeTimestampMillis: {
		"the signed timestamp and the sent one differ by a factor of 1000 (milliseconds vs seconds); sign and send the same unix seconds",
		"签名用的 timestamp 与传入的相差 1000 倍（毫秒与秒混用）；签名和传入都应使用同一个以秒为单位的时间戳",
	},
	MistakeCardIDNotSigned: {
		"card_id was left out of the signature; the cardId takes part even though it travels outside cardExt",
		"签名时漏掉了 card_id；cardId 虽不在 cardExt 中，也必须参与签名",
	},
	MistakeKeyValueString: {
		"a JS-SDK style string key=value&… was signed; the card signature concatenates the sorted values only",
		"签名的是 JS-SDK 风格的 key=value&… 字符串；卡券签名只拼接排序后的值",
	},
	MistakeWrongTicket: {
		"the ticket is not the card api_ticket (ticket/getticket?type=wx_card) — e.g. the JS-SDK jsapi_ticket, or a refreshed or another account's ticket — or a value changed after signing",
		"签名用的不是卡券 api_ticket（ticket/getticket?type=wx_card），例如用了 JS-SDK 的 jsapi_ticket、已刷新或其他公众号的 ticket；或签名后值被改动",
	},

	MistakeNoCoupons: {
		"the cardList holds no merchant coupon: no cardExt has out_request_no, send_coupon_merchant, coupon_code or customize_send_time",
		"cardList 中没有商家券：没有一个 cardExt 含有 out_request_no、send_coupon_merchant、coupon_code 或 customize_send_time",
	},
	MistakeCouponMalformed: {
		"a merchant coupon's cardExt values must be JSON strings (WeChat Pay signs their text)",
		"商家券 cardExt 中的值必须是 JSON 字符串（微信支付按字符串内容签名）",
	},
	MistakeCouponFieldMissing: {
		"every merchant coupon's cardExt needs out_request_no, and the first one's also send_coupon_merchant and sign",
		"每张商家券的 cardExt 都要有 out_request_no，第一张还必须带上 send_coupon_merchant 和 sign",
	},
	MistakeCouponFieldMisplaced: {
		"send_coupon_merchant and sign go in the first merchant coupon's cardExt only",
		"send_coupon_merchant 和 sign 只能放在第一张商家券的 cardExt 中",
	},
	MistakeCouponSignFormat: {
		"sign is not 64 hexadecimal digits (an HMAC-SHA256 in hex)",
		"sign 不是 64 位十六进制数（HMAC-SHA256 的十六进制形式）",
	},
	MistakeLowercaseHex: {
		"sign is in lower-case hex; WeChat Pay documents upper case",
		"sign 用了小写十六进制；微信支付文档要求大写",
	},
	MistakeMD5: {
		"sign is an MD5 of the string; merchant coupons sent through wx.addCard take HMAC-SHA256 keyed with the API v2 key",
		"sign 是对待签名串做的 MD5；通过 wx.addCard 发放商家券须用 API v2 密钥做 HMAC-SHA256",
	},
	MistakeNamesNotIndexed: {
		"the parameter names lack the coupon's index; sign stock_id0, out_request_no0, coupon_code0, customize_send_time0, stock_id1, … (send_coupon_merchant takes none)",
		"参数名没有带上券的下标；应写作 stock_id0、out_request_no0、coupon_code0、customize_send_time0、stock_id1……（send_coupon_merchant 不带下标）",
	},
	MistakeKeyNotAppended: {
		"the string was signed without \"&key=\" and the API v2 key at its end",
		"待签名串末尾漏拼了“&key=”和 API v2 密钥",
	},
	MistakeParamsUnsorted: {
		"the parameters were joined in the order they were added; sort them by name in byte (ASCII) order",
		"参数是按添加的先后顺序拼接的；应按参数名的 ASCII 码从小到大排序",
	},
	MistakeOpenIDSigned: {
		"openid was signed; it may travel in cardExt but takes no part in the sign",
		"openid 参与了签名；它可以放在 cardExt 中，但不参与签名",
	},
	MistakeWrongMerchantKey: {
		"the key is not this merchant's API v2 key (the API v3 key, another merchant's, or an old one), send_coupon_merchant is not the merchant the key belongs to, or a value changed after signing",
		"签名用的不是该商户的 API v2 密钥（例如用了 API v3 密钥、其他商户号的密钥或已重置的旧密钥），send_coupon_merchant 不是密钥所属的商户号，或签名后值被改动",
	},
}

// Text returns the mistake's description in English and in Chinese.
func (m Mistake) Text() (en, zh string) {
	t := mistakeTexts[m]
	return t.en, t.zh
}

// Value is one value that took part in a signature. The api_ticket is
// listed by name with Redacted as its value, the merchant key as "key"
// with RedactedKey.
type Value struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Result is the verdict of Verify and of VerifyCoupons. It never contains
// the ticket or the merchant key.
type Result struct {
	OK bool `json:"ok"`
	// Mistakes reproduce the signature sent: recomputing with them gives
	// exactly that signature. Empty when OK or when nothing reproduced it.
	Mistakes []Mistake `json:"mistakes,omitempty"`
	// Likely are causes that cannot be recomputed, most likely first; set
	// when the signature does not match and no mistake reproduced it.
	Likely []Mistake `json:"likely,omitempty"`
	// Signed are the values a correct signature takes: a card's in the
	// documented order (api_ticket, timestamp, card_id, code, openid,
	// nonce_str); a merchant-coupon batch's parameters sorted by name, then
	// the key (named "key", valued RedactedKey).
	Signed []Value `json:"signed"`
	// Used are the values the reproduced wrong signature took, when that
	// differs from Signed.
	Used      []Value `json:"used,omitempty"`
	Message   string  `json:"message"`
	MessageZH string  `json:"message_zh"`
}

// sentExt is a cardExt as sent: every value as the text WeChat signs.
type sentExt struct {
	Params
	outer, fixedBegin, signature string
	hasSignature                 bool
}

func parseSent(item card.CardListItem) (sentExt, bool) {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(strings.NewReader(item.CardExt))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil || raw == nil || dec.More() {
		return sentExt{}, false
	}
	s := sentExt{Params: Params{CardID: item.CardID}}
	for k, v := range raw {
		text, ok := sentText(v)
		if !ok {
			return sentExt{}, false
		}
		switch k {
		case "timestamp":
			s.Timestamp = text
		case "code":
			s.Code = text
		case "openid":
			s.OpenID = text
		case "nonce_str":
			s.NonceStr = text
		case "outer_str":
			s.outer = text
		case "fixed_begintimestamp":
			s.fixedBegin = text
		case "signature":
			s.signature, s.hasSignature = text, true
		}
	}
	return s, true
}

// sentText is the string a value is signed as: a string's content, a
// number's decimal text (integers normalised), null as absent.
func sentText(v json.RawMessage) (string, bool) {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0:
		return "", false
	case v[0] == '"':
		var s string
		if json.Unmarshal(v, &s) != nil {
			return "", false
		}
		return s, true
	case string(v) == "null":
		return "", true
	case v[0] == '-' || ('0' <= v[0] && v[0] <= '9'):
		if n, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return strconv.FormatInt(n, 10), true
		}
		if f, err := strconv.ParseFloat(string(v), 64); err == nil {
			return strconv.FormatFloat(f, 'f', -1, 64), true
		}
		return string(v), true
	}
	return "", false // objects, arrays, booleans are not signable values
}

// Verify checks a cardList item's signature against the ticket, comparing
// in constant time. On a mismatch it recomputes the signature with each
// known mistake and names the one that reproduces it.
func Verify(t Ticket, item card.CardListItem) Result {
	s, ok := parseSent(item)
	if !ok {
		return finish(Result{Mistakes: []Mistake{MistakeMalformed}})
	}
	res := Result{Signed: values(t, s.Params, nil)}
	if !s.hasSignature || s.signature == "" {
		res.Mistakes = []Mistake{MistakeSignatureMissing}
		return finish(res)
	}
	if equalSig(s.signature, Sign(t, s.Params)) {
		res.OK = true
		return finish(res)
	}
	sig := strings.ToLower(s.signature)
	if !isLowerHex40(sig) {
		res.Mistakes = []Mistake{MistakeSignatureFormat}
		return finish(res)
	}
	var upper []Mistake
	if sig != s.signature {
		upper = []Mistake{MistakeUppercaseHex}
		if equalSig(sig, Sign(t, s.Params)) {
			res.Mistakes = upper
			return finish(res)
		}
	}
	if c, ok := explain(t, s, sig); ok {
		res.Mistakes = append(upper, c.mistake)
		if !slices.Equal(c.used, res.Signed) {
			res.Used = c.used
		}
		return finish(res)
	}
	if s.NonceStr == "" {
		res.Likely = append(res.Likely, MistakeNonceNotSent)
	}
	res.Likely = append(res.Likely, MistakeWrongTicket)
	return finish(res)
}

// values lists the signed values in the documented order, ticket redacted,
// then any extra ones; empty values took no part and are left out.
func values(t Ticket, p Params, extra []Value) []Value {
	out := []Value{{"api_ticket", Redacted}}
	for _, sp := range documented(t, p)[1:] {
		if sp.value != "" {
			out = append(out, Value{sp.name, sp.value})
		}
	}
	return append(out, extra...)
}

// maxExplainBytes bounds the values explain recomputes with (about a
// thousand hashes): real ones total under 200 bytes.
const maxExplainBytes = 2048

type candidate struct {
	mistake Mistake
	used    []Value
}

// explain recomputes the signature with every known mistake, in order of
// how often each is seen, and returns the first that reproduces sig.
func explain(t Ticket, s sentExt, sig string) (candidate, bool) {
	p := s.Params
	if len(p.CardID)+len(p.Timestamp)+len(p.Code)+len(p.OpenID)+len(p.NonceStr)+len(s.outer)+len(s.fixedBegin) > maxExplainBytes {
		return candidate{}, false // not a real cardExt; keep the cost bounded
	}
	doc := documented(t, p)
	nonEmpty := func(ps []signedParam) []string {
		var out []string
		for _, sp := range ps {
			if sp.value != "" {
				out = append(out, sp.value)
			}
		}
		return out
	}
	sorted := func(cmpf func(a, b string) int, extra ...string) string {
		vals := append(nonEmpty(doc), extra...)
		slices.SortStableFunc(vals, cmpf)
		return strings.Join(vals, "")
	}
	try := func(joined string) bool { return equalSig(sig, hashString(joined)) }

	if p.NonceStr != "" {
		q := p
		q.NonceStr = ""
		if equalSig(sig, Sign(t, q)) {
			return candidate{MistakeNonceNotSigned, values(t, q, nil)}, true
		}
	}
	if p.CardID != "" {
		q := p
		q.CardID = ""
		if equalSig(sig, Sign(t, q)) {
			return candidate{MistakeCardIDNotSigned, values(t, q, nil)}, true
		}
	}
	if s.outer != "" && try(sorted(strings.Compare, s.outer)) {
		return candidate{MistakeOuterStrSigned, values(t, p, []Value{{"outer_str", s.outer}})}, true
	}
	if s.fixedBegin != "" && try(sorted(strings.Compare, s.fixedBegin)) {
		return candidate{MistakeFixedBeginSigned, values(t, p, []Value{{"fixed_begintimestamp", s.fixedBegin}})}, true
	}
	if s.outer != "" && s.fixedBegin != "" && try(sorted(strings.Compare, s.outer, s.fixedBegin)) {
		return candidate{MistakeOuterStrSigned, values(t, p, []Value{{"fixed_begintimestamp", s.fixedBegin}, {"outer_str", s.outer}})}, true
	}
	if try(strings.Join(nonEmpty(doc), "")) {
		return candidate{mistake: MistakeUnsorted}, true
	}
	byKey := slices.Clone(doc)
	slices.SortFunc(byKey, func(a, b signedParam) int { return strings.Compare(a.name, b.name) })
	if try(strings.Join(nonEmpty(byKey), "")) {
		return candidate{mistake: MistakeSortedByKey}, true
	}
	if try(sorted(compareFold)) || try(sorted(compareFoldUpper)) {
		return candidate{mistake: MistakeCaseInsensitive}, true
	}
	if try(sorted(compareLocale)) {
		return candidate{mistake: MistakeLocaleOrder}, true
	}
	if try(sorted(compareNumeric)) {
		return candidate{mistake: MistakeNumericOrder}, true
	}
	for _, kv := range keyValueStrings(byKey) {
		if try(kv) {
			return candidate{mistake: MistakeKeyValueString}, true
		}
	}
	if c, ok := explainMillis(t, p, sig); ok {
		return c, true
	}
	return candidate{}, false
}

// keyValueStrings are the jsapi_ticket-style strings people sign by
// mistake: sorted keys, key=value joined by &, with the documented names
// and with the JS-SDK names (jsapi_ticket, noncestr); empty values left out
// or kept.
func keyValueStrings(byKey []signedParam) []string {
	jsName := map[string]string{"api_ticket": "jsapi_ticket", "nonce_str": "noncestr"}
	var out []string
	for _, rename := range []bool{false, true} {
		ps := slices.Clone(byKey)
		if rename {
			for i := range ps {
				if n, ok := jsName[ps[i].name]; ok {
					ps[i].name = n
				}
			}
			slices.SortFunc(ps, func(a, b signedParam) int { return strings.Compare(a.name, b.name) })
		}
		for _, keepEmpty := range []bool{false, true} {
			var parts []string
			for _, sp := range ps {
				if sp.value != "" || keepEmpty {
					parts = append(parts, sp.name+"="+sp.value)
				}
			}
			out = append(out, strings.Join(parts, "&"))
		}
	}
	return out
}

// explainMillis tries the timestamp signed in milliseconds while seconds
// were sent (any of the 1000 milliseconds of that second), or signed in
// seconds while milliseconds were sent.
func explainMillis(t Ticket, p Params, sig string) (candidate, bool) {
	ts, err := strconv.ParseInt(p.Timestamp, 10, 64)
	if err != nil || ts <= 0 {
		return candidate{}, false
	}
	q := p
	if ts >= msThreshold {
		q.Timestamp = strconv.FormatInt(ts/1000, 10)
		if equalSig(sig, Sign(t, q)) {
			return candidate{MistakeTimestampMillis, values(t, q, nil)}, true
		}
		return candidate{}, false
	}
	for ms := int64(0); ms < 1000; ms++ {
		q.Timestamp = strconv.FormatInt(ts*1000+ms, 10)
		if equalSig(sig, Sign(t, q)) {
			return candidate{MistakeTimestampMillis, values(t, q, nil)}, true
		}
	}
	return candidate{}, false
}

// scheme is how a verdict's message tells what a right signature signs.
type scheme struct {
	secret             string // the Value name listed without its value
	signedEn, signedZh string
	recipeEn, recipeZh string
}

var cardScheme = scheme{
	secret:   "api_ticket",
	signedEn: " Signed values: ", signedZh: " 参与签名的值：",
	recipeEn: " (sorted by byte order, concatenated, SHA-1, lower-case hex).",
	recipeZh: "（按字节序排序后拼接，SHA-1，小写十六进制）。",
}

// finish writes the messages of a card's verdict.
func finish(r Result) Result { return cardScheme.finish(r) }

// finish writes the messages.
func (sc scheme) finish(r Result) Result {
	var en, zh strings.Builder
	switch {
	case r.OK:
		en.WriteString("signature verifies.")
		zh.WriteString("签名正确。")
	case len(r.Mistakes) > 0:
		en.WriteString("signature does not match. Reproduced: ")
		zh.WriteString("签名错误。已复现原因：")
		joinMistakes(&en, &zh, r.Mistakes, "; and ", "；并且")
	default:
		en.WriteString("signature does not match and no known mistake reproduces it. Likely: ")
		zh.WriteString("签名错误，且无法用已知错误复现。可能原因：")
		joinMistakes(&en, &zh, r.Likely, "; or ", "；或")
	}
	if len(r.Signed) > 0 {
		en.WriteString(sc.signedEn)
		zh.WriteString(sc.signedZh)
		for i, v := range r.Signed {
			if i > 0 {
				en.WriteString(", ")
				zh.WriteString("，")
			}
			if v.Name == sc.secret {
				en.WriteString(v.Name)
				zh.WriteString(v.Name)
				continue
			}
			en.WriteString(v.Name + "=" + strconv.Quote(v.Value))
			zh.WriteString(v.Name + "=" + strconv.Quote(v.Value))
		}
		en.WriteString(sc.recipeEn)
		zh.WriteString(sc.recipeZh)
	}
	r.Message, r.MessageZH = en.String(), zh.String()
	return r
}

// joinMistakes writes the mistakes' texts in both languages, separated,
// and closes each sentence.
func joinMistakes(en, zh *strings.Builder, ms []Mistake, sepEn, sepZh string) {
	for i, m := range ms {
		e, z := m.Text()
		if i > 0 {
			en.WriteString(sepEn)
			zh.WriteString(sepZh)
		}
		en.WriteString(e)
		zh.WriteString(z)
	}
	en.WriteString(".")
	zh.WriteString("。")
}
