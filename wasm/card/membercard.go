package card

import "strings"

// The addCard callback's result, and the member-card activation component:
// the activation URL, the launch options, and what App.onShow receives.

func (c *checker) opParseAddCardResult(p int32) resultWriter { return c.objectOp(p, c.addCardResult) }

func (c *checker) addCardResult(p int32) resultWriter {
	t := c.t
	em := t.lookup(p, "errMsg")
	switch {
	case em < 0:
		c.errorf(CodePayloadShape, t.spanOf(p), "", msgShapeNoErrMsg)
		return nil
	case t.nodes[em].kind != kindString:
		c.fieldString(em, "/errMsg", "errMsg")
		return nil
	}
	msg := string(t.val(em))
	rest, ok := strings.CutPrefix(msg, "addCard:")
	if !ok {
		c.errorf(CodePayloadShape, t.spanOf(em), "/errMsg", msgShapeErrMsgOther, quote(msg))
		return nil
	}
	res := &AddCardResult{Cards: []AddedCard{}}
	rest = trimASCII(rest)
	switch {
	case rest == "ok" || strings.HasPrefix(rest, "ok "):
		res.Status, res.Detail = "ok", trimASCII(rest[2:])
	case rest == "cancel" || failDetail(rest) == "cancel":
		res.Status, res.Detail = "cancel", "cancel"
		c.infof(CodeAddCardCancel, t.spanOf(em), "/errMsg", msgAddCardCancel)
	case strings.HasPrefix(rest, "fail"):
		res.Status, res.Detail = "fail", failDetail(rest)
		c.errorf(CodeAddCardFail, t.spanOf(em), "/errMsg", failMessage(res.Detail), res.Detail)
	default:
		c.errorf(CodePayloadShape, t.spanOf(em), "/errMsg", msgShapeErrMsgOther, quote(msg))
		return nil
	}
	l := t.lookup(p, "cardList")
	if l < 0 {
		if res.Status == "ok" {
			c.errorf(CodePayloadShape, t.spanOf(p), "", msgShapeNoCardList)
		}
		return res
	}
	if t.nodes[l].kind == kindString {
		// The JS-SDK's success hands cardList over as JSON text.
		n := &t.nodes[l]
		d := t.addDoc(t.valOf(n), n.doc, l)
		root, err := t.parse(d, maxDepth)
		if err != nil {
			c.syntax(d, err, "/cardList", msgInCardList)
			return res
		}
		l = root
	}
	if t.nodes[l].kind != kindArray {
		c.errorf(CodePayloadShape, t.spanOf(l), "/cardList", msgShapeCardListType, c.kindOf(l))
		return res
	}
	i := 0
	for it := t.nodes[l].first; it >= 0; it = t.nodes[it].next {
		if item, ok := c.addedCard(i, it); ok {
			res.Cards = append(res.Cards, item)
		}
		i++
	}
	return res
}

// objectOp runs body on a payload that must be an object (given as a value
// or as JSON text), then scans the whole payload for secrets.
func (c *checker) objectOp(p int32, body func(int32) resultWriter) resultWriter {
	if p = c.textPayload(p); p < 0 {
		return nil
	}
	defer c.scanSecrets(p)
	if c.t.nodes[p].kind != kindObject {
		c.errorf(CodePayloadShape, c.t.spanOf(p), "", msgShapePayload, c.kindOf(p))
		return nil
	}
	return body(p)
}

// failDetail is what follows "fail" and its separator (" " or ":").
func failDetail(rest string) string {
	d, ok := strings.CutPrefix(rest, "fail")
	if !ok {
		return ""
	}
	return trimASCII(strings.TrimPrefix(trimASCII(d), ":"))
}

// failMessage picks the addcard-fail message that lists the causes of the
// troubleshooting table's row the detail names.
func failMessage(detail string) msgID {
	l := lowerASCII(detail)
	switch {
	case strings.Contains(detail, "签名错误") || strings.Contains(l, "signature"):
		return msgAddCardFailSignature
	case strings.Contains(detail, "参数错误") || strings.Contains(detail, "参数有误") || strings.Contains(l, "invalid param"):
		return msgAddCardFailParam
	case strings.Contains(detail, "已领完") || strings.Contains(l, "sold out") || strings.Contains(l, "out of stock"):
		return msgAddCardFailSoldOut
	case strings.Contains(detail, "已领取") || strings.Contains(l, "get limit"):
		return msgAddCardFailGetLimit
	case strings.Contains(detail, "系统错误") || strings.Contains(l, "system error"):
		return msgAddCardFailSystem
	}
	return msgAddCardFail
}

func (c *checker) addedCard(i int, it int32) (AddedCard, bool) {
	t := c.t
	path := ptrIndex("/cardList", i)
	if t.nodes[it].kind != kindObject {
		c.errorf(CodePayloadShape, t.spanOf(it), path, msgShapeItem, c.kindOf(it))
		return AddedCard{}, false
	}
	var out AddedCard
	good := true
	for _, f := range [...]string{"cardId", "code"} {
		v := t.lookup(it, f)
		if v < 0 {
			continue
		}
		if t.nodes[v].kind != kindString {
			c.fieldString(v, ptr(path, f), f)
			good = false
			continue
		}
		if f == "cardId" {
			out.CardID = string(t.val(v))
		} else {
			out.Code = string(t.val(v))
		}
	}
	if v := t.lookup(it, "isSuccess"); v >= 0 {
		switch n := &t.nodes[v]; {
		case n.kind == kindBool:
			out.IsSuccess = n.truth
		case n.kind == kindString && (string(t.valOf(n)) == "true" || string(t.valOf(n)) == "false"):
			out.IsSuccess = string(t.valOf(n)) == "true" // the JS-SDK's form
		default:
			c.errorf(CodeFieldType, t.spanOf(v), path+"/isSuccess", msgTypeBool, "isSuccess", c.kindOf(v))
			good = false
		}
	}
	if good && !out.IsSuccess {
		name := out.CardID
		if name == "" {
			name = path
		}
		c.warnf(CodeCardNotAdded, t.spanOf(it), path, msgCardNotAdded, quote(name))
	}
	return out, good
}

// The activation URL.

const activatePrefix = "https://mp.weixin.qq.com/bizmall/activatemembercard"

var activateParams = [...]string{"encrypt_card_id", "outer_str", "biz"}

func (c *checker) opParseActivateURL(p int32) resultWriter {
	t := c.t
	if t.nodes[p].kind != kindString {
		c.errorf(CodePayloadShape, t.spanOf(p), "", msgShapeURL, c.kindOf(p))
		return nil
	}
	// The URL is the text positions refer to.
	// In a lint file, positions stay those of the file.
	n := &t.nodes[p]
	d := t.addDoc(c.t.valOf(n), n.doc, p)
	t.docs[d].report = t.docs[n.doc].file == ""
	return c.activateURL(d)
}

// activateURL reads document d as an activation URL.
func (c *checker) activateURL(d int32) resultWriter {
	t := c.t
	u := t.docs[d].text
	whole := span{doc: d, off: 0, len: int32(len(u))}
	if name := secretInValue(u); name != "" {
		c.errorf(CodeSecretInPayload, whole, "", msgSecretValue, quote(name))
	}
	if !isActivateURL(u) {
		c.errorf(CodeURLNotActivate, whole, "", msgURLNotActivate)
		return nil
	}
	q := strings.IndexByte(string(u), '?')
	end := len(u)
	if h := strings.IndexByte(string(u), '#'); h >= 0 {
		end = h
	}
	var vals [3]string
	var found [3]bool
	if q >= 0 && q < end {
		pos := q + 1
		query := string(u[q+1 : end])
		for query != "" || pos == q+1 {
			pair, rest, _ := strings.Cut(query, "&")
			query = rest
			at := pos
			pos += len(pair) + 1
			if pair == "" {
				if query == "" {
					break
				}
				continue
			}
			name, raw, _ := strings.Cut(pair, "=")
			k := -1
			for j, want := range activateParams {
				if name == want {
					k = j
				}
			}
			if k < 0 || found[k] {
				continue
			}
			found[k] = true
			v, ok := percentDecode(raw)
			if !ok {
				c.errorf(CodeURLParamMissing, span{doc: d, off: int32(at), len: int32(len(pair))}, "", msgURLBadEscape, name)
				return nil
			}
			vals[k] = v
		}
	}
	missing := false
	for k, name := range activateParams {
		switch {
		case k == 1 && !found[k]:
			// geturl's outer_str is optional: passed on as "".
			c.warnf(CodeURLParamMissing, whole, "", msgURLOuterStrMissing)
		case k == 1:
			// Present but empty: passed on as it is.
		case !found[k]:
			c.errorf(CodeURLParamMissing, whole, "", msgURLParamMissing, name)
			missing = true
		case vals[k] == "":
			c.errorf(CodeURLParamMissing, whole, "", msgURLParamEmpty, name)
			missing = true
		}
	}
	if missing {
		return nil
	}
	if !isBase64(vals[2]) {
		c.warnf(CodeBizFormat, whole, "", msgBizFormat, quote(vals[2]))
	}
	return &MemberCardLaunch{AppID: ActivationAppID, ExtraData: MemberCardExtraData{EncryptCardID: vals[0], OuterStr: vals[1], Biz: vals[2]}}
}

func isActivateURL(u []byte) bool {
	if len(u) < len(activatePrefix) || lowerASCII(string(u[:len("https://mp.weixin.qq.com")])) != "https://mp.weixin.qq.com" {
		return false
	}
	if string(u[len("https://mp.weixin.qq.com"):len(activatePrefix)]) != "/bizmall/activatemembercard" {
		return false
	}
	rest := u[len(activatePrefix):]
	return len(rest) == 0 || rest[0] == '?' || rest[0] == '#'
}

// percentDecode decodes %XX once. A '+' stays a '+': the values are base64,
// and reading '+' as a space is exactly the over-decoding bug.
func percentDecode(s string) (string, bool) {
	if strings.IndexByte(s, '%') < 0 {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b = append(b, s[i])
			continue
		}
		if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return "", false
		}
		b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
		i += 2
	}
	return string(b), true
}

func unhex(ch byte) byte {
	switch {
	case ch >= '0' && ch <= '9':
		return ch - '0'
	case ch >= 'a' && ch <= 'f':
		return ch - 'a' + 10
	}
	return ch - 'A' + 10
}

// hasEscape returns the first %XX escape in v, or "".
func hasEscape(v []byte) string {
	for i := 0; i+2 < len(v); i++ {
		if v[i] == '%' && isHex(v[i+1]) && isHex(v[i+2]) {
			return string(v[i : i+3])
		}
	}
	return ""
}

// The launch: wx.navigateToMiniProgram options, or the navigator
// component's attributes (app-id, extra-data).

func (c *checker) opValidateMemberCardLaunch(p int32) resultWriter {
	return c.objectOp(p, c.memberCardLaunch)
}

func (c *checker) memberCardLaunch(p int32) resultWriter {
	t := c.t
	c.duplicateKeys(p, "")
	appKey, extraKey := "appId", "extraData"
	app := t.lookup(p, appKey)
	if app < 0 {
		if a := t.lookup(p, "app-id"); a >= 0 {
			appKey, extraKey, app = "app-id", "extra-data", a
		}
	}
	switch {
	case app < 0:
		c.errorf(CodeAppIDWrong, t.spanOf(p), "", msgAppIDMissing)
	case t.nodes[app].kind != kindString:
		c.fieldString(app, "/"+appKey, appKey)
	case string(t.val(app)) != ActivationAppID:
		c.errorf(CodeAppIDWrong, t.spanOf(app), "/"+appKey, msgAppIDWrong, c.excerpt(app))
	}
	if appKey == "appId" && app >= 0 {
		c.infof(CodeNavigateDeprecated, t.spanOf(app), "/appId", msgNavigateDeprecated)
	}
	extra := t.lookup(p, extraKey)
	path := "/" + extraKey
	switch {
	case extra < 0:
		c.errorf(CodeExtraFieldMissing, t.spanOf(p), "", msgExtraDataMissing)
		return nil
	case t.nodes[extra].kind != kindObject:
		c.errorf(CodeFieldType, t.spanOf(extra), path, msgTypeObject, extraKey, c.kindOf(extra))
		return nil
	}
	c.duplicateKeys(extra, path)
	t.members(extra, func(k, v int32) {
		key := string(t.val(k))
		if key == "encrypt_card_id" || key == "outer_str" || key == "biz" || isSecretKey(t.val(k)) {
			return
		}
		if s := suggest(key, activateParams[:]); s != "" {
			c.warnf(CodeUnknownField, t.spanOf(k), ptr(path, key), msgUnknownExtraFieldHint, quote(key), s)
		} else {
			c.warnf(CodeUnknownField, t.spanOf(k), ptr(path, key), msgUnknownExtraField, quote(key))
		}
	})
	for _, name := range activateParams {
		v := t.lookup(extra, name)
		fp := ptr(path, name)
		switch {
		case v < 0:
			c.errorf(CodeExtraFieldMissing, t.spanOf(extra), path, msgExtraFieldMissing, name)
			continue
		case t.nodes[v].kind != kindString:
			c.fieldString(v, fp, name)
			continue
		case len(t.val(v)) == 0 && name == "outer_str":
			continue // geturl's outer_str is optional; "" is what it means
		case len(t.val(v)) == 0:
			c.errorf(CodeExtraFieldMissing, t.spanOf(v), fp, msgExtraFieldEmpty, name)
			continue
		}
		val := t.val(v)
		if strings.Contains(string(val), "#wechat_redirect") {
			c.errorf(CodeExtraFragment, t.spanOf(v), fp, msgExtraFragment, name)
		}
		if e := hasEscape(val); e != "" {
			c.errorf(CodeExtraNotDecoded, t.spanOf(v), fp, msgExtraNotDecoded, name, e)
		}
		switch {
		case name != "outer_str" && strings.IndexByte(string(val), ' ') >= 0:
			c.errorf(CodeExtraOverDecoded, t.spanOf(v), fp, msgExtraOverDecoded, name)
		case name == "biz" && hasEscape(val) == "" && !isBase64(string(val)):
			c.warnf(CodeBizFormat, t.spanOf(v), fp, msgBizFormat, c.excerpt(v))
		}
	}
	return nil
}

// What App.onShow receives back from the activation component.

var referrerParams = [...]string{"activate_ticket", "card_id", "code"}

func (c *checker) opParseReferrerInfo(p int32) resultWriter { return c.objectOp(p, c.referrerInfo) }

func (c *checker) referrerInfo(p int32) resultWriter {
	t := c.t
	// Always a result: App.onShow has to decide something even from odd
	// options, and the state says how far they could be read.
	res := &ReferrerInfo{State: "none"}
	ri := t.lookup(p, "referrerInfo")
	if ri < 0 || t.nodes[ri].kind == kindNull {
		return res
	}
	if t.nodes[ri].kind != kindObject {
		c.errorf(CodeFieldType, t.spanOf(ri), "/referrerInfo", msgTypeObject, "referrerInfo", c.kindOf(ri))
		return res
	}
	app := t.lookup(ri, "appId")
	switch {
	case app < 0:
		return res
	case t.nodes[app].kind != kindString:
		c.fieldString(app, "/referrerInfo/appId", "appId")
		return res
	case string(t.val(app)) != ActivationAppID:
		res.State = "other-app"
		return res
	}
	res.State = "not-activated"
	extra := t.lookup(ri, "extraData")
	if extra < 0 || t.nodes[extra].kind == kindNull || isAbsentText(t, extra) {
		return res
	}
	if t.nodes[extra].kind != kindObject {
		c.errorf(CodeFieldType, t.spanOf(extra), "/referrerInfo/extraData", msgTypeObject, "extraData", c.kindOf(extra))
		return res
	}
	if t.count(extra) == 0 {
		return res
	}
	var vals [3]string
	for k, name := range referrerParams {
		v := t.lookup(extra, name)
		fp := ptr("/referrerInfo/extraData", name)
		switch {
		case v < 0:
			c.warnf(CodeReferrerFieldMissing, t.spanOf(extra), "/referrerInfo/extraData", msgReferrerFieldMissing, name)
		case t.nodes[v].kind != kindString:
			c.fieldString(v, fp, name)
		case len(t.val(v)) == 0:
			c.warnf(CodeReferrerFieldMissing, t.spanOf(v), fp, msgReferrerFieldEmpty, name)
		default:
			vals[k] = string(t.val(v))
		}
	}
	if vals[0] != "" {
		res.State = "activated"
		for _, s := range c.opts.seen {
			if s == vals[0] {
				v := t.lookup(extra, "activate_ticket")
				c.add(CodeActivateTicketReused, SeverityWarning, t.spanOf(v), "/referrerInfo/extraData/activate_ticket", msgActivateTicketReused)
				break
			}
		}
	}
	res.ActivateTicket, res.CardID, res.Code = vals[0], vals[1], vals[2]
	return res
}

// isAbsentText tells an extraData that some base libraries hand over as the
// text of nothing: "<Undefined>", "undefined" or "".
func isAbsentText(t *tree, v int32) bool {
	if t.nodes[v].kind != kindString {
		return false
	}
	s := string(t.val(v))
	return s == "" || s == "undefined" || s == "<Undefined>"
}

// isBase64 tells standard base64 with its padding: biz is the official
// account's id in base64 (MzI0MDAxNTU3MQ==).
func isBase64(s string) bool {
	if len(s) == 0 || len(s)%4 != 0 {
		return false
	}
	body := strings.TrimSuffix(strings.TrimSuffix(s, "="), "=")
	return allBase64([]byte(body), 0) && strings.IndexByte(body, '=') < 0
}
