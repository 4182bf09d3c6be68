package card

import (
	"bytes"
	"unicode/utf8"
)

// A small JSON reader that keeps byte positions. It builds a flat tree of
// nodes in one slice and decodes escaped strings into one byte arena, so a
// valid payload costs a constant number of allocations whatever its size.
// encoding/json is not used: it loses positions, and its reflection weighs
// on the wasm module's size and speed.

type kind uint8

const (
	kindNull kind = iota + 1
	kindBool
	kindNumber
	kindString
	kindArray
	kindObject
)

func (k kind) String() string {
	switch k {
	case kindNull:
		return "null"
	case kindBool:
		return "boolean"
	case kindNumber:
		return "number"
	case kindString:
		return "string"
	case kindArray:
		return "array"
	case kindObject:
		return "object"
	}
	return "nothing"
}

// node is one JSON value (or object key). Children of a container are linked
// through next; in an object they alternate key, value.
type node struct {
	kind    kind
	truth   bool  // the value of a boolean
	escaped bool  // a string whose raw text differs from its value
	inArena bool  // the value's bytes are in the arena, not the document
	doc     int32 // the document (text) the node was read from
	start   int32 // byte span of the value's text in its document
	end     int32
	first   int32 // first child, or -1
	next    int32 // next sibling, or -1
	voff    int32 // the value's bytes: a string's decoded value, a number's text
	vlen    int32
}

// The node slice holds no pointers, so the garbage collector never scans it
// and appending to it needs no write barriers.

// val returns the bytes of a string's value or a number's text.
func (t *tree) val(n int32) []byte { return t.valOf(&t.nodes[n]) }

func (t *tree) valOf(n *node) []byte {
	if n.inArena {
		return t.arena[n.voff : n.voff+n.vlen : n.voff+n.vlen]
	}
	return t.docs[n.doc].text[n.voff : n.voff+n.vlen : n.voff+n.vlen]
}

// document is one text that was parsed: the request, a payload given as
// text, a cardExt string, a lint file. A document read from a string value
// of another one knows that string node, to map positions back through its
// escapes.
type document struct {
	text   []byte
	parent int32 // document holding the string this one was decoded from, or -1
	holder int32 // the string node in parent, or -1
	root   int32 // the parsed value, or -1
	report bool  // positions are reported relative to this document
	file   string
	// base orders a document without a parent among others (a cli run's
	// files): its findings sort after those of documents of lower base.
	base int32
}

type tree struct {
	docs  []document
	nodes []node
	arena []byte
	// suspect is set while parsing when a key is a secret's name or a
	// string carries a query parameter: only then is the tree walked for
	// secrets, path by path.
	suspect bool
}

// newTree sizes the node slice from the input's colons and commas (a colon
// is a key and a value, a comma one more element, also inside cardExt
// strings, which become nodes too), so a call allocates it once.
func newTree(input []byte) *tree {
	t := &tree{}
	t.reset(input)
	return t
}

// reset readies t for input, keeping its buffers when they are big enough:
// a warm Caller sized for inputs this long skips the counting pass (cheap
// natively, not in wasm) and lets the node slice grow if it must.
func (t *tree) reset(input []byte) {
	if cap(t.arena) < len(input)+64 {
		// A colon is a key and its value; a comma may be one more element.
		n := 2*bytes.Count(input, []byte{':'}) + bytes.Count(input, []byte{','}) + 16
		t.nodes = make([]node, 0, n)
		t.arena = make([]byte, 0, len(input)+64)
	} else {
		t.nodes = t.nodes[:0]
		t.arena = t.arena[:0]
	}
	if t.docs == nil {
		t.docs = make([]document, 0, 4)
	}
	t.docs = t.docs[:0]
	t.suspect = false
}

// syntaxError is where and why a text is not JSON.
type syntaxError struct {
	off, length int
	msg         msgID
	arg         string
	limit       bool // nesting too deep: payload-limit, not json-syntax
}

const maxDepth = 64

// addDoc registers a text and returns its index.
func (t *tree) addDoc(text []byte, parent, holder int32) int32 {
	file := ""
	if parent >= 0 {
		file = t.docs[parent].file
	}
	t.docs = append(t.docs, document{text: text, parent: parent, holder: holder, root: -1, file: file})
	d := int32(len(t.docs) - 1)
	return d
}

// parse reads the whole of document d as one JSON value and returns its
// node, or a syntax error. depth is how many levels the value may nest.
func (t *tree) parse(d int32, depth int) (int32, *syntaxError) {
	p := parser{t: t, doc: d, text: t.docs[d].text, maxDepth: depth}
	p.skipSpace()
	if p.pos == 0 && len(p.text) >= 3 && p.text[0] == 0xEF && p.text[1] == 0xBB && p.text[2] == 0xBF {
		return -1, &syntaxError{off: 0, length: 3, msg: msgSynBOM}
	}
	n := p.value()
	if p.err != nil {
		return -1, p.err
	}
	p.skipSpace()
	if p.pos < len(p.text) {
		return -1, p.fail(p.pos, 1, msgSynTrailing, "")
	}
	t.docs[d].root = n
	return n, nil
}

type parser struct {
	t        *tree
	doc      int32
	text     []byte
	pos      int
	depth    int
	maxDepth int
	err      *syntaxError
}

// fail records the first syntax error. It is never inlined: it is cold, and
// every copy would swell the parser's hot functions (see str).
//
//go:noinline
func (p *parser) fail(off, length int, msg msgID, arg string) *syntaxError {
	if off+length > len(p.text) {
		length = len(p.text) - off
	}
	p.err = &syntaxError{off: off, length: length, msg: msg, arg: arg}
	return p.err
}

func (p *parser) skipSpace() {
	for p.pos < len(p.text) {
		switch p.text[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

// push appends a node of kind k whose text is [start, end) and whose value
// is [voff, voff+vlen); the flags are false. It takes fields, not a node:
// Go's wasm backend copies a struct over 16 bytes with memory.copy (and
// zeroes one over 32 with memory.fill), which wazero runs as calls into the
// Go runtime.
func (p *parser) push(k kind, start, end, voff, vlen int) int32 {
	p.t.nodes = append(p.t.nodes, node{}) // zeroed in place: four stores
	n := len(p.t.nodes) - 1
	d := &p.t.nodes[n]
	d.kind, d.doc, d.start, d.end = k, p.doc, int32(start), int32(end)
	d.first, d.next, d.voff, d.vlen = -1, -1, int32(voff), int32(vlen)
	return int32(n)
}

func (p *parser) value() int32 {
	if p.pos >= len(p.text) {
		p.fail(p.pos, 0, msgSynEOF, "")
		return -1
	}
	c := p.text[p.pos]
	switch {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return p.literal("true", kindBool, true)
	case c == 'f':
		return p.literal("false", kindBool, false)
	case c == 'n':
		return p.literal("null", kindNull, false)
	}
	p.unexpected()
	return -1
}

// str reads the string token at pos (a '"'). Most strings are plain (no
// escape, no '=', ASCII): they are scanned a word at a time and pushed here;
// the rest go to strEscaped. A small function of its own, called directly
// for keys and string values, because wazero keeps a small function's loop
// in registers but spills those of a loop inside a large one on every
// iteration, and a call into a large function (value) costs more.
func (p *parser) str() int32 {
	t := p.text
	start := p.pos
	// The loops walk a shrinking slice, which the compiler proves in
	// bounds: no bounds checks inside them.
	rest := t[start+1:]
	for len(rest) >= 8 {
		if m := strStops(loadWord(rest)); m != 0 {
			rest = rest[firstFlag(m):]
			break
		}
		rest = rest[8:]
	}
	for len(rest) > 0 && strClass[rest[0]] == 0 {
		rest = rest[1:]
	}
	i := len(t) - len(rest)
	if len(rest) > 0 && rest[0] == '"' {
		p.pos = i + 1
		return p.push(kindString, start, i+1, start+1, i-start-1)
	}
	n := p.strEscaped(start, i)
	if n >= 0 && !p.t.suspect && p.t.nodes[n].truth && secretInValue(p.t.val(n)) != "" {
		p.t.suspect = true
	}
	return n
}

// unexpected explains the byte at pos, naming the usual non-JSON habits.
func (p *parser) unexpected() {
	rest := p.text[p.pos:]
	switch {
	case hasWordPrefix(rest, "NaN"), hasWordPrefix(rest, "Infinity"), hasWordPrefix(rest, "-Infinity"), hasWordPrefix(rest, "+Infinity"):
		n := 3
		for n < len(rest) && isWordByte(rest[n]) {
			n++
		}
		p.fail(p.pos, n, msgSynNaN, string(rest[:n]))
	case hasWordPrefix(rest, "undefined"):
		p.fail(p.pos, 9, msgSynUndefined, "")
	case rest[0] == '\'':
		p.fail(p.pos, 1, msgSynSingleQuote, "")
	case rest[0] == '/' && len(rest) > 1 && (rest[1] == '/' || rest[1] == '*'):
		p.fail(p.pos, 2, msgSynComment, "")
	case rest[0] == '}' || rest[0] == ']':
		p.fail(p.pos, 1, msgSynTrailingComma, string(rest[:1]))
	case rest[0] >= 0x80:
		r, size := utf8.DecodeRune(rest)
		if r == utf8.RuneError && size <= 1 {
			p.fail(p.pos, 1, msgSynUTF8, "")
			return
		}
		p.fail(p.pos, size, msgSynUnexpected, string(rest[:size]))
	case rest[0] < 0x20 || rest[0] == 0x7f:
		p.fail(p.pos, 1, msgSynUnexpected, quoteByte(rest[0]))
	case isWordByte(rest[0]):
		n := 1
		for n < len(rest) && n < 32 && isWordByte(rest[n]) {
			n++
		}
		p.fail(p.pos, n, msgSynBareWord, string(rest[:n]))
	default:
		p.fail(p.pos, 1, msgSynUnexpected, string(rest[:1]))
	}
}

func hasWordPrefix(b []byte, w string) bool {
	if len(b) < len(w) || string(b[:len(w)]) != w {
		return false
	}
	return len(b) == len(w) || !isWordByte(b[len(w)])
}

func isWordByte(c byte) bool {
	return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

func quoteByte(c byte) string {
	const hex = "0123456789ABCDEF"
	return string([]byte{'0', 'x', hex[c>>4], hex[c&15]})
}

func (p *parser) literal(word string, k kind, truth bool) int32 {
	if !hasWordPrefix(p.text[p.pos:], word) {
		p.unexpected()
		return -1
	}
	start := p.pos
	p.pos += len(word)
	n := p.push(k, start, p.pos, 0, 0)
	p.t.nodes[n].truth = truth
	return n
}

func (p *parser) number() int32 {
	start := p.pos
	t := p.text
	i := p.pos
	if t[i] == '-' {
		i++
		if i < len(t) && t[i] == 'I' {
			p.unexpected()
			return -1
		}
	}
	switch {
	case i < len(t) && t[i] == '0':
		i++
		if i < len(t) && t[i] >= '0' && t[i] <= '9' {
			p.fail(start, i+1-start, msgSynLeadingZero, "")
			return -1
		}
	case i < len(t) && t[i] >= '1' && t[i] <= '9':
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
	default:
		p.fail(start, i-start+1, msgSynNumber, "")
		return -1
	}
	if i < len(t) && t[i] == '.' {
		i++
		if i >= len(t) || t[i] < '0' || t[i] > '9' {
			p.fail(start, i-start, msgSynNumber, "")
			return -1
		}
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		if i >= len(t) || t[i] < '0' || t[i] > '9' {
			p.fail(start, i-start, msgSynNumber, "")
			return -1
		}
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
		}
	}
	if i < len(t) && (isWordByte(t[i]) || t[i] == '.') {
		// 0x10, 1.2.3, 12abc: one bad token, not a number and a stray word.
		j := i
		for j < len(t) && (isWordByte(t[j]) || t[j] == '.') {
			j++
		}
		p.fail(start, j-start, msgSynNumber, "")
		return -1
	}
	p.pos = i
	return p.push(kindNumber, start, i, start, i-start)
}

// strEscaped reads the rest of a string token that is not plain (see
// value): start is its opening quote, i its first byte that is not plain.
// An escaped string is decoded into the arena; one that is only not ASCII
// or holds '=' or '%' (a query parameter, perhaps a secret: see
// scanSecrets) keeps pointing into the text. truth marks a string that
// secretInValue must read: one with '=', '%' or an escaped line break.
func (p *parser) strEscaped(start, i int) int32 {
	t := p.text
	eq := false
	// The decoded string is never longer than what is left of the text, so
	// room is made once and bytes are written by index.
	a := p.t.arena
	mark := len(a)
	// Eight bytes of slack let plain runs be copied a word at a time.
	if need := mark + len(t) - start + 8; cap(a) < need {
		grown := make([]byte, mark, need+need/4)
		copy(grown, a)
		a = grown
	}
	buf := a[:cap(a)]
	w := mark + copy(buf[mark:], t[start+1:i])
	escaped := false
	for {
		// copyRun copies the plain run and decodes the \" within it (a
		// cardExt given as a string is mostly those); the switch below
		// takes the stop that ends it, which near the end of the text may
		// be a \" too.
		r, n, q := copyRun(buf[w:], t[i:])
		i, w, escaped = i+r, w+n, escaped || q
		if i >= len(t) {
			p.fail(start, i-start, msgSynUnterminated, "")
			return -1
		}
		c := t[i]
		switch {
		case c == '"':
			p.pos = i + 1
			var n int32
			if escaped {
				p.t.arena = buf[:w]
				n = p.push(kindString, start, i+1, mark, w-mark)
				p.t.nodes[n].escaped, p.t.nodes[n].inArena = true, true
			} else {
				p.t.arena = buf[:mark]
				n = p.push(kindString, start, i+1, start+1, i-start-1)
			}
			p.t.nodes[n].truth = eq
			return n
		case c == '\\':
			escaped = true
			if i+1 >= len(t) {
				p.fail(start, i+1-start, msgSynUnterminated, "")
				return -1
			}
			e := t[i+1]
			switch e {
			case '"', '\\', '/':
			case 'b':
				e = '\b'
			case 'f':
				e = '\f'
			case 'n':
				e = '\n'
				eq = true // lines: perhaps a PEM private key
			case 'r':
				e = '\r'
			case 't':
				e = '\t'
			case 'u':
				r, n, bad := readUnicodeEscape(t[i:])
				if bad != 0 {
					p.fail(i, n, bad, "")
					return -1
				}
				w += utf8.EncodeRune(buf[w:], r)
				i += n
				continue
			default:
				p.fail(i, 2, msgSynEscape, string(rune(e)))
				return -1
			}
			buf[w] = e
			w++
			i += 2
		case c < 0x20:
			p.fail(i, 1, msgSynControl, quoteByte(c))
			return -1
		case c == '=' || c == '%':
			eq = true
			buf[w] = c
			w++
			i++
		default:
			r, size := utf8.DecodeRune(t[i:])
			if r == utf8.RuneError && size <= 1 {
				p.fail(i, 1, msgSynUTF8, "")
				return -1
			}
			for k := 0; k < size; k++ {
				buf[w] = t[i+k]
				w++
			}
			i += size
		}
	}
}

// copyRun copies the plain run at the start of src into dst, decoding each
// \" on the way (a cardExt given as a string is mostly that), a word at a
// time: eight bytes are copied, those before the first stop kept. It
// returns the bytes read and written and whether it decoded any; it stops
// at any other stop, and at a \" among the last seven bytes. dst must have
// 8 bytes of slack past the run. A function of its own, as str is.
//
//go:noinline
func copyRun(dst, src []byte) (read, written int, decoded bool) {
	s, d := src, dst
	for len(s) >= 8 && len(d) >= 8 {
		x := loadWord(s)
		store64(d, x)
		m := strStops(x)
		if m == 0 {
			s, d = s[8:], d[8:]
			continue
		}
		n := firstFlag(m)
		s, d = s[n:], d[n:]
		if len(s) < 2 || len(d) < 1 || s[0] != '\\' || s[1] != '"' {
			return len(src) - len(s), len(dst) - len(d), decoded
		}
		decoded = true
		d[0] = '"'
		s, d = s[2:], d[1:]
	}
	for len(s) > 0 && len(d) > 0 && strClass[s[0]] == 0 {
		d[0] = s[0]
		s, d = s[1:], d[1:]
	}
	return len(src) - len(s), len(dst) - len(d), decoded
}

// strClass marks the bytes that end a plain run inside a string: the
// quote, the backslash, control characters, the start of UTF-8 sequences,
// and '=' or '%' (a query parameter, perhaps percent-encoded, perhaps a
// secret: see scanSecrets).
var strClass = func() (t [256]uint8) {
	for c := range t {
		if c == '"' || c == '\\' || c == '=' || c == '%' || c < 0x20 || c >= 0x80 {
			t[c] = 1
		}
	}
	return
}()

// readUnicodeEscape reads \uXXXX (and a following low surrogate) at the
// start of b. It returns the rune, the bytes used, and a message when bad.
func readUnicodeEscape(b []byte) (rune, int, msgID) {
	r, ok := hex4(b)
	if !ok {
		n := 2
		for n < 6 && n < len(b) && isHex(b[n]) {
			n++
		}
		return 0, n, msgSynUnicode
	}
	if r >= 0xD800 && r < 0xDC00 {
		if len(b) >= 12 && b[6] == '\\' && b[7] == 'u' {
			if lo, ok := hex4(b[6:]); ok && lo >= 0xDC00 && lo < 0xE000 {
				return 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00), 12, 0
			}
		}
		return 0, 6, msgSynSurrogate
	}
	if r >= 0xDC00 && r < 0xE000 {
		return 0, 6, msgSynSurrogate
	}
	return r, 6, 0
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 6 {
		return 0, false
	}
	var r rune
	for _, c := range b[2:6] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func (p *parser) enter() bool {
	p.depth++
	if p.depth > p.maxDepth {
		p.tooDeep()
		return false
	}
	return true
}

// tooDeep reports nesting past maxDepth: payload-limit, not json-syntax.
//
//go:noinline
func (p *parser) tooDeep() {
	p.fail(p.pos, 1, msgLimitDepth, "")
	p.err.limit = true
}

func (p *parser) array() int32 {
	self, empty := p.open(kindArray, ']')
	if self < 0 {
		return -1
	}
	for last := int32(-1); !empty; {
		v := p.value()
		if v < 0 {
			return -1
		}
		p.link(self, last, v)
		last = v
		if p.comma() {
			continue
		}
		more, ok := p.next(']', msgSynEOFArray, msgSynArraySep)
		if !ok {
			return -1
		}
		empty = !more
	}
	return p.close(self)
}

func (p *parser) object() int32 {
	self, empty := p.open(kindObject, '}')
	if self < 0 {
		return -1
	}
	for last := int32(-1); !empty; {
		if p.pos >= len(p.text) {
			p.fail(p.pos, 0, msgSynEOFObject, "")
			return -1
		}
		if p.text[p.pos] != '"' {
			p.unexpectedKey()
			return -1
		}
		// Strings, keys and values, are read by str directly, not through
		// value: in wasm a call into a large function is dear (see str).
		k := p.str()
		if k < 0 {
			return -1
		}
		if !p.t.suspect {
			if kv := p.t.val(k); mayBeSecretKey(kv) && isSecretKey(kv) {
				p.t.suspect = true
			}
		}
		p.skipSpace()
		if p.pos >= len(p.text) || p.text[p.pos] != ':' {
			p.noColon()
			return -1
		}
		p.pos++
		p.skipSpace()
		var v int32
		if p.pos < len(p.text) && p.text[p.pos] == '"' {
			v = p.str()
		} else {
			v = p.value()
		}
		if v < 0 {
			return -1
		}
		p.link(self, last, k)
		p.t.nodes[k].next = v
		last = v
		if p.comma() {
			continue
		}
		more, ok := p.next('}', msgSynEOFObject, msgSynObjectSep)
		if !ok {
			return -1
		}
		empty = !more
	}
	return p.close(self)
}

// open starts the array or object whose bracket is at pos and reads up to
// its first member; empty when closer follows at once (read too). self is
// -1 when the value nests too deep (reported).
func (p *parser) open(k kind, closer byte) (self int32, empty bool) {
	if !p.enter() {
		return -1, false
	}
	start := p.pos
	self = p.push(k, start, start, 0, 0)
	p.pos++
	p.skipSpace()
	if p.pos < len(p.text) && p.text[p.pos] == closer {
		p.pos++
		return self, true
	}
	return self, false
}

// close ends the array or object self at pos.
func (p *parser) close(self int32) int32 {
	p.depth--
	p.t.nodes[self].end = int32(p.pos)
	return self
}

// comma reads the ',' of compact JSON (a value follows at once), as next
// would but small enough to inline: the loops of array and object check it
// first and call next only for anything else.
func (p *parser) comma() bool {
	if p.pos+1 < len(p.text) && p.text[p.pos] == ',' && p.text[p.pos+1] > ' ' {
		p.pos++
		return true
	}
	return false
}

// next reads what follows an element or member: a comma (more to come) or
// the closing bracket (done); anything else, or the end, is reported.
func (p *parser) next(closer byte, eof, sep msgID) (more, ok bool) {
	p.skipSpace()
	if p.pos >= len(p.text) {
		p.fail(p.pos, 0, eof, "")
		return false, false
	}
	switch p.text[p.pos] {
	case closer:
		p.pos++
		return false, true
	case ',':
		p.pos++
		p.skipSpace()
		return true, true
	}
	p.separator(sep)
	return false, false
}

// separator reports what stands where ',' or a closing bracket belongs.
func (p *parser) separator(msg msgID) {
	rest := p.text[p.pos:]
	if rest[0] == '/' && len(rest) > 1 && (rest[1] == '/' || rest[1] == '*') {
		p.fail(p.pos, 2, msgSynComment, "")
		return
	}
	p.fail(p.pos, 1, msg, describeByte(rest))
}

// unexpectedKey reports what stands where an object key belongs.
func (p *parser) unexpectedKey() {
	rest := p.text[p.pos:]
	switch c := rest[0]; {
	case c == '}':
		p.fail(p.pos, 1, msgSynTrailingComma, "}")
	case c == '\'':
		p.fail(p.pos, 1, msgSynSingleQuote, "")
	case isWordByte(c):
		n := 1
		for n < len(rest) && n < 64 && isWordByte(rest[n]) {
			n++
		}
		p.fail(p.pos, n, msgSynUnquotedKey, string(rest[:n]))
	case c == '/' && len(rest) > 1 && (rest[1] == '/' || rest[1] == '*'):
		p.fail(p.pos, 2, msgSynComment, "")
	default:
		p.fail(p.pos, 1, msgSynKey, describeByte(rest))
	}
}

// noColon reports what stands where a key's ':' belongs.
func (p *parser) noColon() {
	if p.pos >= len(p.text) {
		p.fail(p.pos, 0, msgSynEOFObject, "")
		return
	}
	p.fail(p.pos, 1, msgSynColon, describeByte(p.text[p.pos:]))
}

// link appends child v to container self after last.
func (p *parser) link(self, last, v int32) {
	if last < 0 {
		p.t.nodes[self].first = v
	} else {
		p.t.nodes[last].next = v
	}
}

// describeByte names the character at the start of b for a message.
func describeByte(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if b[0] < 0x20 || b[0] == 0x7f {
		return quoteByte(b[0])
	}
	r, size := utf8.DecodeRune(b)
	if r == utf8.RuneError && size <= 1 {
		return quoteByte(b[0])
	}
	return string(b[:size])
}

// count returns the number of elements of an array or members of an
// object.
func (t *tree) count(o int32) int {
	n := 0
	for k := t.nodes[o].first; k >= 0; k = t.nodes[k].next {
		n++
	}
	if t.nodes[o].kind == kindObject {
		n /= 2
	}
	return n
}

// members calls fn for each key/value of object o, in order.
func (t *tree) members(o int32, fn func(k, v int32)) {
	for k := t.nodes[o].first; k >= 0; {
		v := t.nodes[k].next
		fn(k, v)
		k = t.nodes[v].next
	}
}

// lookup returns the value of the last member named key in object o, or -1
// (JavaScript's JSON.parse also keeps the last of duplicate keys).
func (t *tree) lookup(o int32, key string) int32 {
	found := int32(-1)
	for k := t.nodes[o].first; k >= 0; {
		v := t.nodes[k].next
		if string(t.val(k)) == key {
			found = v
		}
		k = t.nodes[v].next
	}
	return found
}
