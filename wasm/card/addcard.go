package card

import (
	"unicode/utf8"
)

// Rules for wx.addCard's cardList and the builder of its cardExt strings.

// The cardExt fields, in the order buildAddCard writes them.
const (
	extCode = iota
	extOpenID
	extTimestamp
	extNonce
	extFixedBegin
	extOuterStr
	extSignature
	// A merchant coupon's (商家券) fields, in the order buildAddCard writes
	// them after openid.
	extOutRequestNo
	extCouponCode
	extSendTime
	extSendMerchant
	extSign
	extCount
)

// extCardFields is how many of the fields are a card's; the rest are a
// merchant coupon's.
const extCardFields = extOutRequestNo

var extNames = [extCount]string{"code", "openid", "timestamp", "nonce_str", "fixed_begintimestamp", "outer_str", "signature",
	"out_request_no", "coupon_code", "customize_send_time", "send_coupon_merchant", "sign"}

const (
	dateFixTerm       = "DATE_TYPE_FIX_TERM"
	customCodeDeposit = "GET_CUSTOM_CODE_MODE_DEPOSIT"
	maxNonce          = 32
	maxCode           = 20
)

// ext is one card's cardExt object, read.
type ext struct {
	obj int32 // the object node, or -1
	f   [extCount]int32
}

// card is one cardList item as read.
type card struct {
	item   int32 // the item node
	id     int32 // cardId value node, or -1
	idOK   bool  // cardId is a non-empty string
	coupon bool  // a merchant coupon: its cardExt has a merchant-coupon field
	ext    ext
	extStr int32 // the cardExt string node when it was a string, or -1
	ts     []byte
}

// listCtx is where a card list sits in the payload, for paths.
type listCtx struct {
	list string // pointer to the cardList array ("/cardList", or "" for a bare list)
}

func (l listCtx) item(i int) pathLoc { return pathLoc{base: l.list, idx: i} }

func (l listCtx) ext(i int) pathLoc { return pathLoc{base: l.list, idx: i, sub: "/cardExt"} }

func (l listCtx) field(i int, key string) pathLoc { return l.ext(i).child(key) }

// extField names cardExt field f of item i without writing its pointer,
// which path does when there is something to report. It is small enough
// to travel in registers; a pathLoc is not, and in wasm each copy of one
// is a memory.copy.
type extField struct {
	at   listCtx
	i, f int32
}

func (x extField) path() pathLoc { return x.at.field(int(x.i), extNames[x.f]) }

func (c *checker) opValidateCardList(p int32) resultWriter {
	c.addCardList(p, false)
	return nil
}

func (c *checker) opBuildAddCard(p int32) resultWriter {
	return c.addCardList(p, true)
}

// cardList finds the cardList array of an options object and reports its
// shape problems; it returns -1 when there is nothing to check.
func (c *checker) cardList(p int32) int32 {
	t := c.t
	if t.nodes[p].kind != kindObject {
		c.errorf(CodePayloadShape, t.spanOf(p), "", msgShapePayload, c.kindOf(p))
		return -1
	}
	l := t.lookup(p, "cardList")
	switch {
	case l < 0:
		c.errorf(CodePayloadShape, t.spanOf(p), "", msgShapeNoCardList)
		return -1
	case t.nodes[l].kind != kindArray:
		c.errorf(CodePayloadShape, t.spanOf(l), "/cardList", msgShapeCardListType, c.kindOf(l))
		return -1
	case t.count(l) == 0:
		c.errorf(CodePayloadShape, t.spanOf(l), "/cardList", msgShapeCardListEmpty)
		return -1
	}
	return l
}

func (c *checker) addCardList(p int32, build bool) resultWriter {
	if p = c.textPayload(p); p < 0 {
		return nil
	}
	l := c.cardList(p)
	if l < 0 {
		c.scanSecrets(p)
		return nil
	}
	cards := c.readAddCards(l, listCtx{list: "/cardList"}, build)
	defer func() { c.cards = cards[:0] }()
	c.duplicateKeys(p, "")
	c.scanSecrets(p)
	if !build || !c.ok() {
		return nil
	}
	res := &AddCardOptions{CardList: make([]CardListItem, len(cards))}
	for i := range cards {
		ext := ""
		if cards[i].extStr >= 0 {
			// Already a string, and it passed the checks: sent as given,
			// since it is what was signed.
			ext = string(c.t.val(cards[i].extStr))
		} else {
			ext = c.writeExt(&cards[i].ext)
		}
		res.CardList[i] = CardListItem{CardID: string(c.t.val(cards[i].id)), CardExt: ext}
	}
	return res
}

// readAddCards checks every item of the cardList array l, then the batch.
func (c *checker) readAddCards(l int32, at listCtx, build bool) []card {
	t := c.t
	// One document per cardExt: reserve them at once.
	if n := t.count(l); cap(t.docs)-len(t.docs) < n {
		// Grow geometrically: a lint run calls this once per file.
		t.docs = append(make([]document, 0, max(2*cap(t.docs), len(t.docs)+n+1)), t.docs...)
	}
	return c.readCardList(l, at, true, func(cd *card, i int, it int32) { c.readAddCard(cd, i, it, at, build) })
}

// readCardList reads every item of the cardList array l with read, into cards
// reused from an earlier call, then applies the batch rules. Cards are
// filled in place: in wasm, building a card and copying it in would be a
// memory.fill and a memory.copy, each run by wazero as calls into the Go
// runtime.
func (c *checker) readCardList(l int32, at listCtx, add bool, read func(cd *card, i int, it int32)) []card {
	t := c.t
	cards := c.cardBuf(int(t.count(l)))
	for it := t.nodes[l].first; it >= 0; it = t.nodes[it].next {
		if len(cards) < cap(cards) {
			cards = cards[:len(cards)+1]
		} else {
			cards = append(cards, card{})
		}
		read(&cards[len(cards)-1], len(cards)-1, it)
	}
	c.checkBatch(cards, at, add)
	return cards
}

func (c *checker) readAddCard(cd *card, i int, it int32, at listCtx, build bool) {
	t := c.t
	if !c.newCard(cd, i, it, at) {
		return
	}
	var extNode int32
	cd.id, extNode = c.itemMembers(i, it, at, "cardExt", itemKeysAdd)
	cd.idOK = c.checkCardID(cd.id, it, at, i)
	switch {
	case extNode < 0:
		c.errorf(CodeCardExtMissing, t.spanOf(it), at.item(i), msgCardExtMissing)
	case t.nodes[extNode].kind == kindNull:
		c.errorf(CodeCardExtMissing, t.spanOf(extNode), at.ext(i), msgCardExtNull)
	case t.nodes[extNode].kind == kindString:
		cd.extStr = extNode
		cd.ext.obj = c.parseCardExt(extNode, at, i)
	case t.nodes[extNode].kind == kindObject:
		if !build {
			c.errorf(CodeCardExtNotString, t.spanOf(extNode), at.ext(i), msgCardExtNotString, c.kindOf(extNode))
		}
		cd.ext.obj = extNode
	default:
		c.errorf(CodeCardExtNotString, t.spanOf(extNode), at.ext(i), msgCardExtNotString, c.kindOf(extNode))
	}
	if cd.ext.obj >= 0 {
		c.readExt(cd, i, at)
	}
	// Once the cardExt says which contract this is: a stock_id or a card_id.
	c.idFormat(cd, at, i)
}

// newCard starts reading cardList item i into cd, setting every field; it
// is false when the item is not an object (reported).
func (c *checker) newCard(cd *card, i int, it int32, at listCtx) bool {
	cd.item, cd.id, cd.idOK, cd.coupon, cd.extStr, cd.ts = it, -1, false, false, -1, nil
	cd.ext.obj = -1
	for k := range cd.ext.f {
		cd.ext.f[k] = -1
	}
	if c.t.nodes[it].kind != kindObject {
		c.errorf(CodePayloadShape, c.t.spanOf(it), at.item(i), msgShapeItem, c.kindOf(it))
		return false
	}
	return true
}

// itemMembers reads an item's cardId and its second member (cardExt for
// addCard, code for openCard), reporting repeated and unknown keys; absent
// members are -1.
func (c *checker) itemMembers(i int, it int32, at listCtx, second string, which itemKeys) (id, val int32) {
	t := c.t
	id, val = -1, -1
	for k := t.nodes[it].first; k >= 0; k = t.nodes[t.nodes[k].next].next {
		v := t.nodes[k].next
		key := t.val(k)
		// if/else, not a switch: a switch with a variable case converts
		// key to a string first, a call per member in wasm.
		var slot *int32
		if string(key) == "cardId" {
			slot = &id
		} else if sameText(key, second) {
			slot = &val
		} else {
			c.unknownItemKey(k, at.item(i), which)
			continue
		}
		if *slot >= 0 {
			c.errorf(CodeDuplicateKey, t.spanOf(k), at.item(i).child(string(key)), msgDuplicateKey, quote(string(key)))
		}
		*slot = v
	}
	return id, val
}

// parseCardExt parses a cardExt string as its own document and returns the
// object it encodes, or -1 (the problem is reported).
func (c *checker) parseCardExt(s int32, at listCtx, i int) int32 {
	t := c.t
	n := &t.nodes[s]
	d := t.addDoc(c.t.valOf(n), n.doc, s)
	root, err := t.parse(d, maxDepth)
	if err != nil {
		c.syntax(d, err, at.ext(i), msgInCardExt)
		return -1
	}
	switch t.nodes[root].kind {
	case kindObject:
		return root
	case kindString:
		c.errorf(CodeCardExtNotObject, t.spanOf(s), at.ext(i), msgCardExtTwice)
	default:
		c.errorf(CodeCardExtNotObject, t.spanOf(s), at.ext(i), msgCardExtNotObject, c.kindOf(root))
	}
	return -1
}

// checkCardID checks cardId (value node id, -1 when absent, in item it, the
// i-th of the list at).
func (c *checker) checkCardID(id, it int32, at listCtx, i int) bool {
	t := c.t
	switch {
	case id < 0:
		c.errorf(CodeCardIDMissing, t.spanOf(it), at.item(i), msgCardIDMissing)
		return false
	case t.nodes[id].kind != kindString:
		c.fieldString(id, at.item(i).child("cardId"), "cardId")
		return false
	case len(t.val(id)) == 0:
		c.errorf(CodeCardIDMissing, t.spanOf(id), at.item(i).child("cardId"), msgCardIDEmpty)
		return false
	}
	return true
}

// idFormat checks the form of a good cardId once the item is read: a
// merchant coupon's is a stock_id (digits), a card's a card_id (p…).
func (c *checker) idFormat(cd *card, at listCtx, i int) {
	if !cd.idOK {
		return
	}
	id := c.t.val(cd.id)
	switch {
	case cd.coupon && !(len(id) <= MaxStockID && allDigits(id)):
		c.warnf(CodeStockIDFormat, c.t.spanOf(cd.id), at.item(i).child("cardId"), msgStockIDFormat, c.excerpt(cd.id))
	case !cd.coupon && !looksLikeCardID(id):
		c.warnf(CodeCardIDFormat, c.t.spanOf(cd.id), at.item(i).child("cardId"), msgCardIDFormat, c.excerpt(cd.id))
	}
}

func looksLikeCardID(b []byte) bool {
	return len(b) >= 27 && len(b) <= 32 && b[0] == 'p' && allIn(b[1:], classCardID)
}

func isAlnum(ch byte) bool {
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
}

// alnumRules applies the rules of nonce_str (nonce) or code to the string
// node v of item i of the list at, in its cardExt (inExt) or the item itself
// (openCard): too many characters is an error, one that is not an ASCII
// letter or digit a warning. The pointer is written only to report.
func (c *checker) alnumRules(v int32, nonce bool, at listCtx, i int, inExt bool) {
	name, limit, long, charset, msgLong, msgCharset := "code", maxCode, CodeCodeTooLong, CodeCodeCharset, msgCodeTooLong, msgCodeCharset
	if nonce {
		name, limit, long, charset, msgLong, msgCharset = "nonce_str", maxNonce, CodeNonceTooLong, CodeNonceCharset, msgNonceTooLong, msgNonceCharset
	}
	n, bad := alnumText(c.t.val(v))
	if n <= limit && bad == "" {
		return
	}
	path := at.item(i).child(name)
	if inExt {
		path = at.field(i, name)
	}
	if n > limit {
		c.errorf(long, c.t.spanOf(v), path, msgLong, itoa(n))
	}
	if bad != "" {
		c.warnf(charset, c.t.spanOf(v), path, msgCharset, bad)
	}
}

// alnumText returns the length of b in characters and its first character
// that is not an ASCII letter or digit, quoted, or "" (code and nonce_str).
func alnumText(b []byte) (int, string) {
	if allIn(b, classAlnum) {
		return len(b), ""
	}
	return utf8.RuneCount(b), firstNonAlnum(b)
}

// firstNonAlnum returns the first character that is not an ASCII letter or
// digit, quoted for a message, or "".
func firstNonAlnum(b []byte) string {
	for i := 0; i < len(b); i++ {
		if !isAlnum(b[i]) {
			if b[i] < 0x80 {
				return quote(string(b[i : i+1]))
			}
			_, size := utf8.DecodeRune(b[i:])
			return quote(string(b[i : i+size]))
		}
	}
	return ""
}

// fieldString reports a non-string value of a string field, with the
// quoting hint for numbers.
func (c *checker) fieldString(v int32, path any, name string) {
	n := &c.t.nodes[v]
	if n.kind == kindNumber && isSignedField(name) {
		c.errorf(CodeFieldType, c.t.spanOf(v), path, msgTypeStringQuote, name, string(c.t.valOf(n)))
		return
	}
	c.errorf(CodeFieldType, c.t.spanOf(v), path, msgTypeString, name, c.kindOf(v))
}

// isSignedField tells the fields whose string form goes into the signature.
func isSignedField(name string) bool {
	return name == "code" || name == "openid" || name == "nonce_str" || name == "cardId" ||
		name == "out_request_no" || name == "send_coupon_merchant" || name == "coupon_code"
}

// readExt reads the cardExt object's members and checks each field.
func (c *checker) readExt(cd *card, i int, at listCtx) {
	t := c.t
	e := &cd.ext
	var keys [extCount]int32 // the key node of each field read
	unknown := c.unknown[:0] // reported once the contract is known
	for k := t.nodes[e.obj].first; k >= 0; k = t.nodes[t.nodes[k].next].next {
		v := t.nodes[k].next
		key := t.val(k)
		f := extIndex(key)
		switch {
		case f >= 0:
			if e.f[f] >= 0 {
				c.errorf(CodeDuplicateKey, t.spanOf(k), at.field(i, extNames[f]), msgDuplicateKey, quote(extNames[f]))
			}
			keys[f], e.f[f] = k, v
		case string(key) == "outer_id":
			c.infof(CodeLegacyField, t.spanOf(k), at.field(i, "outer_id"), msgLegacyOuterID)
		case string(key) == "balance":
			c.infof(CodeLegacyField, t.spanOf(k), at.field(i, "balance"), msgLegacyBalance)
		case isSecretKey(key):
			// scanSecrets reports it.
		default:
			unknown = append(unknown, k)
		}
	}
	cd.coupon = e.f[extOutRequestNo] >= 0 || e.f[extCouponCode] >= 0 || e.f[extSendTime] >= 0 || e.f[extSendMerchant] >= 0
	for _, k := range unknown {
		c.unknownExtKey(k, at.field(i, string(t.val(k))), cd.coupon)
	}
	c.unknown = unknown[:0]
	// The fields of the other contract are unknown here: reported, and
	// not written by buildAddCard. openid is taken by both.
	for f := range e.f {
		if e.f[f] >= 0 && f != extOpenID && (f < extCardFields) == cd.coupon {
			c.unknownExtKey(keys[f], at.field(i, extNames[f]), cd.coupon)
			e.f[f] = -1
		}
	}
	if cd.coupon {
		c.checkCouponFields(cd, i, at)
		return
	}
	c.checkExtFields(cd, i, at)
}

// extIndex finds a cardExt field by length first and then compares: a
// string switch compiles to a binary search of out-of-line comparisons,
// each a call, which wasm makes dear.
func extIndex(key []byte) int {
	f := -1
	switch len(key) {
	case 4:
		f = extCode
		if key[0] == 's' {
			f = extSign
		}
	case 6:
		f = extOpenID
	case 11:
		f = extCouponCode
	case 14:
		f = extOutRequestNo
	case 19:
		f = extSendTime
	case 9:
		switch key[0] {
		case 't':
			f = extTimestamp
		case 'n':
			f = extNonce
		case 'o':
			f = extOuterStr
		case 's':
			f = extSignature
		}
	case 20:
		f = extFixedBegin
		if key[0] == 's' {
			f = extSendMerchant
		}
	}
	if f < 0 {
		return -1
	}
	// The key has the name's length: compare two (three) overlapping words
	// with the name's, read once at start-up, rather than call sameText.
	w, n := &extWords[f], len(key)
	switch {
	case n < 8:
		if uint64(loadHalf(key)) != w[0] || uint64(loadHalf(key[n-4:])) != w[1] {
			return -1
		}
	case loadWord(key) != w[0] || loadWord(key[n-8:]) != w[1] || n > 16 && loadWord(key[8:]) != w[2]:
		return -1
	}
	return f
}

// extWords holds each cardExt field name as the words extIndex compares:
// the first and the last four bytes of a name shorter than eight, else the
// first, the last and (past sixteen) the second eight.
var extWords = func() (ws [extCount][3]uint64) {
	for f, name := range extNames {
		n := len(name)
		if n < 8 {
			ws[f] = [3]uint64{uint64(loadHalf(name)), uint64(loadHalf(name[n-4:]))}
			continue
		}
		ws[f] = [3]uint64{loadWord(name), loadWord(name[n-8:])}
		if n > 16 {
			ws[f][2] = loadWord(name[8:])
		}
	}
	return
}()

// whole is the node at which problems of the cardExt object as a whole are
// reported: the cardExt string when it was one.
func (cd *card) whole() int32 {
	if cd.extStr >= 0 {
		return cd.extStr
	}
	return cd.ext.obj
}

// checkExtFields applies the per-field rules and, with a definition, the
// rules that depend on the card.
func (c *checker) checkExtFields(cd *card, i int, at listCtx) {
	t := c.t
	e := &cd.ext
	obj := cd.whole() // spans and paths are made only when reporting
	field := func(f int) extField { return extField{at: at, i: int32(i), f: int32(f)} }
	path := func(f int) pathLoc { return field(f).path() }

	// timestamp
	if v := e.f[extTimestamp]; v < 0 {
		c.errorf(CodeTimestampMissing, t.spanOf(obj), at.ext(i), msgTimestampMissing)
	} else {
		cd.ts = c.checkTime(v, field(extTimestamp), true)
	}
	// fixed_begintimestamp
	if v := e.f[extFixedBegin]; v >= 0 {
		c.checkTime(v, field(extFixedBegin), false)
	}
	// nonce_str
	switch v := e.f[extNonce]; {
	case v < 0:
		c.warnf(CodeNonceMissing, t.spanOf(obj), at.ext(i), msgNonceMissing)
	case t.nodes[v].kind != kindString:
		c.fieldString(v, path(extNonce), "nonce_str")
	case len(t.val(v)) == 0:
		c.warnf(CodeNonceMissing, t.spanOf(v), path(extNonce), msgNonceEmpty)
	default:
		c.alnumRules(v, true, at, i, true)
	}
	// signature
	switch v := e.f[extSignature]; {
	case v < 0:
		c.errorf(CodeSignatureMissing, t.spanOf(obj), at.ext(i), msgSignatureMissing)
	case t.nodes[v].kind != kindString:
		c.fieldString(v, path(extSignature), "signature")
	case len(t.val(v)) == 0:
		c.errorf(CodeSignatureMissing, t.spanOf(v), path(extSignature), msgSignatureEmpty)
	default:
		switch signatureForm(t.val(v)) {
		case sigBad:
			c.errorf(CodeSignatureFormat, t.spanOf(v), path(extSignature), msgSignatureFormat, c.excerpt(v))
		case sigUpper:
			c.warnf(CodeSignatureFormat, t.spanOf(v), path(extSignature), msgSignatureUpper)
		}
	}
	// outer_str; 64 or more ticket characters there look like an api_ticket
	// put in the channel field (a warning: a long opaque channel id is possible).
	if v := e.f[extOuterStr]; v >= 0 {
		if t.nodes[v].kind != kindString {
			c.fieldString(v, path(extOuterStr), "outer_str")
		} else if s := t.val(v); len(s) >= 64 && allIn(s, classCardID) {
			c.warnf(CodeSecretInPayload, t.spanOf(v), path(extOuterStr), msgSecretOuterStr)
		}
	}
	// code and openid
	code := c.optionalString(e.f[extCode], field(extCode), "code")
	if len(code) > 0 {
		c.alnumRules(e.f[extCode], false, at, i, true)
	}
	openid := c.optionalString(e.f[extOpenID], field(extOpenID), "openid")

	// Rules that need the card's definition.
	if c.opts.cards == nil {
		return
	}
	def, ok := c.definition(cd, at, i)
	if !ok {
		return
	}
	id := quote(string(t.val(cd.id)))
	if def.UseCustomCode != nil {
		custom := *def.UseCustomCode && def.GetCustomCodeMode != customCodeDeposit
		switch {
		case custom && len(code) == 0:
			c.errorf(CodeCodeRequired, t.spanOf(obj), at.ext(i), msgCodeRequired, id)
		case !custom && len(code) > 0:
			msg := msgCodeNotAllowed
			if *def.UseCustomCode {
				msg = msgCodeNotAllowedDeposit
			}
			c.errorf(CodeCodeNotAllowed, t.spanOf(e.f[extCode]), path(extCode), msg, id)
		}
	}
	if def.BindOpenID != nil {
		switch {
		case *def.BindOpenID && len(openid) == 0:
			c.errorf(CodeOpenIDRequired, t.spanOf(obj), at.ext(i), msgOpenIDRequired, id)
		case !*def.BindOpenID && len(openid) > 0:
			c.errorf(CodeOpenIDNotAllowed, t.spanOf(e.f[extOpenID]), path(extOpenID), msgOpenIDNotAllowed, id)
		}
	}
	if v := e.f[extFixedBegin]; v >= 0 && def.DateType != "" && def.DateType != dateFixTerm {
		c.errorf(CodeFixedBeginNotFixTerm, t.spanOf(v), path(extFixedBegin), msgFixedBegin, id, def.DateType)
	}
}

// definition returns the card's definition when options.cards has one; it
// reports unknown-card when options.cards is given without this card.
func (c *checker) definition(cd *card, at listCtx, i int) (CardDef, bool) {
	if c.opts.cards == nil || !cd.idOK {
		return CardDef{}, false
	}
	def, ok := c.opts.cards.get(c.t.val(cd.id))
	if !ok {
		c.infof(CodeUnknownCard, c.t.spanOf(cd.id), at.item(i).child("cardId"), msgUnknownCard, c.excerpt(cd.id))
	}
	return def, ok
}

// optionalString checks code or openid: a string, and not "" (which is
// reported and read as absent). It returns the value, or nil.
func (c *checker) optionalString(v int32, at extField, name string) []byte {
	if v < 0 {
		return nil
	}
	n := &c.t.nodes[v]
	if n.kind != kindString {
		c.fieldString(v, at.path(), name)
		return nil
	}
	if len(c.t.valOf(n)) == 0 {
		c.warnf(CodeEmptyField, c.t.spanOf(v), at.path(), msgEmptyField, name)
	}
	return c.t.valOf(n)
}

// checkTime checks timestamp (main) or fixed_begintimestamp and returns the
// timestamp's digits when it is well formed.
func (c *checker) checkTime(v int32, at extField, main bool) []byte {
	t := c.t
	n := &t.nodes[v]
	var digits []byte
	switch {
	case n.kind == kindNumber && allDigits(c.t.valOf(n)):
		digits = c.t.valOf(n)
	case main && n.kind == kindString && len(c.t.valOf(n)) == 0:
		c.errorf(CodeTimestampMissing, t.spanOf(v), at.path(), msgTimestampEmpty)
		return nil
	case main && n.kind == kindString && allDigits(c.t.valOf(n)):
		digits = c.t.valOf(n)
	case n.kind == kindNumber && fractionOrExponent(c.t.valOf(n)),
		main && n.kind == kindString && isDecimalText(c.t.valOf(n)):
		// getTime()/1000 without Math.floor, Python's time.time(), a float formatter.
		name := "timestamp"
		if !main {
			name = "fixed_begintimestamp"
		}
		c.errorf(CodeTimestampNotInteger, t.spanOf(v), at.path(), msgTimestampNotInteger, name, c.excerpt(v))
		return nil
	case main:
		c.errorf(CodeFieldType, t.spanOf(v), at.path(), msgTypeTimestamp, c.excerpt(v))
		return nil
	default:
		c.errorf(CodeFieldType, t.spanOf(v), at.path(), msgTypeFixedBegin, c.excerpt(v))
		return nil
	}
	sig := digits
	for len(sig) > 1 && sig[0] == '0' {
		sig = sig[1:]
	}
	if len(sig) >= 13 {
		c.errorf(CodeTimestampMilliseconds, t.spanOf(v), at.path(), msgTimestampMillis, string(digits), string(sig[:len(sig)-3]))
		return digits
	}
	if main && c.opts.hasNow {
		ts, _ := parseInt(sig)
		c.checkSkew(ts, v, at.path())
	}
	return digits
}

// fractionOrExponent tells a JSON number written with a fraction or an
// exponent (1700000000.5, 1.7e9) from an integer.
func fractionOrExponent(b []byte) bool {
	for _, ch := range b {
		if ch == '.' || ch == 'e' || ch == 'E' {
			return true
		}
	}
	return false
}

// isDecimalText tells a string holding a JSON-like number with a fraction
// or an exponent ("1700000000.0", "1.7e9").
func isDecimalText(b []byte) bool {
	i := skipDigits(b, 0)
	if i == 0 || i == len(b) {
		return false
	}
	if b[i] == '.' {
		j := skipDigits(b, i+1)
		if j == i+1 {
			return false
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := skipDigits(b, i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(b)
}

// skipDigits returns the index of the first byte at or after i that is not
// an ASCII digit.
func skipDigits(b []byte, i int) int {
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	return i
}

// 2001-01-01T00:00:00Z: anything earlier is not a card timestamp.
const minTimestamp = 978307200

func (c *checker) checkSkew(ts int64, v int32, path pathLoc) {
	at := c.t.spanOf(v)
	s := itoa64(ts)
	if ts < minTimestamp {
		c.warnf(CodeTimestampSkew, at, path, msgSkewOld, s)
		return
	}
	d := ts - c.opts.now
	abs := d
	if abs < 0 {
		abs = -abs
	}
	if abs <= c.opts.maxSkew {
		return
	}
	const eightHours = 8 * 3600
	if abs >= eightHours-600 && abs <= eightHours+600 {
		c.warnf(CodeTimestampSkew, at, path, msgSkew8h, s, itoa64(d))
		return
	}
	msg := msgSkewAhead
	if d < 0 {
		msg = msgSkewBehind
	}
	c.warnf(CodeTimestampSkew, at, path, msg, s, itoa64(abs), itoa64(c.opts.maxSkew))
}

func allDigits(b []byte) bool { return len(b) > 0 && allIn(b, classDigit) }

type sigForm uint8

const (
	sigOK sigForm = iota
	sigUpper
	sigBad
)

func signatureForm(b []byte) sigForm {
	if len(b) != 40 {
		return sigBad
	}
	if allIn(b, classHex) {
		return sigOK
	}
	form := sigOK
	for _, ch := range b {
		switch {
		case (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'):
		case ch >= 'A' && ch <= 'F':
			form = sigUpper
		default:
			return sigBad
		}
	}
	return form
}

// checkBatch applies the rules across one batch: nonce-reused (addCard
// only) and duplicate-card.
func (c *checker) checkBatch(cards []card, at listCtx, add bool) {
	if add {
		c.checkCoupons(cards, at)
	}
	if len(cards) < 2 {
		return
	}
	t := c.t
	keys := c.keys[:0]
	if cap(keys) < len(cards) {
		keys = make([]pairKey, 0, len(cards))
	}
	if add {
		for i := range cards {
			if n := c.stringValue(cards[i].ext.f[extNonce]); len(n) > 0 && cards[i].ts != nil {
				keys = append(keys, newPairKey(c.seed, n, cards[i].ts, i))
			}
		}
		keys = c.repeats(keys, func(first, i int) {
			c.errorf(CodeNonceReused, t.spanOf(cards[i].ext.f[extNonce]), at.field(i, "nonce_str"), msgNonceReused, itoa(first))
		})
	}
	keys = keys[:0]
	for i := range cards {
		if code := c.stringValue(cards[i].ext.f[extCode]); cards[i].idOK && len(code) > 0 {
			keys = append(keys, newPairKey(c.seed, t.val(cards[i].id), code, i))
		}
	}
	c.keys = c.repeats(keys, func(first, i int) {
		c.warnf(CodeDuplicateCard, t.spanOf(cards[i].item), at.item(i), msgDuplicateCard,
			quote(string(t.val(cards[i].id))), quote(string(c.stringValue(cards[i].ext.f[extCode]))), itoa(first))
	})[:0]
}

// stringValue is the value of a string node, or nil for anything else.
func (c *checker) stringValue(v int32) []byte {
	if v < 0 || c.t.nodes[v].kind != kindString {
		return nil
	}
	return c.t.val(v)
}

// pairKey is what two cards of a batch must not share, and the card's index.
// The hash of both parts spares comparing bytes of pairs that differ, which
// in a batch is nearly all of them.
type pairKey struct {
	a, b []byte
	h    uint64
	i    int
}

// The hash is keyed by the Caller's seed (random): keys made to collide,
// which would make repeats quadratic, cannot be made without it.
func newPairKey(seed uint64, a, b []byte, i int) pairKey {
	return pairKey{a: a, b: b, h: hashText(seed, a)*0x9e3779b97f4a7c15 ^ hashText(seed, b), i: i}
}

func (k *pairKey) same(o *pairKey) bool {
	return k.h == o.h && sameText(k.a, o.a) && sameText(k.b, o.b)
}

// repeats calls dup(first, i) for every key equal to an earlier one, first
// being the index of the earliest. Keys go into an open-addressing table by
// hash: linear in the batch, and keys that differ are told apart by their
// hashes alone. It returns keys for reuse.
func (c *checker) repeats(keys []pairKey, dup func(first, i int)) []pairKey {
	if len(keys) < 2 {
		return keys
	}
	size := tableSize(len(keys))
	slots := c.slots[:0] // 1 + the index of a key, 0 for an empty slot
	if cap(slots) < size {
		slots = make([]int32, size)
	}
	slots = slots[:size]
	clear(slots)
	mask := uint64(size - 1)
	for k := range keys {
		for s := keys[k].h & mask; ; s = (s + 1) & mask {
			j := slots[s] - 1
			if j < 0 {
				slots[s] = int32(k) + 1
				break
			}
			if keys[j].same(&keys[k]) {
				dup(keys[j].i, keys[k].i)
				break
			}
		}
	}
	c.slots = slots
	return keys
}

// writeExt writes a checked cardExt as the compact JSON string addCard
// takes, fields in the documented order, values in their JSON types.
func (c *checker) writeExt(e *ext) string {
	b := make([]byte, 0, 192)
	b = append(b, '{')
	first := true
	for f, v := range e.f {
		if v < 0 {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendKey(b, extNames[f])
		b = c.appendValue(b, v)
	}
	b = append(b, '}')
	return string(b)
}

// appendValue writes a scalar node back as JSON.
func (c *checker) appendValue(b []byte, v int32) []byte {
	n := &c.t.nodes[v]
	switch n.kind {
	case kindString:
		return appendString(b, string(c.t.valOf(n)))
	case kindNumber:
		return append(b, c.t.valOf(n)...)
	case kindBool:
		return appendBool(b, n.truth)
	}
	return append(b, "null"...)
}
