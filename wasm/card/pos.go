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
		n, w := 1, 1 // raw width, decoded width
		if tok[i] == '\\' && i+1 < len(tok) {
			n = 2
			if tok[i+1] == 'u' {
				r, used, bad := readUnicodeEscape(tok[i:])
				if bad == 0 {
					n, w = used, utf8.RuneLen(r)
				}
			}
		} else if tok[i] >= 0x80 {
			_, n = utf8.DecodeRune(tok[i:])
			w = n
		}
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
