package card

import (
	"strings"
)

// finding is a diagnostic before positions are resolved.
type finding struct {
	code string
	sev  Severity
	path string
	msg  string
	at   span
	seq  int // emission order, the last tie-breaker
	// resolved
	key     int32 // offset in the request text, the sort key
	rep     span  // span in the report document, or noSpan
	line    int32 // of the span's start
	col     int32
	endLine int32 // of the span's end
	endCol  int32
}

// checker carries one operation's state: the parsed texts, the options and
// the findings. It lives for one call.
type checker struct {
	t        *tree
	opts     *options
	zh       bool
	findings []finding
	walk     []step // the path of the secret scan, a stack
	lint     *lintState
	report   string // lint's formatted report
	cards    []card // reused across calls by a Caller
	keys     []pairKey
	slots    []int32 // repeats' table
	unknown  []int32 // readExt's unknown keys, reported after the loop
	seed     uint64  // keys hashText; see Caller.SetSeed
	// Per document (index: document + 1, 0 for none): findings recorded,
	// findings dropped past MaxListed, and whether an error is recorded.
	listed    []int32
	dropped   []int32
	listedErr []bool
	// The secret scan's index of decoded documents (see decodedRoot).
	rootOf   []int32
	rootSeen int
}

// cardBuf returns an empty card slice of capacity n, reusing the caller's.
// A lint run reads several lists; each gets the buffer only when it is free.
func (c *checker) cardBuf(n int) []card {
	if cap(c.cards) >= n {
		b := c.cards[:0]
		c.cards = nil
		return b
	}
	return make([]card, 0, n)
}

// add records a finding. path is a string or a pathLoc; it is rendered
// here, so checks that find nothing never build a pointer.
func (c *checker) add(code string, sev Severity, at span, path any, msg msgID, args ...string) {
	if !c.admit(at, sev) {
		return
	}
	var p string
	switch v := path.(type) {
	case string:
		p = v
	case pathLoc:
		p = v.String()
	}
	c.findings = append(c.findings, finding{code: code, sev: sev, path: p, msg: format(msg, c.zh, args...), at: at, seq: len(c.findings)})
}

// MaxListed is how many diagnostics one document lists at most; the rest
// are counted in one diagnostics-truncated. A document is a lint file, or a
// call's payload.
const MaxListed = 1000

// admit counts a finding against its document's cap and says whether to
// record it. Past the cap only the count grows (no path, no message), so
// many findings cost little memory. An error is still recorded while its
// document lists none, so ok stays false exactly when an error is listed.
func (c *checker) admit(at span, sev Severity) bool {
	g := int(c.groupOf(at)) + 1
	for len(c.listed) <= g {
		c.listed = append(c.listed, 0)
		c.dropped = append(c.dropped, 0)
		c.listedErr = append(c.listedErr, false)
	}
	if c.listed[g] >= MaxListed && (sev != SeverityError || c.listedErr[g]) {
		c.dropped[g]++
		return false
	}
	c.listed[g]++
	if sev == SeverityError {
		c.listedErr[g] = true
	}
	return true
}

// groupOf is the document a finding at s counts against: the report
// document holding it, or -1 (the call's own).
func (c *checker) groupOf(s span) int32 {
	d := s.doc
	for d >= 0 && !c.t.docs[d].report {
		d = c.t.docs[d].parent
	}
	return d
}

// truncations adds one diagnostics-truncated per document that dropped
// findings, at the document's end.
func (c *checker) truncations() {
	for g, n := range c.dropped {
		if n == 0 {
			continue
		}
		// At the end of the document, so it is listed last; a call's own
		// findings end with the request text.
		d := g - 1
		if d < 0 && len(c.t.docs) > 0 {
			d = 0
		}
		at := noSpan
		if d >= 0 {
			at = span{doc: int32(d), off: int32(len(c.t.docs[d].text))}
		}
		c.findings = append(c.findings, finding{code: CodeDiagnosticsTruncated, sev: SeverityInfo,
			msg: format(msgDiagnosticsTruncated, c.zh, itoa(int(n)), itoa(MaxListed)), at: at, seq: len(c.findings)})
		c.dropped[g] = 0
	}
}

func (c *checker) errorf(code string, at span, path any, msg msgID, args ...string) {
	c.add(code, SeverityError, at, path, msg, args...)
}

func (c *checker) warnf(code string, at span, path any, msg msgID, args ...string) {
	c.add(code, SeverityWarning, at, path, msg, args...)
}

func (c *checker) infof(code string, at span, path any, msg msgID, args ...string) {
	c.add(code, SeverityInfo, at, path, msg, args...)
}

func (c *checker) node(n int32) *node { return &c.t.nodes[n] }

func (c *checker) kindOf(n int32) string { return kindName(c.t.nodes[n].kind, c.zh) }

// syntax reports a syntax or limit error of document d, read as the text at
// path; where says which text it was (msgInRequest, msgInPayload, …).
func (c *checker) syntax(d int32, e *syntaxError, path any, where msgID) {
	c.syntaxAs(CodeJSONSyntax, d, e, path, where)
}

// syntaxAs is syntax reported under code (lint-file-invalid for a named
// file that is not JSON).
func (c *checker) syntaxAs(code string, d int32, e *syntaxError, path any, where msgID) {
	at := span{doc: d, off: int32(e.off), len: int32(e.length)}
	if e.limit {
		c.errorf(CodePayloadLimit, at, path, msgLimitDepth)
		return
	}
	inner := e.msg
	if inner == msgSynEOF && len(trimASCII(string(c.t.docs[d].text))) == 0 {
		inner = msgSynEmpty
	}
	c.errorf(code, at, path, where, format(inner, c.zh, e.arg))
}

// resolve maps every finding to the request text (for ordering) and to its
// report document (for offset, line and column), then sorts them.
func (c *checker) resolve() {
	t := c.t
	c.truncations()
	if len(c.findings) == 0 {
		return // a clean call allocates nothing here
	}
	// Every finding climbs from its document to the request text, all of
	// them one level at a time (upAll maps a level's spans in one pass per
	// string, so cost stays linear in the findings and the text).
	cur := make([]span, len(c.findings))
	active := make([]int, 0, len(c.findings))
	for i := range c.findings {
		f := &c.findings[i]
		f.rep = noSpan
		cur[i] = f.at
		if f.at.doc >= 0 {
			active = append(active, i)
		}
	}
	for len(active) > 0 {
		next := active[:0]
		for _, i := range active {
			f, s := &c.findings[i], cur[i]
			if t.docs[s.doc].report && f.rep.doc < 0 {
				f.rep = s
			}
			if t.docs[s.doc].parent < 0 {
				f.key = t.docs[s.doc].base + s.off
				continue
			}
			next = append(next, i)
		}
		if len(next) == 0 {
			break
		}
		t.upAll(cur, next)
		active = next
	}
	fs := c.findings
	sortStable(len(fs), func(i, j int) bool {
		if fs[i].key != fs[j].key {
			return fs[i].key < fs[j].key
		}
		return fs[i].code < fs[j].code
	}, func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
	// Lines and columns: one sweep per report document, over its findings
	// only (bucketed first, so many documents cost no more than one).
	byDoc := make([]int, len(c.findings))
	for i := range byDoc {
		byDoc[i] = i
	}
	docKey := make([]int64, len(fs))
	for i := range fs {
		docKey[i] = int64(fs[i].rep.doc)
	}
	sortByKey(byDoc, docKey)
	for g := 0; g < len(byDoc); {
		d := fs[byDoc[g]].rep.doc
		e := g + 1
		for e < len(byDoc) && fs[byDoc[e]].rep.doc == d {
			e++
		}
		idx := byDoc[g:e]
		g = e
		if d < 0 {
			continue
		}
		// Starts and ends, sorted together, in one sweep.
		type mark struct {
			off int32
			at  int // finding index*2, +1 for the end
		}
		marks := make([]mark, 0, 2*len(idx))
		for _, i := range idx {
			r := c.findings[i].rep
			marks = append(marks, mark{r.off, 2 * i}, mark{r.off + r.len, 2*i + 1})
		}
		sortStable(len(marks), func(i, j int) bool { return marks[i].off < marks[j].off },
			func(i, j int) { marks[i], marks[j] = marks[j], marks[i] })
		offs := make([]int32, len(marks))
		for k, m := range marks {
			offs[k] = m.off
		}
		lines := make([]int32, len(marks))
		cols := make([]int32, len(marks))
		lineCol(t.docs[d].text, offs, lines, cols)
		for k, m := range marks {
			f := &c.findings[m.at/2]
			if m.at%2 == 0 {
				f.line, f.col = lines[k], cols[k]
			} else {
				f.endLine, f.endCol = lines[k], cols[k]
			}
		}
	}
}

// diagnostics returns the resolved findings as public diagnostics.
func (c *checker) diagnostics() []Diagnostic {
	return c.appendDiagnostics(make([]Diagnostic, 0, len(c.findings)))
}

// appendDiagnostics appends the findings as diagnostics to out.
func (c *checker) appendDiagnostics(out []Diagnostic) []Diagnostic {
	for i := range c.findings {
		out = append(out, c.diagnostic(i))
	}
	return out
}

func (c *checker) diagnostic(i int) Diagnostic {
	f := &c.findings[i]
	d := Diagnostic{Code: f.code, Severity: f.sev, Path: f.path, Message: f.msg}
	if f.rep.doc >= 0 {
		d.Offset, d.Length, d.Line, d.Column = int(f.rep.off), int(f.rep.len), int(f.line), int(f.col)
		d.File = c.t.docs[f.rep.doc].file
	}
	return d
}

func (c *checker) ok() bool {
	for _, f := range c.findings {
		if f.sev == SeverityError {
			return false
		}
	}
	return true
}

// JSON pointers (RFC 6901).

func ptr(parent, key string) string {
	if strings.IndexByte(key, '~') < 0 && strings.IndexByte(key, '/') < 0 {
		return parent + "/" + key
	}
	b := append(make([]byte, 0, len(parent)+len(key)+4), parent...)
	b = append(b, '/')
	for i := 0; i < len(key); i++ {
		switch key[i] {
		case '~':
			b = append(b, '~', '0')
		case '/':
			b = append(b, '~', '1')
		default:
			b = append(b, key[i])
		}
	}
	return string(b)
}

func ptrIndex(parent string, i int) string {
	return parent + "/" + itoa(i)
}

// pathLoc is a JSON pointer not yet written out: base, then /idx when idx
// is not negative, then sub (already pointer text), then /key escaped.
type pathLoc struct {
	base   string
	idx    int
	sub    string
	key    string
	hasKey bool
}

func (p pathLoc) String() string {
	s := p.base
	if p.idx >= 0 {
		s = ptrIndex(s, p.idx)
	}
	s += p.sub
	if p.hasKey {
		s = ptr(s, p.key)
	}
	return s
}

// child is the pointer to member key of the value at p.
func (p pathLoc) child(key string) pathLoc {
	if p.hasKey {
		return pathLoc{base: p.String(), idx: -1, key: key, hasKey: true}
	}
	p.key, p.hasKey = key, true
	return p
}
