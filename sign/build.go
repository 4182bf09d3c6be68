package sign

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wxcard/wxcard/wasm/card"
)

// MaxNonceLen is the longest nonce_str WeChat accepts.
const MaxNonceLen = 32

// msThreshold: a timestamp at or above it is in milliseconds, not seconds.
const msThreshold = 1_000_000_000_000

// CardExt is the cardExt of one wx.addCard cardList item. An empty string or
// a zero number is absent and left out of the JSON.
type CardExt struct {
	Code                string
	OpenID              string
	Timestamp           int64 // unix seconds; Build fills it when zero
	NonceStr            string
	FixedBeginTimestamp int64 // unix seconds, DATE_TYPE_FIX_TERM cards only; not signed
	OuterStr            string
	Signature           string
}

// Params returns the values of ext that take part in the signature.
func (ext CardExt) Params(cardID string) Params {
	p := Params{CardID: cardID, Code: ext.Code, OpenID: ext.OpenID, NonceStr: ext.NonceStr}
	if ext.Timestamp != 0 {
		p.Timestamp = strconv.FormatInt(ext.Timestamp, 10)
	}
	return p
}

// MarshalJSON encodes ext as the cardExt string: compact, keys in the order
// code, openid, timestamp, nonce_str, fixed_begintimestamp, outer_str,
// signature, numbers as JSON numbers, strings escaped as JavaScript's
// JSON.stringify escapes them (no HTML escaping, U+2028/U+2029 kept).
func (ext CardExt) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 160)
	b = append(b, '{')
	sep := func(key string) {
		if len(b) > 1 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, key...)
		b = append(b, '"', ':')
	}
	str := func(key, v string) {
		if v != "" {
			sep(key)
			b = card.AppendJSONString(b, v)
		}
	}
	num := func(key string, v int64) {
		if v != 0 {
			sep(key)
			b = strconv.AppendInt(b, v, 10)
		}
	}
	str("code", ext.Code)
	str("openid", ext.OpenID)
	num("timestamp", ext.Timestamp)
	str("nonce_str", ext.NonceStr)
	num("fixed_begintimestamp", ext.FixedBeginTimestamp)
	str("outer_str", ext.OuterStr)
	str("signature", ext.Signature)
	return append(b, '}'), nil
}

// Builder signs cardExts. Now and Rand are injectable for tests.
type Builder struct {
	Ticket   Ticket
	Now      func() time.Time // nil: time.Now
	Rand     io.Reader        // nil: crypto/rand.Reader
	NonceLen int              // length of a generated nonce_str; 0: MaxNonceLen
}

// Build fills the timestamp (now, unix seconds) and a fresh random nonce_str
// when absent, signs, and returns the cardList item for wx.addCard, whose
// cardExt is the JSON string of the signed cardExt. Any Signature in ext is
// replaced.
func (b Builder) Build(cardID string, ext CardExt) (card.CardListItem, error) {
	if b.Ticket.IsZero() {
		return card.CardListItem{}, ErrEmptyTicket
	}
	if cardID == "" {
		return card.CardListItem{}, errors.New("cardId is empty")
	}
	if ext.Timestamp == 0 {
		now := time.Now
		if b.Now != nil {
			now = b.Now
		}
		ext.Timestamp = now().Unix()
	}
	if ext.NonceStr == "" {
		n := b.NonceLen
		if n <= 0 {
			n = MaxNonceLen
		}
		nonce, err := NewNonce(b.Rand, n)
		if err != nil {
			return card.CardListItem{}, err
		}
		ext.NonceStr = nonce
	}
	for _, v := range []string{cardID, ext.Code, ext.OpenID, ext.NonceStr, ext.OuterStr} {
		if b.Ticket.In(v) {
			return card.CardListItem{}, errors.New("a cardExt value holds the api_ticket: a secret never goes into a payload")
		}
	}
	if err := checkExt(cardID, ext); err != nil {
		return card.CardListItem{}, err
	}
	ext.Signature = Sign(b.Ticket, ext.Params(cardID))
	js, _ := ext.MarshalJSON()
	return card.CardListItem{CardID: cardID, CardExt: string(js)}, nil
}

func checkExt(cardID string, ext CardExt) error {
	switch {
	case ext.Timestamp < 0:
		return errors.New("timestamp is negative")
	case ext.Timestamp >= msThreshold:
		return errors.New("timestamp is in milliseconds; WeChat wants unix seconds")
	case ext.FixedBeginTimestamp < 0:
		return errors.New("fixed_begintimestamp is negative")
	case ext.FixedBeginTimestamp >= msThreshold:
		return errors.New("fixed_begintimestamp is in milliseconds; WeChat wants unix seconds")
	case len(ext.NonceStr) > MaxNonceLen:
		return fmt.Errorf("nonce_str is %d characters long; WeChat accepts at most %d", len(ext.NonceStr), MaxNonceLen)
	}
	for name, v := range map[string]string{"cardId": cardID, "code": ext.Code, "openid": ext.OpenID, "nonce_str": ext.NonceStr, "outer_str": ext.OuterStr} {
		if !utf8.ValidString(v) {
			return fmt.Errorf("%s is not valid UTF-8", name)
		}
	}
	return nil
}

const nonceAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// NewNonce returns n random ASCII letters and digits read from r
// (crypto/rand when nil), without modulo bias.
func NewNonce(r io.Reader, n int) (string, error) {
	if n <= 0 || n > MaxNonceLen {
		return "", fmt.Errorf("nonce length %d out of 1..%d", n, MaxNonceLen)
	}
	if r == nil {
		r = rand.Reader
	}
	out := make([]byte, 0, n)
	// 248 = 4*62: bytes at or above it would favour the first letters.
	const limit = 256 - 256%len(nonceAlphabet)
	var buf [64]byte
	for len(out) < n {
		if _, err := io.ReadFull(r, buf[:]); err != nil {
			return "", fmt.Errorf("random source: %w", err)
		}
		for _, c := range buf {
			if int(c) < limit && len(out) < n {
				out = append(out, nonceAlphabet[int(c)%len(nonceAlphabet)])
			}
		}
	}
	return string(out), nil
}

// secretKeys are cardExt (and coupon) keys that would carry a server secret.
var secretKeys = []string{"api_ticket", "ticket", "jsapi_ticket", "access_token", "appsecret", "secret",
	"key", "mch_key", "mchkey", "api_key", "apikey", "api_v3_key"}

// keyHints name the right key for the wrong spellings people use.
var keyHints = map[string]string{
	"nonceStr":            "did you mean nonce_str?",
	"noncestr":            "did you mean nonce_str?",
	"openId":              "did you mean openid?",
	"openID":              "did you mean openid?",
	"timeStamp":           "did you mean timestamp?",
	"outerStr":            "did you mean outer_str?",
	"fixedBeginTimestamp": "did you mean fixed_begintimestamp?",
	"card_id":             "the cardId travels outside cardExt (--card-id)",
	"cardId":              "the cardId travels outside cardExt (--card-id)",
}

// ParseCardExt decodes an unsigned cardExt object, as the sign command reads
// it: strings for code, openid, nonce_str, outer_str, signature; timestamp a
// number or a decimal string; fixed_begintimestamp a number. Unknown keys
// are an error. Error messages never quote values.
func ParseCardExt(data []byte) (CardExt, error) {
	var raw map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil {
		return CardExt{}, fmt.Errorf("cardExt is not a JSON object: %w", err)
	}
	if raw == nil {
		return CardExt{}, errors.New("cardExt is not a JSON object")
	}
	if dec.More() {
		return CardExt{}, errors.New("cardExt: extra data after the JSON object")
	}
	var ext CardExt
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		v := raw[k]
		var err error
		switch k {
		case "code":
			ext.Code, err = jsonString(k, v)
		case "openid":
			ext.OpenID, err = jsonString(k, v)
		case "nonce_str":
			ext.NonceStr, err = jsonString(k, v)
		case "outer_str":
			ext.OuterStr, err = jsonString(k, v)
		case "signature":
			ext.Signature, err = jsonString(k, v)
		case "timestamp":
			ext.Timestamp, err = jsonInt(k, v, true)
		case "fixed_begintimestamp":
			ext.FixedBeginTimestamp, err = jsonInt(k, v, false)
		default:
			if slices.Contains(secretKeys, strings.ToLower(k)) {
				return CardExt{}, fmt.Errorf("cardExt key %q holds a server secret: a secret never goes into a payload", k)
			}
			if hint, ok := keyHints[k]; ok {
				return CardExt{}, fmt.Errorf("cardExt has unknown key %q: %s", k, hint)
			}
			name := k
			if len(name) > 40 {
				name = name[:40] + "…"
			}
			return CardExt{}, fmt.Errorf("cardExt has unknown key %q (known: code, openid, timestamp, nonce_str, fixed_begintimestamp, outer_str)", name)
		}
		if err != nil {
			return CardExt{}, err
		}
	}
	return ext, nil
}

func jsonString(key string, v json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(v, &s); err != nil || bytes.Equal(bytes.TrimSpace(v), []byte("null")) {
		return "", fmt.Errorf("cardExt %s must be a string", key)
	}
	return s, nil
}

func jsonInt(key string, v json.RawMessage, allowString bool) (int64, error) {
	text := string(bytes.TrimSpace(v))
	if allowString && strings.HasPrefix(text, `"`) {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return 0, fmt.Errorf("cardExt %s must be a number", key)
		}
		text = s
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		if allowString {
			return 0, fmt.Errorf("cardExt %s must be an integer number of seconds (a number or a decimal string)", key)
		}
		return 0, fmt.Errorf("cardExt %s must be an integer number of seconds", key)
	}
	return n, nil
}
