package card

import "bytes"

// wx.openCard: a cardList of cardId and the decrypted code.

func (c *checker) opBuildOpenCard(p int32) resultWriter {
	if p = c.textPayload(p); p < 0 {
		return nil
	}
	l := c.cardList(p)
	if l >= 0 {
		cards := c.readOpenCards(l, listCtx{list: "/cardList"})
		defer func() { c.cards = cards[:0] }()
		c.duplicateKeys(p, "")
		c.scanSecrets(p)
		if !c.ok() {
			return nil
		}
		res := &OpenCardOptions{CardList: make([]OpenCardItem, len(cards))}
		for i := range cards {
			res.CardList[i] = OpenCardItem{
				CardID: string(c.t.val(cards[i].id)),
				Code:   string(c.t.val(cards[i].ext.f[extCode])),
			}
		}
		return res
	}
	c.scanSecrets(p)
	return nil
}

// readOpenCards checks every item of an openCard cardList. The code is kept
// in ext.f[extCode] so the batch rules serve both APIs.
func (c *checker) readOpenCards(l int32, at listCtx) []card {
	return c.readCardList(l, at, false, func(cd *card, i int, it int32) { c.readOpenCard(cd, i, it, at) })
}

func (c *checker) readOpenCard(cd *card, i int, it int32, at listCtx) {
	t := c.t
	if !c.newCard(cd, i, it, at) {
		return
	}
	var code int32
	cd.id, code = c.itemMembers(i, it, at, "code", itemKeysOpen)
	cd.idOK = c.checkCardID(cd.id, it, at, i)
	path := func() pathLoc { return at.item(i).child("code") } // only when reporting
	switch {
	case code < 0:
		c.errorf(CodeCodeMissing, t.spanOf(it), at.item(i), msgCodeMissing)
	case t.nodes[code].kind != kindString:
		c.fieldString(code, path(), "code")
	case len(t.val(code)) == 0:
		c.errorf(CodeCodeMissing, t.spanOf(code), path(), msgCodeEmpty)
	default:
		cd.ext.f[extCode] = code
		v := t.val(code)
		if msg := encryptedForm(v); msg != msgNone {
			c.errorf(CodeCodeEncrypted, t.spanOf(code), path(), msg, c.excerpt(code))
			break
		}
		c.alnumRules(code, false, at, i, false)
	}
	c.definition(cd, at, i) // openCard needs no definition, but says when one is missing
}

// encryptedForm tells an encrypted code, as addCard returned it or damaged
// on its way to card/code/decrypt, from a plain code, and returns the
// message that says which; msgNone for a plain code. The damage comes first:
// a damaged code also looks encrypted, and the fix differs.
func encryptedForm(v []byte) msgID {
	switch {
	case hasPercentBase64(v):
		return msgCodeEncryptedPercent // encodeURIComponent, or a URL built by hand
	case len(v) >= 24 && len(v)%4 == 0 && bytes.IndexByte(v, ' ') >= 0 && allBase64(v, ' '):
		return msgCodeEncryptedSpace // a form decoder read + as a space
	case (len(v) == 22 || len(v) == 43 || len(v) == 86) && allBase64(v, 0) && bytes.IndexByte(v, '=') < 0:
		return msgCodeEncryptedPadding // = trimmed, or lost in a URL
	case looksEncrypted(v):
		return msgCodeEncrypted
	}
	return msgNone
}

// hasPercentBase64 tells text holding a percent escape of +, / or =.
func hasPercentBase64(v []byte) bool {
	for i := 0; i+2 < len(v); i++ {
		if v[i] != '%' {
			continue
		}
		switch hi, lo := v[i+1], v[i+2]|0x20; {
		case hi == '2' && (lo == 'b' || lo == 'f'), hi == '3' && lo == 'd':
			return true
		}
	}
	return false
}

// allBase64 tells every byte of v is in base64's alphabet (with = padding)
// or is extra.
func allBase64(v []byte, extra byte) bool {
	for _, ch := range v {
		if !(isAlnum(ch) || ch == '+' || ch == '/' || ch == '=' || (extra != 0 && ch == extra)) {
			return false
		}
	}
	return true
}

// looksEncrypted tells the encrypted code addCard returns (base64 of an AES
// block) from a plain code: base64's +, / or =, or a base64 block length.
func looksEncrypted(v []byte) bool {
	switch len(v) {
	case 24, 44, 64:
		return true
	}
	for _, ch := range v {
		if ch == '+' || ch == '/' || ch == '=' {
			return true
		}
	}
	return false
}
