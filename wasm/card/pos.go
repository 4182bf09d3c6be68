package card

import "unicode/utf8"

// Positions. A span in a document decoded from a string value maps to the
// raw bytes of that string token in its parent, so a diagnostic deep inside a
// cardExt string points at the right characters of the file the user edits.

// span is a byte range in one document; doc < 0 means "no position".
type span struct {
	doc      int32
	off, len int32
}

var noSpan = span{doc: -1}

// spanOf is called at almost every report site; out of line it costs the
// wasm module once rather than at each of them.
//
//go:noinline
func (t *tree) spanOf(n int32) span {
	if n < 0 {
		return noSpan
	}
	nd := &t.nodes[n]
	return span{doc: nd.doc, off: nd.start, len: nd.end - nd.start}
}

// upAll maps the spans cur[i], for every i in idx, one level up into the
// documents holding their texts as strings. Spans in one document are mapped
// together in a single forward pass over its string token, so many findings
// in one escaped string cost the token's length once, not once each. idx is
// reordered.
func (t *tree) upAll(cur []span, idx []int) {
	key := make([]int64, len(cur))
	for _, i := range idx {
		key[i] = int64(cur[i].doc)<<32 | int64(uint32(cur[i].off))
	}
	sortByKey(idx, key)
	var q spanQueries
	for g := 0; g < len(idx); {
		doc := cur[idx[g]].doc
		e := g + 1
		for e < len(idx) && cur[idx[e]].doc == doc {
			e++
		}
		d := t.docs[doc]
		h := &t.nodes[d.holder]
		tok := t.docs[d.parent].text[h.start:h.end]
		group := idx[g:e]
		if !h.escaped || e-g == 1 {
			for _, i := range group {
				cur[i] = t.up(cur[i])
			}
		} else {
			q.reset(len(group))
			for k, i := range group {
				q.add(k, int(cur[i].off), int(cur[i].off+cur[i].len))
			}
			q.sweep(tok)
			for k, i := range group {
				a, b := q.result(k)
				cur[i] = span{doc: d.parent, off: h.start + int32(a), len: int32(b - a)}
			}
		}
		g = e
	}
}

// spanQueries answers rawSpan for many decoded ranges of one string token in
// one pass: the range starts and ends are sorted and met in order.
type spanQueries struct {
	from, to       []int // decoded, per range
	rawFrom, rawTo []int
	byFrom, byTo   []int // range indices sorted by from, by to
	key            []int64
}

func (q *spanQueries) reset(n int) {
	if cap(q.from) < n {
		buf := make([]int, 6*n)
		q.from, q.to, q.rawFrom = buf[:n:n], buf[n:2*n:2*n], buf[2*n:3*n:3*n]
		q.rawTo, q.byFrom, q.byTo = buf[3*n:4*n:4*n], buf[4*n:5*n:5*n], buf[5*n:]
		return
	}
	q.from, q.to, q.rawFrom, q.rawTo, q.byFrom, q.byTo = q.from[:n], q.to[:n], q.rawFrom[:n], q.rawTo[:n], q.byFrom[:n], q.byTo[:n]
}

func (q *spanQueries) add(k, from, to int) {
	q.from[k], q.to[k] = from, to
	q.rawFrom[k], q.rawTo[k] = -1, -1
	q.byFrom[k], q.byTo[k] = k, k
}

// sweep walks tok (quotes included) once, as rawSpan does for one range.
func (q *spanQueries) sweep(tok []byte) {
	n := len(q.from)
	q.key = q.key[:0]
	for k := 0; k < n; k++ {
		q.key = append(q.key, int64(q.from[k]))
	}
	sortByKey(q.byFrom, q.key)
	for k := 0; k < n; k++ {
		q.key[k] = int64(q.to[k])
	}
	sortByKey(q.byTo, q.key)
	pf, pt := 0, 0
	dec := 0
	i := 1
	for i < len(tok)-1 && (pf < n || pt < n) {
		c, w := rawWidth(tok, i)
		// A range starts in the character that holds its first decoded byte,
		// and ends before the first character at or past its end.
		for pf < n && q.from[q.byFrom[pf]] < dec+w {
			q.rawFrom[q.byFrom[pf]] = i
			pf++
		}
		for pt < n && q.to[q.byTo[pt]] <= dec {
			q.rawTo[q.byTo[pt]] = i
			pt++
		}
		dec += w
		i += c
	}
	end := i // where ranges still open at the end of the token end
	for k := 0; k < n; k++ {
		if q.rawFrom[k] < 0 {
			q.rawFrom[k] = end
		}
		if q.rawTo[k] < 0 || q.rawTo[k] < q.rawFrom[k] {
			q.rawTo[k] = end
			if q.to[k] <= q.from[k] {
				q.rawTo[k] = q.rawFrom[k]
			}
		}
	}
}

func (q *spanQueries) result(k int) (int, int) { return q.rawFrom[k], q.rawTo[k] }

// rawWidth is the raw and decoded width of the character at tok[i] of a
// string token: an escape, a UTF-8 sequence or a byte.
func rawWidth(tok []byte, i int) (raw, dec int) {
	raw, dec = 1, 1
	if tok[i] == '\\' && i+1 < len(tok) {
		raw = 2
		if tok[i+1] == 'u' {
			r, used, bad := readUnicodeEscape(tok[i:])
			if bad == 0 {
				raw, dec = used, utf8.RuneLen(r)
			}
		}
	} else if tok[i] >= 0x80 {
		_, raw = utf8.DecodeRune(tok[i:])
		dec = raw
	}
	return raw, dec
}

// up maps s one level up, into the document holding its text as a string.
func (t *tree) up(s span) span {
	d := t.docs[s.doc]
	h := &t.nodes[d.holder]
	tok := t.docs[d.parent].text[h.start:h.end]
	var a, b int
	if !h.escaped {
		a, b = 1+int(s.off), 1+int(s.off+s.len)
	} else {
		a, b = rawSpan(tok, int(s.off), int(s.off+s.len))
	}
	return span{doc: d.parent, off: h.start + int32(a), len: int32(b - a)}
}

// rawSpan maps the decoded byte range [from, to) of the string token tok
// (quotes included) to a raw range; an escape that is cut is included whole.
func rawSpan(tok []byte, from, to int) (int, int) {
	rawFrom, rawTo := -1, -1
	dec := 0
	i := 1
	for i < len(tok)-1 {
		n, w := rawWidth(tok, i)
		if rawFrom < 0 && from < dec+w {
			rawFrom = i
		}
		if rawTo < 0 && to <= dec {
			rawTo = i
		}
		if rawFrom >= 0 && rawTo >= 0 {
			break
		}
		dec += w
		i += n
	}
	if rawFrom < 0 {
		rawFrom = i
	}
	if rawTo < 0 || rawTo < rawFrom {
		rawTo = i
		if to <= from {
			rawTo = rawFrom
		}
	}
	return rawFrom, rawTo
}

// lineCol walks text once, giving the 1-based line and UTF-16 column of each
// offset in offs (which must be sorted ascending). Lines end at \n, \r\n or
// \r, as editors count them.
func lineCol(text []byte, offs []int32, lines, cols []int32) {
	line, col := int32(1), int32(1)
	i := 0
	for k, off := range offs {
		for i < int(off) && i < len(text) {
			c := text[i]
			switch {
			case c == '\n':
				line, col = line+1, 1
				i++
			case c == '\r':
				if i+1 < len(text) && text[i+1] == '\n' {
					i++
					continue
				}
				line, col = line+1, 1
				i++
			case c < 0x80:
				col++
				i++
			default:
				r, size := utf8.DecodeRune(text[i:])
				if r >= 0x10000 {
					col += 2
				} else {
					col++
				}
				i += size
			}
		}
		lines[k], cols[k] = line, col
	}
}
