package card

// Merchant coupons (商家券) through wx.addCard: WeChat Pay's contract for the
// same API. cardId is the stock_id; every item carries out_request_no; the
// batch's first coupon item carries send_coupon_merchant and sign (an
// HMAC-SHA256 made on the server, see package sign). WeChat Pay documents it
// for 小程序发券 (https://pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter9_3_1.shtml)
// and H5发券 (chapter9_4_1).

const (
	// MaxOutRequestNo and MaxStockID bound an out_request_no (characters)
	// and a stock_id (digits); the signer (package sign) checks by them too.
	MaxOutRequestNo = 128
	MaxStockID      = 32
	couponSignLen   = 64
)

// ValidStockID tells a stock_id (批次号): 1 to MaxStockID digits.
func ValidStockID(s string) bool { return len(s) <= MaxStockID && allDigits([]byte(s)) }

// ValidOutRequestNo tells an out_request_no WeChat Pay takes: 1 to
// MaxOutRequestNo characters of letters, digits and _-|*.
func ValidOutRequestNo(s string) bool {
	n, bad := outRequestNoText([]byte(s))
	return n > 0 && n <= MaxOutRequestNo && bad == ""
}

// allHex tells b is hexadecimal digits of either case (WeChat Pay writes
// the sign in capitals; lowercase is the same value).
func allHex(b []byte) bool {
	for _, ch := range b {
		if !isHex(ch) {
			return false
		}
	}
	return true
}

// checkCouponFields applies the per-item merchant-coupon rules; the batch
// rules are in checkCoupons.
func (c *checker) checkCouponFields(cd *card, i int, at listCtx) {
	t := c.t
	e := &cd.ext
	obj := cd.whole()
	field := func(f int) extField { return extField{at: at, i: int32(i), f: int32(f)} }
	// out_request_no: "" counts as missing.
	switch v := e.f[extOutRequestNo]; {
	case v < 0:
		c.errorf(CodeCouponFieldMissing, t.spanOf(obj), at.ext(i), msgCouponOutRequestNoMissing)
	case t.nodes[v].kind != kindString:
		c.fieldString(v, field(extOutRequestNo).path(), extNames[extOutRequestNo])
	case len(t.val(v)) == 0:
		c.errorf(CodeCouponFieldMissing, t.spanOf(v), field(extOutRequestNo).path(), msgCouponOutRequestNoEmpty)
	default:
		if n, bad := outRequestNoText(t.val(v)); n > MaxOutRequestNo || bad != "" {
			msg, arg := msgOutRequestNoLong, itoa(n)
			if bad != "" {
				msg, arg = msgOutRequestNoCharset, bad
			}
			c.errorf(CodeOutRequestNoFormat, t.spanOf(v), field(extOutRequestNo).path(), msg, arg)
		}
	}
	// sign: checked for form wherever it is; whether the batch has one is
	// checkCoupons' question.
	if v := e.f[extSign]; v >= 0 {
		switch {
		case t.nodes[v].kind != kindString:
			c.fieldString(v, field(extSign).path(), extNames[extSign])
		case len(t.val(v)) == 0:
			// Reported by checkCoupons when this is the first item.
		case len(t.val(v)) != couponSignLen || !allHex(t.val(v)):
			c.errorf(CodeCouponSignFormat, t.spanOf(v), field(extSign).path(), msgCouponSignFormat, c.excerpt(v))
		}
	}
	if v := e.f[extSendMerchant]; v >= 0 && t.nodes[v].kind != kindString {
		c.fieldString(v, field(extSendMerchant).path(), extNames[extSendMerchant])
	}
	if v := e.f[extCouponCode]; v >= 0 {
		c.optionalString(v, field(extCouponCode), "coupon_code")
	}
	if v := e.f[extSendTime]; v >= 0 {
		switch {
		case t.nodes[v].kind != kindString:
			c.fieldString(v, field(extSendTime).path(), extNames[extSendTime])
		case !isRFC3339(t.val(v)):
			c.errorf(CodeSendTimeFormat, t.spanOf(v), field(extSendTime).path(), msgSendTimeFormat, c.excerpt(v))
		}
	}
	c.optionalString(e.f[extOpenID], field(extOpenID), "openid")
}

// outRequestNoText returns the length of b in characters and its first
// character outside letters, digits and _-|*, quoted, or "".
func outRequestNoText(b []byte) (int, string) {
	n, bad := 0, ""
	for _, r := range string(b) {
		n++
		if bad == "" && !(r < 0x80 && (isAlnum(byte(r)) || r == '_' || r == '-' || r == '|' || r == '*')) {
			bad = quote(string(r))
		}
	}
	return n, bad
}

// isRFC3339 tells an RFC 3339 date-time with a numeric offset or Z:
// 2021-01-01T12:00:00+08:00, 2021-01-01T04:00:00.5Z. Field ranges are
// checked loosely (month 01–12, day 01–31, hour 00–23, minute and second
// 00–59, leap second 60), enough to catch a date, a unix time or a
// local time without an offset.
func isRFC3339(b []byte) bool {
	num := func(i, n int, lo, hi int) bool {
		if i+n > len(b) {
			return false
		}
		v := 0
		for _, ch := range b[i : i+n] {
			if ch < '0' || ch > '9' {
				return false
			}
			v = v*10 + int(ch-'0')
		}
		return v >= lo && v <= hi
	}
	at := func(i int, ch byte) bool { return i < len(b) && b[i] == ch }
	if !(num(0, 4, 0, 9999) && at(4, '-') && num(5, 2, 1, 12) && at(7, '-') && num(8, 2, 1, 31) &&
		(at(10, 'T') || at(10, 't')) && num(11, 2, 0, 23) && at(13, ':') && num(14, 2, 0, 59) && at(16, ':') && num(17, 2, 0, 60)) {
		return false
	}
	i := 19
	if at(i, '.') {
		j := skipDigits(b, i+1)
		if j == i+1 {
			return false
		}
		i = j
	}
	switch {
	case at(i, 'Z') || at(i, 'z'):
		return i+1 == len(b)
	case at(i, '+') || at(i, '-'):
		return num(i+1, 2, 0, 23) && at(i+3, ':') && num(i+4, 2, 0, 59) && i+6 == len(b)
	}
	return false
}

// checkCoupons applies the batch rules of merchant coupons: the first
// coupon item carries send_coupon_merchant and sign, and no two items share
// out_request_no.
func (c *checker) checkCoupons(cards []card, at listCtx) {
	t := c.t
	first := -1
	for i := range cards {
		if cards[i].coupon {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	cd := &cards[first]
	obj := cd.whole()
	for _, f := range [...]int{extSendMerchant, extSign} {
		v := cd.ext.f[f]
		switch {
		case v < 0:
			c.errorf(CodeCouponFieldMissing, t.spanOf(obj), at.ext(first), msgCouponFirstMissing, quote(extNames[f]))
		case t.nodes[v].kind == kindString && len(t.val(v)) == 0:
			c.errorf(CodeCouponFieldMissing, t.spanOf(v), at.field(first, extNames[f]), msgCouponFirstEmpty, quote(extNames[f]))
		}
	}
	if len(cards)-first < 2 {
		return
	}
	keys := c.keys[:0]
	for i := first; i < len(cards); i++ {
		if n := c.stringValue(cards[i].ext.f[extOutRequestNo]); cards[i].coupon && len(n) > 0 {
			keys = append(keys, newPairKey(c.seed, n, nil, i))
		}
	}
	c.keys = c.repeats(keys, func(first, i int) {
		c.errorf(CodeOutRequestNoReused, t.spanOf(cards[i].ext.f[extOutRequestNo]), at.field(i, "out_request_no"), msgOutRequestNoReused, itoa(first))
	})[:0]
}
