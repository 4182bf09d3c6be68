package card

import (
	"bytes"
	"strings"
)

// Unknown keys, their suggestions, duplicate keys and secrets.

// itemKeys says which keys an item of one API takes, for unknown-field.
type itemKeys uint8

const (
	itemKeysAdd itemKeys = iota
	itemKeysOpen
)

// unknownItemKey reports key k of a cardList item that the API does not
// define, naming the likely intended key.
func (c *checker) unknownItemKey(k int32, item pathLoc, which itemKeys) {
	key := string(c.t.val(k))
	path := item.child(key)
	at := c.t.spanOf(k)
	if isSecretKey(c.t.val(k)) {
		return // scanSecrets reports it
	}
	if which == itemKeysOpen {
		if s := suggest(key, []string{"cardId", "code"}); s != "" {
			c.warnf(CodeUnknownField, at, path, msgUnknownItemFieldHint, quote(key), s)
			return
		}
		c.warnf(CodeUnknownField, at, path, msgUnknownOpenItemField, quote(key))
		return
	}
	if s := suggest(key, []string{"cardId", "cardExt"}); s != "" {
		c.warnf(CodeUnknownField, at, path, msgUnknownItemFieldHint, quote(key), s)
		return
	}
	if extIndex(c.t.val(k)) >= 0 || suggest(key, extNames[:]) != "" {
		c.warnf(CodeUnknownField, at, path, msgUnknownItemInExt, quote(key))
		return
	}
	c.warnf(CodeUnknownField, at, path, msgUnknownItemField, quote(key))
}

// unknownExtKey reports a cardExt key that addCard does not define, for a
// card or (coupon) a merchant coupon.
func (c *checker) unknownExtKey(k int32, path pathLoc, coupon bool) {
	key := string(c.t.val(k))
	at := c.t.spanOf(k)
	if normalizeKey(key) == "cardid" {
		msg := msgUnknownCardIDInExt
		if coupon {
			msg = msgUnknownStockIDInExt
		}
		c.warnf(CodeUnknownField, at, path, msg, quote(key))
		return
	}
	if coupon {
		c.unknownCouponKey(k, key, path)
		return
	}
	if f := extIndex(c.t.val(k)); f >= extCardFields {
		// sign: a merchant coupon's name for what a card calls signature.
		c.warnf(CodeUnknownField, at, path, msgUnknownFieldHint, quote(key), `"signature"`)
		return
	}
	if s := suggest(key, extSuggestions[:]); s != "" {
		if s == `"sign"` {
			s = `"signature"`
		}
		c.warnf(CodeUnknownField, at, path, msgUnknownFieldHint, quote(key), s)
		return
	}
	c.warnf(CodeUnknownField, at, path, msgUnknownField, quote(key))
}

var extSuggestions = [...]string{"code", "openid", "timestamp", "nonce_str", "fixed_begintimestamp", "outer_str", "signature"}

var couponSuggestions = [...]string{"out_request_no", "coupon_code", "customize_send_time", "send_coupon_merchant", "sign", "openid"}

// unknownCouponKey reports a key a merchant coupon's cardExt does not take:
// a card's field (code and signature have coupon counterparts) or a slip.
func (c *checker) unknownCouponKey(k int32, key string, path pathLoc) {
	at := c.t.spanOf(k)
	switch f := extIndex(c.t.val(k)); {
	case f == extCode:
		c.warnf(CodeUnknownField, at, path, msgCouponCardFieldHint, quote(key), `"coupon_code"`)
	case f == extSignature:
		c.warnf(CodeUnknownField, at, path, msgCouponCardFieldHint, quote(key), `"sign"`)
	case f >= 0:
		c.warnf(CodeUnknownField, at, path, msgCouponCardField, quote(key))
	default:
		if s := suggest(key, couponSuggestions[:]); s != "" {
			c.warnf(CodeUnknownField, at, path, msgUnknownCouponFieldHint, quote(key), s)
			return
		}
		c.warnf(CodeUnknownField, at, path, msgUnknownCouponField, quote(key))
	}
}

// suggest returns the known name (quoted) that key most likely meant: the
// same name in another case or separator style, or one within two edits.
func suggest(key string, known []string) string {
	nk := normalizeKey(key)
	if nk == "" {
		return ""
	}
	for _, k := range known {
		if normalizeKey(k) == nk && k != key {
			return quote(k)
		}
	}
	// Common synonyms.
	switch nk {
	case "sign", "sig", "signtype":
		for _, k := range known {
			if k == "signature" {
				return quote(k)
			}
		}
	case "nonce", "noncestring":
		for _, k := range known {
			if k == "nonce_str" {
				return quote(k)
			}
		}
	case "time", "ts":
		for _, k := range known {
			if k == "timestamp" {
				return quote(k)
			}
		}
	}
	// A known name the key begins (loc → locale, nonce → nonce_str).
	if len(nk) >= 3 {
		for _, k := range known {
			if strings.HasPrefix(normalizeKey(k), nk) {
				return quote(k)
			}
		}
	}
	// Short keys get one edit, longer ones two.
	limit := 2
	if len(nk) > 5 {
		limit = 3
	}
	best, bestD := "", limit
	for _, k := range known {
		if d := editDistance(nk, normalizeKey(k), bestD); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return ""
	}
	return quote(best)
}

// normalizeKey lowercases ASCII and drops _, - and spaces, so nonceStr,
// NonceStr and nonce-str all meet nonce_str.
func normalizeKey(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '_' || ch == '-' || ch == ' ':
		case ch >= 'A' && ch <= 'Z':
			b = append(b, ch+'a'-'A')
		default:
			b = append(b, ch)
		}
	}
	return string(b)
}

// editDistance is the Levenshtein distance of a and b, or limit when it is
// limit or more.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit)
}

// Secrets. A key is a secret when, lowercased and with everything but
// letters and digits removed, it is or ends with one of these names
// (api_ticket, component_access_token, client_secret, …) — but not
// activate_ticket, which WeChat hands the mini program itself.
var secretNames = [...]string{
	"apiticket", "jsapiticket", "ticket", "accesstoken", "refreshtoken", "appsecret", "clientsecret", "secret",
	"sessionkey", "mchkey", "apikey", "apiv3key", "privatekey",
}

const notSecret = "activateticket"

func isSecretKey(key []byte) bool {
	if !mayBeSecretKey(key) {
		return false
	}
	if endsNormalized(key, notSecret) {
		return false
	}
	for _, name := range secretNames {
		if endsNormalized(key, name) {
			return true
		}
	}
	return false
}

// mayBeSecretKey is the cheap half of isSecretKey, run on every key the
// parser reads: every secret name ends in "et" (ticket, secret), "en"
// (token) or "ey" (key), perhaps with separators between and after
// ("toke_n", "api_ticket:"), and has at least six letters. cardExt and
// cardList end otherwise, so the full comparison runs for almost no key.
func mayBeSecretKey(key []byte) bool {
	n := len(key)
	for n > 0 && !isAlnum(key[n-1]) {
		n--
	}
	if n < 6 {
		return false
	}
	last := key[n-1] | 0x20
	if last != 't' && last != 'n' && last != 'y' {
		return false
	}
	m := n - 1
	for m > 0 && !isAlnum(key[m-1]) {
		m--
	}
	return m > 0 && key[m-1]|0x20 == 'e'
}

// endsNormalized tells whether key, lowercased and with every byte but
// ASCII letters and digits dropped, ends with name; without allocating.
func endsNormalized(key []byte, name string) bool {
	j := len(name)
	for i := len(key) - 1; i >= 0 && j > 0; i-- {
		ch := key[i]
		if !isAlnum(ch) {
			continue
		}
		if ch >= 'A' && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		j--
		if name[j] != ch {
			return false
		}
	}
	return j == 0
}

// secretInValue returns the secret parameter a string carries as a query
// parameter (…?access_token=…, api_ticket=…&…), or "".
func secretInValue(v []byte) string {
	if name := secretInQuery(v); name != "" {
		return name
	}
	if bytes.IndexByte(v, '%') >= 0 {
		// %26access_token%3D…: a URL put in a parameter of another.
		if name := secretInQuery(percentDecodeLoose(v)); name != "" {
			return name
		}
	}
	if isPEMPrivateKey(v) {
		return pemPrivateKey
	}
	return ""
}

// pemPrivateKey is the name secretInValue gives a PEM private key.
const pemPrivateKey = "PRIVATE KEY"

// maxSecretName bounds how far back from '=' a parameter name is read: the
// longest real one, authorizer_access_token, has 23 characters.
const maxSecretName = 48

// secretInQuery returns the secret's name when v holds name=value query
// text for one (a URL, or a bare query), or "".
func secretInQuery(v []byte) string {
	for i := 0; i < len(v); i++ {
		if v[i] != '=' {
			continue
		}
		j := i
		for j > 0 && v[j-1] != '?' && v[j-1] != '&' && v[j-1] != ' ' && v[j-1] != '"' && i-j < maxSecretName {
			j--
		}
		if (j == 0 || v[j-1] == '?' || v[j-1] == '&' || v[j-1] == ' ' || v[j-1] == '"') && i > j && i+1 < len(v) && v[i+1] != '&' {
			if isSecretKey(v[j:i]) {
				return string(v[j:i])
			}
		}
	}
	return ""
}

// percentDecodeLoose decodes every well-formed %XX once and keeps anything
// else as it is.
func percentDecodeLoose(v []byte) []byte {
	out := make([]byte, 0, len(v))
	for i := 0; i < len(v); i++ {
		if v[i] == '%' && i+2 < len(v) && isHex(v[i+1]) && isHex(v[i+2]) {
			out = append(out, unhex(v[i+1])<<4|unhex(v[i+2]))
			i += 2
			continue
		}
		out = append(out, v[i])
	}
	return out
}

// isPEMPrivateKey tells text holding a PEM private key block: "-----BEGIN
// " and, on the same line, "PRIVATE KEY-----" (RSA, EC, ENCRYPTED, OPENSSH
// and PKCS #8 keys alike).
func isPEMPrivateKey(v []byte) bool {
	const begin = "-----BEGIN "
	for {
		i := bytes.Index(v, []byte(begin))
		if i < 0 {
			return false
		}
		v = v[i+len(begin):]
		line := v
		if j := bytes.IndexByte(line, '\n'); j >= 0 {
			line = line[:j]
		}
		if len(line) <= 64 && bytes.HasSuffix(bytes.TrimRight(line, " \r"), []byte(pemPrivateKey+"-----")) {
			return true
		}
	}
}

// step is one token of the secret scan's path; the path string is built
// only when a secret is found.
type step struct {
	key   []byte
	idx   int
	isKey bool
}

func (c *checker) walkPath() string {
	var b []byte
	for _, s := range c.walk {
		b = append(b, '/')
		if !s.isKey {
			b = appendInt(b, int64(s.idx))
			continue
		}
		for _, ch := range s.key {
			switch ch {
			case '~':
				b = append(b, '~', '0')
			case '/':
				b = append(b, '~', '1')
			default:
				b = append(b, ch)
			}
		}
	}
	return string(b)
}

// scanSecrets walks value n and everything below it, and every cardExt
// document decoded from a string below it, for server secrets.
func (c *checker) scanSecrets(n int32) {
	if !c.t.suspect {
		return // the reader saw no secret's name and no query parameter
	}
	if c.walk == nil {
		c.walk = make([]step, 0, 16)
	}
	c.walk = c.walk[:0]
	c.scanNode(n)
}

func (c *checker) scanNode(n int32) {
	t := c.t
	nd := &t.nodes[n]
	switch nd.kind {
	case kindObject:
		for k := nd.first; k >= 0; {
			v := t.nodes[k].next
			key := t.val(k)
			c.walk = append(c.walk, step{key: key, isKey: true})
			if isSecretKey(key) {
				// An empty value holds no secret (a template's blank field).
				if vn := &t.nodes[v]; vn.kind != kindNull && !(vn.kind == kindString && vn.vlen == 0) {
					c.errorf(CodeSecretInPayload, t.spanOf(k), c.walkPath(), msgSecretKey, quote(string(key)))
				}
			} else {
				c.scanNode(v)
			}
			c.walk = c.walk[:len(c.walk)-1]
			k = t.nodes[v].next
		}
	case kindArray:
		i := 0
		for e := nd.first; e >= 0; e = t.nodes[e].next {
			c.walk = append(c.walk, step{idx: i})
			c.scanNode(e)
			c.walk = c.walk[:len(c.walk)-1]
			i++
		}
	case kindString:
		// A cardExt decoded from this string is walked as part of it, so a
		// secret is reported at its own field.
		if root := c.decodedRoot(n); root >= 0 {
			c.scanNode(root)
			return
		}
		if !nd.truth && !nd.escaped {
			return // no '=', '%' or line break: nothing secretInValue finds
		}
		switch name := secretInValue(c.t.valOf(nd)); name {
		case "":
		case pemPrivateKey:
			c.errorf(CodeSecretInPayload, t.spanOf(n), c.walkPath(), msgSecretPEM)
		default:
			c.errorf(CodeSecretInPayload, t.spanOf(n), c.walkPath(), msgSecretValue, quote(name))
		}
	}
}

// decodedRoot returns the root node of a document parsed from string node
// s, or -1. The index by node grows with the tree and takes each document
// once (a document is parsed as soon as it is made, so those it has taken
// are final), so a scan per lint file stays linear in all of them.
func (c *checker) decodedRoot(s int32) int32 {
	t := c.t
	for len(c.rootOf) < len(t.nodes) {
		c.rootOf = append(c.rootOf, -1)
	}
	for d := c.rootSeen; d < len(t.docs); d++ {
		if h := t.docs[d].holder; h >= 0 && int(h) < len(c.rootOf) {
			c.rootOf[h] = t.docs[d].root
		}
	}
	c.rootSeen = len(t.docs)
	return c.rootOf[s]
}

// duplicateKeys reports keys that appear twice in object o.
func (c *checker) duplicateKeys(o int32, path string) {
	t := c.t
	if t.count(o) < 2 {
		return
	}
	keys := make([]int32, 0, t.count(o))
	t.members(o, func(k, _ int32) { keys = append(keys, k) })
	sortStable(len(keys), func(i, j int) bool { return string(t.val(keys[i])) < string(t.val(keys[j])) },
		func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	for i := 1; i < len(keys); i++ {
		if string(t.val(keys[i])) == string(t.val(keys[i-1])) {
			key := string(t.val(keys[i]))
			c.errorf(CodeDuplicateKey, t.spanOf(keys[i]), ptr(path, key), msgDuplicateKey, quote(key))
		}
	}
}
