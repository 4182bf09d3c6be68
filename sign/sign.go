package sign

import (
	"crypto/sha1"
	"crypto/subtle"
	"encoding/hex"
	"slices"
	"strings"
)

// Params are the signed values of one cardExt, as the strings sent.
// Timestamp is the decimal text of the unix seconds. Empty values add
// nothing to the signature.
type Params struct {
	CardID    string
	Timestamp string
	Code      string
	OpenID    string
	NonceStr  string
}

// Sign returns the signature of p: the lowercase hex SHA-1 of the values of
// api_ticket, timestamp, card_id, code, openid and nonce_str, sorted by byte
// order and concatenated.
func Sign(t Ticket, p Params) string {
	vals := []string{t.value(), p.Timestamp, p.CardID, p.Code, p.OpenID, p.NonceStr}
	slices.Sort(vals) // byte order: Go compares strings bytewise
	return hashJoin(vals)
}

// hashJoin is the lowercase hex SHA-1 of the concatenated values.
func hashJoin(vals []string) string {
	h := sha1.New()
	for _, v := range vals {
		h.Write([]byte(v))
	}
	var sum [sha1.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}

// hashString is the lowercase hex SHA-1 of s.
func hashString(s string) string {
	sum := sha1.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}

// equalSig compares two signatures in constant time (in their content).
func equalSig(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// signedParam is one value in the documented parameter order.
type signedParam struct {
	name  string
	value string
}

// documented returns the signed values in the documented parameter order,
// ticket first. Empty values are kept so positions stay fixed.
func documented(t Ticket, p Params) []signedParam {
	return []signedParam{
		{"api_ticket", t.value()},
		{"timestamp", p.Timestamp},
		{"card_id", p.CardID},
		{"code", p.Code},
		{"openid", p.OpenID},
		{"nonce_str", p.NonceStr},
	}
}

func isLowerHex40(s string) bool {
	if len(s) != 40 {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool {
		return (r < '0' || r > '9') && (r < 'a' || r > 'f')
	}) < 0
}
