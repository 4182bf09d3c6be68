package card

import (
	"math/rand/v2"
	"sync"
)

// MaxInput is the largest input the core reads; a larger one gets a
// payload-limit diagnostic without being parsed. For lint the limit holds
// for each file, and the request as a whole may reach MaxLintInput, so a
// project's payload files are checked in one call.
const (
	MaxInput     = 1 << 20
	MaxLintInput = 32 << 20
)

// defaultMaxSkew is options.maxSkewSeconds when not given.
const defaultMaxSkew = 7200

// options are the checked request options.
type options struct {
	locale  string
	cards   *cardDefs // nil: no definitions given
	hasNow  bool
	now     int64
	maxSkew int64
	format  string
	color   bool     // lint's text report: ANSI colours, as ESLint's stylish
	seen    []string // parseReferrerInfo: the activate_tickets a dev guard already handled
}

// colorFromTerminal decides options.color given as the CLI's facts,
// {"tty": bool, "NO_COLOR": string, "FORCE_COLOR": string}: NO_COLOR (not
// empty) turns colour off, FORCE_COLOR (but "0" or "false") on, else a
// terminal on stdout. Both CLIs pass the facts; the decision is here.
func (c *checker) colorFromTerminal(o int32) bool {
	t := c.t
	tty, noColor, force := false, "", ""
	t.members(o, func(k, v int32) {
		n := &t.nodes[v]
		switch key := string(t.val(k)); {
		case key == "tty" && n.kind == kindBool:
			tty = n.truth
		case (key == "NO_COLOR" || key == "FORCE_COLOR") && n.kind == kindString:
			if key == "NO_COLOR" {
				noColor = string(t.valOf(n))
			} else {
				force = string(t.valOf(n))
			}
		default:
			c.errorf(CodeRequestInvalid, t.spanOf(k), ptr("/options/color", key), msgOptColorTerminal, quote(key))
		}
	})
	return colorRule(tty, noColor, force)
}

// colorRule: NO_COLOR (not empty) turns colour off, FORCE_COLOR (but "0"
// or "false") on, else a terminal on stdout.
func colorRule(tty bool, noColor, force string) bool {
	switch {
	case noColor != "":
		return false
	case force != "":
		return force != "0" && force != "false"
	}
	return tty
}

// internal converts o; seed keys the card definitions' index.
func (o Options) internal(seed uint64) options {
	in := options{locale: o.Locale, format: o.Format, color: o.Color, maxSkew: defaultMaxSkew}
	if o.Cards != nil {
		in.cards = newCardDefs(seed)
		for id, d := range o.Cards {
			in.cards.set(id, d)
		}
	}
	if in.locale == "" {
		in.locale = LocaleEn
	}
	if o.Now != nil {
		in.hasNow, in.now = true, *o.Now
	}
	if o.MaxSkewSeconds != nil {
		in.maxSkew = *o.MaxSkewSeconds
	}
	in.seen = o.SeenActivateTickets
	return in
}

// ops maps operation names to their implementations.
// OpName returns the op that op spells: the Op constant when it is one,
// without allocating (the wasm guest reads the name from memory on every
// call, and an allocation there is dear), else string(op).
func OpName(op []byte) string {
	if name, _ := lookupOp(string(op)); name != "" {
		return name
	}
	return string(op)
}

func opFunc(op string) func(c *checker, payload int32) resultWriter {
	_, fn := lookupOp(op)
	return fn
}

// lookupOp is the one list of operations: each name's constant and its
// function, or nil. It returns constants only, so a name converted from
// bytes to call it never escapes (and is never allocated).
func lookupOp(op string) (string, func(c *checker, payload int32) resultWriter) {
	switch op {
	case OpValidateCardList:
		return OpValidateCardList, (*checker).opValidateCardList
	case OpBuildAddCard:
		return OpBuildAddCard, (*checker).opBuildAddCard
	case OpBuildOpenCard:
		return OpBuildOpenCard, (*checker).opBuildOpenCard
	case OpParseAddCardResult:
		return OpParseAddCardResult, (*checker).opParseAddCardResult
	case OpParseActivateURL:
		return OpParseActivateURL, (*checker).opParseActivateURL
	case OpValidateMemberCardLaunch:
		return OpValidateMemberCardLaunch, (*checker).opValidateMemberCardLaunch
	case OpParseReferrerInfo:
		return OpParseReferrerInfo, (*checker).opParseReferrerInfo
	case OpLint:
		return OpLint, (*checker).opLint
	case OpCLI:
		return OpCLI, nil
	}
	return "", nil
}

// resultWriter is what an operation returns: its typed result, able to write
// itself as JSON; nil when the operation has none.
type resultWriter interface {
	appendJSON(b []byte) []byte
}

// Call runs one operation on a JSON request {"payload":…,"options":{…}} and
// returns the JSON output {"ok":…,"diagnostics":[…],"result":…}. It never
// panics; every problem with the input is a diagnostic.
func Call(op string, input []byte) []byte {
	k := callers.Get().(*Caller)
	out := k.Call(op, input)
	// The output is the Caller's buffer, which the next call reuses: the
	// caller gets its own copy, and the Caller goes back to the pool.
	res := make([]byte, len(out))
	copy(res, out)
	callers.Put(k)
	return res
}

// callers are scratch Callers for Call: their buffers survive between
// calls, nothing else does (each call starts from prepare), so no caller
// of Call can observe another's.
var callers = sync.Pool{New: func() any { return new(Caller) }}

// Run is Call for Go callers: it returns the output as a value, with Result
// set to the operation's typed result (*AddCardOptions, *OpenCardOptions,
// *AddCardResult, *MemberCardLaunch, *ReferrerInfo) or nil.
func Run(op string, input []byte) Output {
	var k Caller
	c := k.prepare(input, limitFor(op))
	return c.output(c.request(op, input))
}

// Caller runs operations like Call but keeps its buffers from one call to
// the next, so a long-lived caller (the wasm guest holds one) allocates
// almost nothing per call. The bytes Call returns are valid until the next
// call. A Caller is not safe for concurrent use; its zero value is ready.
type Caller struct {
	t     tree
	c     checker
	opts  options
	out   []byte
	diags []Diagnostic // Call's scratch: encoded into out at once
}

// keepBytes bounds what a Caller holds on to between calls: after a larger
// request (a big lint run) its buffers are dropped rather than kept.
const keepBytes = 4 << 20

// SetSeed keys the hash the batch rules and the card definitions use to
// find equal keys; zero (the default) has the Caller pick a random seed on
// first use, from the Go runtime's random source. A seed must stay secret and
// be chosen at random: keys made to collide under a known seed make those
// rules slow. The wasm guest passes entropy from its host here, because the
// module's runtime state, random state included, is fixed at build time.
func (k *Caller) SetSeed(seed uint64) { k.c.seed = seed }

// Call runs op on input, as the package-level Call does.
func (k *Caller) Call(op string, input []byte) []byte {
	if op == OpCLI {
		k.out = k.cli(input)
	} else {
		c := k.prepare(input, limitFor(op))
		res := c.request(op, input)
		o := Output{OK: c.ok(), Diagnostics: c.appendDiagnostics(k.diags[:0]), Report: c.report}
		if res != nil {
			o.Result = res
		}
		k.out = appendOutput(k.out[:0], &o)
		k.diags = o.Diagnostics[:0]
	}
	out := k.out
	if cap(k.out) > keepBytes || cap(k.t.arena) > keepBytes || cap(k.diags) > MaxListed {
		*k = Caller{}
	}
	return out
}

func limitFor(op string) int {
	if op == OpLint {
		return MaxLintInput
	}
	return MaxInput
}

// prepare readies the caller's tree and checker for one call.
func (k *Caller) prepare(input []byte, limit int) *checker {
	k.t.reset(input[:min(len(input), limit)])
	k.opts = options{locale: LocaleEn, maxSkew: defaultMaxSkew}
	seed := k.c.seed
	if seed == 0 {
		seed = rand.Uint64() | 1
	}
	k.c = checker{t: &k.t, opts: &k.opts, findings: k.c.findings[:0], walk: k.c.walk[:0], cards: k.c.cards, keys: k.c.keys[:0], slots: k.c.slots, unknown: k.c.unknown[:0], seed: seed,
		listed: k.c.listed[:0], dropped: k.c.dropped[:0], listedErr: k.c.listedErr[:0], rootOf: k.c.rootOf[:0]}
	return &k.c
}

// request checks the request envelope and runs op on its payload; the
// findings are resolved when it returns.
func (c *checker) request(op string, input []byte) resultWriter {
	t := c.t
	limit := limitFor(op)
	req := t.addDoc(input, -1, -1)
	// Request-level problems are reported against the request text.
	t.docs[req].report = true
	if len(input) > limit {
		c.errorf(CodePayloadLimit, span{doc: req, off: int32(limit), len: int32(len(input) - limit)}, "", msgLimitSize, itoa(len(input)), itoa(limit))
		return c.finish(nil)
	}
	root, err := t.parse(req, maxDepth+1)
	if err != nil {
		c.syntax(req, err, "", msgInRequest)
		return c.finish(nil)
	}
	if t.nodes[root].kind != kindObject {
		c.errorf(CodeRequestInvalid, t.spanOf(root), "", msgReqNotObject, c.kindOf(root))
		return c.finish(nil)
	}
	payload, optsNode := int32(-1), int32(-1)
	var seen [2]bool
	for k := t.nodes[root].first; k >= 0; k = t.nodes[t.nodes[k].next].next {
		v := t.nodes[k].next
		key := t.val(k)
		switch string(key) {
		case "payload", "options":
			i := 0
			if string(key) == "options" {
				i = 1
				optsNode = v
			} else {
				payload = v
			}
			if seen[i] {
				c.errorf(CodeDuplicateKey, t.spanOf(k), "/"+string(key), msgDuplicateKey, quote(string(key)))
			}
			seen[i] = true
		default:
			c.errorf(CodeRequestInvalid, t.spanOf(k), ptr("", string(key)), msgReqUnknownKey, quote(string(key)))
		}
	}
	if optsNode >= 0 && t.nodes[optsNode].kind != kindNull {
		c.readOptions(optsNode, op)
	}
	fn := opFunc(op)
	if fn == nil {
		c.errorf(CodeRequestInvalid, noSpan, "", msgReqUnknownOp, quote(op))
	}
	if payload < 0 {
		c.errorf(CodeRequestInvalid, t.spanOf(root), "", msgReqNoPayload)
	}
	if len(c.findings) > 0 {
		return c.finish(nil)
	}
	t.docs[req].report = false
	return c.run(op, fn, payload)
}

// run runs op's fn on payload p and finishes: the findings resolved and,
// for lint with options.format, the report written. Call and the typed
// functions both end here.
func (c *checker) run(op string, fn func(*checker, int32) resultWriter, p int32) resultWriter {
	res := c.finish(fn(c, p))
	if op == OpLint && c.opts.format != "" {
		c.report = c.lintReport(c.opts.format)
	}
	return res
}

// finish resolves the findings (positions, order).
func (c *checker) finish(res resultWriter) resultWriter {
	c.resolve()
	return res
}

// output builds the Output value of a finished call.
func (c *checker) output(res resultWriter) Output {
	out := Output{OK: c.ok(), Diagnostics: c.diagnostics(), Report: c.report}
	if res != nil {
		out.Result = res
	}
	return out
}

// textPayload returns the node to check for a payload: a payload given as a
// JSON string is parsed as JSON text, and positions are reported against it.
// It returns -1 when that text is not JSON (the error is reported).
func (c *checker) textPayload(p int32) int32 {
	n := &c.t.nodes[p]
	if n.kind != kindString {
		return p
	}
	d := c.t.addDoc(c.t.valOf(n), n.doc, p)
	c.t.docs[d].report = true
	root, err := c.t.parse(d, maxDepth)
	if err != nil {
		c.syntax(d, err, "", msgInPayload)
		return -1
	}
	return root
}

// readOptions checks the options object and fills c.opts.
func (c *checker) readOptions(o int32, op string) {
	t := c.t
	if t.nodes[o].kind != kindObject {
		c.errorf(CodeRequestInvalid, t.spanOf(o), "/options", msgReqOptionsType, c.kindOf(o))
		return
	}
	opts := c.opts
	// The locale first, so every other message speaks it.
	if v := t.lookup(o, "locale"); v >= 0 {
		n := &t.nodes[v]
		switch {
		case n.kind == kindString && string(c.t.valOf(n)) == LocaleEn:
			opts.locale = LocaleEn
		case n.kind == kindString && string(c.t.valOf(n)) == LocaleZh:
			opts.locale = LocaleZh
		default:
			c.errorf(CodeRequestInvalid, t.spanOf(v), "/options/locale", msgOptLocale, c.excerpt(v))
		}
	}
	c.zh = opts.locale == LocaleZh
	t.members(o, func(k, v int32) {
		// The key as a string and its pointer only when there is something to
		// report: each is an allocation, which wasm makes dear.
		kb := t.val(k)
		path := func() string { return ptr("/options", string(kb)) }
		switch string(kb) {
		case "locale":
		case "cards":
			c.readCards(v)
		case "now", "maxSkewSeconds":
			key := string(kb)
			n, ok := t.wholeNumber(v)
			if !ok || (key == "maxSkewSeconds" && n < 0) {
				c.errorf(CodeRequestInvalid, t.spanOf(v), path(), msgOptInteger, key, c.excerpt(v))
				return
			}
			if key == "now" {
				if n >= 1e12 {
					// Date.now() in a build script: every timestamp would look skewed.
					c.errorf(CodeRequestInvalid, t.spanOf(v), path(), msgOptNowMillis, itoa64(n), itoa64(n/1000))
					return
				}
				opts.hasNow, opts.now = true, n
			} else {
				opts.maxSkew = n
			}
		case "format":
			n := &t.nodes[v]
			switch {
			case op != OpLint:
				c.errorf(CodeRequestInvalid, t.spanOf(k), path(), msgOptFormatOp)
			case n.kind == kindString && isFormat(string(c.t.valOf(n))):
				opts.format = string(c.t.valOf(n))
			default:
				c.errorf(CodeRequestInvalid, t.spanOf(v), path(), msgOptFormat, c.excerpt(v))
			}
		case "color":
			n := &t.nodes[v]
			switch {
			case op != OpLint:
				c.errorf(CodeRequestInvalid, t.spanOf(k), path(), msgOptColorOp)
			case n.kind == kindBool:
				opts.color = n.truth
			case n.kind == kindObject:
				opts.color = c.colorFromTerminal(v)
			default:
				c.errorf(CodeRequestInvalid, t.spanOf(v), path(), msgOptColor, c.kindOf(v))
			}
		case "seenActivateTickets":
			c.readSeenTickets(k, v, op, path)
		default:
			key := string(kb)
			if s := suggest(key, optionNames[:]); s != "" {
				c.errorf(CodeRequestInvalid, t.spanOf(k), path(), msgReqUnknownOptionHint, quote(key), s)
			} else {
				c.errorf(CodeRequestInvalid, t.spanOf(k), path(), msgReqUnknownOption, quote(key))
			}
		}
	})
}

var optionNames = [...]string{"locale", "cards", "now", "maxSkewSeconds", "format", "color", "seenActivateTickets"}

// readSeenTickets reads options.seenActivateTickets: the activate_tickets
// this app session already handled, which the dev guard keeps and passes so
// that parseReferrerInfo can report a replayed one.
func (c *checker) readSeenTickets(k, v int32, op string, path func() string) {
	t := c.t
	if op != OpParseReferrerInfo {
		c.errorf(CodeRequestInvalid, t.spanOf(k), path(), msgOptSeenTicketsOp)
		return
	}
	if t.nodes[v].kind != kindArray {
		c.errorf(CodeRequestInvalid, t.spanOf(v), path(), msgOptSeenTickets, c.excerpt(v))
		return
	}
	seen := make([]string, 0, t.count(v))
	for e := t.nodes[v].first; e >= 0; e = t.nodes[e].next {
		if t.nodes[e].kind != kindString {
			c.errorf(CodeRequestInvalid, t.spanOf(e), path(), msgOptSeenTickets, c.excerpt(e))
			return
		}
		seen = append(seen, string(t.val(e)))
	}
	c.opts.seen = seen
}

func isFormat(s string) bool {
	return s == "text" || s == "json" || s == "sarif" || s == "github"
}

// wholeNumber reads a JSON number written as an integer.
func (t *tree) wholeNumber(v int32) (int64, bool) {
	if t.nodes[v].kind != kindNumber {
		return 0, false
	}
	return parseInt(t.val(v))
}

// readCards reads options.cards: per cardId, the short definition or
// WeChat's card/get response.
func (c *checker) readCards(o int32) {
	if c.t.nodes[o].kind != kindObject {
		c.errorf(CodeRequestInvalid, c.t.spanOf(o), "/options/cards", msgOptCards, c.kindOf(o))
		return
	}
	c.opts.cards = c.readCardMap(o, "/options/cards")
}

// readCardMap reads an object of card definitions keyed by cardId; base is
// its pointer.
func (c *checker) readCardMap(o int32, base string) *cardDefs {
	t := c.t
	cards := newCardDefs(c.seed)
	t.members(o, func(k, v int32) {
		id := string(t.val(k))
		path := ptr(base, id)
		if t.nodes[v].kind != kindObject {
			c.errorf(CodeRequestInvalid, t.spanOf(v), path, msgOptCardDef, quote(id), c.kindOf(v))
			return
		}
		if raw := t.lookup(v, "card"); raw >= 0 {
			cards.set(id, c.readRawCard(id, raw, ptr(path, "card")))
		} else {
			cards.set(id, c.readShortCard(id, v, path))
		}
	})
	return cards
}

func (c *checker) readShortCard(id string, o int32, path string) CardDef {
	t := c.t
	var def CardDef
	t.members(o, func(k, v int32) {
		key := string(t.val(k))
		switch key {
		case "use_custom_code", "bind_openid":
			def = c.cardBool(def, id, key, v, ptr(path, key))
		case "date_type":
			if n := &t.nodes[v]; n.kind == kindNumber && numericDateType(t.valOf(n)) != "" {
				def.DateType = numericDateType(t.valOf(n))
				return
			}
			def = c.cardString(def, id, key, v, ptr(path, key))
		case "get_custom_code_mode":
			def = c.cardString(def, id, key, v, ptr(path, key))
		default:
			c.errorf(CodeRequestInvalid, t.spanOf(k), ptr(path, key), msgOptCardDefKey, quote(id), quote(key))
		}
	})
	return def
}

func (c *checker) cardBool(def CardDef, id, key string, v int32, path string) CardDef {
	n := &c.t.nodes[v]
	if n.kind != kindBool {
		c.errorf(CodeRequestInvalid, c.t.spanOf(v), path, msgOptCardDefBool, quote(id), key, c.kindOf(v))
		return def
	}
	b := n.truth
	if key == "use_custom_code" {
		def.UseCustomCode = &b
	} else {
		def.BindOpenID = &b
	}
	return def
}

func (c *checker) cardString(def CardDef, id, key string, v int32, path string) CardDef {
	n := &c.t.nodes[v]
	if n.kind != kindString {
		c.errorf(CodeRequestInvalid, c.t.spanOf(v), path, msgOptCardDefString, quote(id), key, c.kindOf(v))
		return def
	}
	if key == "date_type" {
		def.DateType = string(c.t.valOf(n))
	} else {
		def.GetCustomCodeMode = string(c.t.valOf(n))
	}
	return def
}

// cardGetBase finds a card/get response's card.<type>.base_info: typeName
// is card_type lowercased ("" when absent), key the member holding
// base_info (the one named by typeName, when given), base -1 when none.
func (c *checker) cardGetBase(card int32) (typeName, key string, base int32) {
	t := c.t
	if ct := t.lookup(card, "card_type"); ct >= 0 && t.nodes[ct].kind == kindString {
		typeName = lowerASCII(string(t.val(ct)))
	}
	base = -1
	t.members(card, func(k, v int32) {
		if base >= 0 || t.nodes[v].kind != kindObject || typeName != "" && string(t.val(k)) != typeName {
			return
		}
		if b := t.lookup(v, "base_info"); b >= 0 && t.nodes[b].kind == kindObject {
			key, base = string(t.val(k)), b
		}
	})
	return typeName, key, base
}

// readRawCard reduces a card/get response {"card":{"card_type":…,
// "<type>":{"base_info":{…}}}} to a CardDef.
func (c *checker) readRawCard(id string, card int32, path string) CardDef {
	t := c.t
	var def CardDef
	if t.nodes[card].kind != kindObject {
		c.errorf(CodeRequestInvalid, t.spanOf(card), path, msgOptCardDef, quote(id), c.kindOf(card))
		return def
	}
	typeName, key, base := c.cardGetBase(card)
	basePath := ptr(ptr(path, key), "base_info")
	if base < 0 {
		c.errorf(CodeRequestInvalid, t.spanOf(card), path, msgOptCardDefRaw, quote(id), typeName)
		return def
	}
	// card/get leaves out the booleans that are false (older replies do):
	// absent there means false, WeChat's default, so the rules apply.
	no := false
	def.UseCustomCode, def.BindOpenID = &no, &no
	for _, key := range [...]string{"use_custom_code", "bind_openid"} {
		if v := t.lookup(base, key); v >= 0 {
			def = c.cardBool(def, id, key, v, ptr(basePath, key))
		}
	}
	if v := t.lookup(base, "get_custom_code_mode"); v >= 0 {
		def = c.cardString(def, id, "get_custom_code_mode", v, ptr(basePath, "get_custom_code_mode"))
	}
	if di := t.lookup(base, "date_info"); di >= 0 && t.nodes[di].kind == kindObject {
		if v := t.lookup(di, "type"); v >= 0 {
			n := &t.nodes[v]
			switch {
			case n.kind == kindString:
				def.DateType = string(c.t.valOf(n))
			case n.kind == kindNumber:
				def.DateType = numericDateType(c.t.valOf(n))
			}
		}
	}
	return def
}

// numericDateType is the date type an older definition numbers: 1 is
// DATE_TYPE_FIX_TIME_RANGE, 2 DATE_TYPE_FIX_TERM; "" for another number.
func numericDateType(b []byte) string {
	switch string(b) {
	case "1":
		return "DATE_TYPE_FIX_TIME_RANGE"
	case "2":
		return dateFixTerm
	}
	return ""
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// quote writes s as a JSON string, for naming values inside messages.
func quote(s string) string {
	return string(appendString(nil, s))
}

// excerpt shows a value in a message: strings quoted, long ones cut.
func (c *checker) excerpt(v int32) string {
	n := &c.t.nodes[v]
	switch n.kind {
	case kindString:
		s := c.t.valOf(n)
		if len(s) > 60 {
			cut := 57
			for cut > 0 && s[cut]&0xC0 == 0x80 {
				cut--
			}
			return string(appendString(nil, string(s[:cut]))[:]) + "…"
		}
		return quote(string(s))
	case kindNumber:
		if len(c.t.valOf(n)) > 40 {
			return string(c.t.valOf(n)[:37]) + "…"
		}
		return string(c.t.valOf(n))
	case kindBool:
		if n.truth {
			return "true"
		}
		return "false"
	}
	return kindName(n.kind, c.zh)
}
