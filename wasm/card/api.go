package card

// Typed entry points for Go callers. Each takes the payload as JSON text
// (positions in diagnostics refer to it) and the options as a struct, and
// returns the same Output that Call encodes; Result holds the typed result.

// ValidateCardList checks wx.addCard options {"cardList":[{"cardId","cardExt"}]}.
func ValidateCardList(payload []byte, opts Options) Output {
	return runPayload(OpValidateCardList, payload, opts)
}

// BuildAddCard checks cardList items whose cardExt is an object and returns
// wx.addCard options with each cardExt encoded as a JSON string.
func BuildAddCard(payload []byte, opts Options) (*AddCardOptions, Output) {
	return typedRun[AddCardOptions](OpBuildAddCard, payload, opts)
}

// BuildOpenCard checks {"cardList":[{"cardId","code"}]} and returns
// wx.openCard options.
func BuildOpenCard(payload []byte, opts Options) (*OpenCardOptions, Output) {
	return typedRun[OpenCardOptions](OpBuildOpenCard, payload, opts)
}

// ParseAddCardResult reads the res an addCard callback received.
func ParseAddCardResult(res []byte, opts Options) (*AddCardResult, Output) {
	return typedRun[AddCardResult](OpParseAddCardResult, res, opts)
}

// ParseActivateURL reads the URL card/membercard/activate/geturl returned
// into the member-card component's launch options.
func ParseActivateURL(url string, opts Options) (*MemberCardLaunch, Output) {
	return typedRun[MemberCardLaunch](OpParseActivateURL, appendString(nil, url), opts)
}

// ValidateMemberCardLaunch checks {"appId","extraData"} as passed to
// navigateToMiniProgram (or app-id/extra-data of the navigator component).
func ValidateMemberCardLaunch(payload []byte, opts Options) Output {
	return runPayload(OpValidateMemberCardLaunch, payload, opts)
}

// ParseReferrerInfo reads the options App.onShow received after the
// activation component returned.
func ParseReferrerInfo(payload []byte, opts Options) (*ReferrerInfo, Output) {
	return typedRun[ReferrerInfo](OpParseReferrerInfo, payload, opts)
}

// Lint checks {"files":[{"path","content"}]}; with opts.Format set, the
// formatted report is in Output.Report.
func Lint(payload []byte, opts Options) Output {
	return runPayload(OpLint, payload, opts)
}

// typedRun runs op and returns its result as the type the op gives.
func typedRun[T any](op string, payload []byte, opts Options) (*T, Output) {
	out := runPayload(op, payload, opts)
	r, _ := out.Result.(*T)
	return r, out
}

func runPayload(op string, payload []byte, opts Options) Output {
	var k Caller
	limit := limitFor(op)
	c := k.prepare(payload, limit)
	t := c.t
	d := t.addDoc(payload, -1, -1)
	*c.opts = opts.internal(c.seed)
	// The URL is a JSON string here only to reuse the request path; its
	// positions are reported against the URL itself.
	t.docs[d].report = op != OpParseActivateURL
	c.checkOptions(op)
	if len(c.findings) > 0 {
		return c.output(c.finish(nil))
	}
	if len(payload) > limit {
		c.errorf(CodePayloadLimit, span{doc: d, off: int32(limit), len: int32(len(payload) - limit)}, "", msgLimitSize, itoa(len(payload)), itoa(limit))
		return c.output(c.finish(nil))
	}
	root, err := t.parse(d, maxDepth)
	if err != nil {
		c.syntax(d, err, "", msgInPayload)
		return c.output(c.finish(nil))
	}
	fn := opFunc(op)
	if fn == nil {
		c.errorf(CodeRequestInvalid, noSpan, "", msgReqUnknownOp, quote(op))
		return c.output(c.finish(nil))
	}
	return c.output(c.run(op, fn, root))
}

// checkOptions checks options given as a struct.
func (c *checker) checkOptions(op string) {
	o := c.opts
	switch o.locale {
	case LocaleEn, LocaleZh:
	default:
		c.errorf(CodeRequestInvalid, noSpan, "/options/locale", msgOptLocale, quote(o.locale))
		o.locale = LocaleEn
	}
	c.zh = o.locale == LocaleZh
	if o.maxSkew < 0 {
		c.errorf(CodeRequestInvalid, noSpan, "/options/maxSkewSeconds", msgOptInteger, "maxSkewSeconds", itoa64(o.maxSkew))
	}
	if o.hasNow && o.now >= 1e12 {
		// As a request's options.now: Date.now() in a build script.
		c.errorf(CodeRequestInvalid, noSpan, "/options/now", msgOptNowMillis, itoa64(o.now), itoa64(o.now/1000))
		o.hasNow = false
	}
	if o.color && op != OpLint {
		c.errorf(CodeRequestInvalid, noSpan, "/options/color", msgOptColorOp)
	}
	switch {
	case o.format == "":
	case op != OpLint:
		c.errorf(CodeRequestInvalid, noSpan, "/options/format", msgOptFormatOp)
	case !isFormat(o.format):
		c.errorf(CodeRequestInvalid, noSpan, "/options/format", msgOptFormat, quote(o.format))
	}
}
