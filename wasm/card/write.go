package card

import "unicode/utf8"

// JSON output, written by hand: the byte form is part of the contract (every
// runtime must return the same bytes), so it is spelled out here rather than
// left to a general encoder.

// appendString appends s as a JSON string the way JavaScript's
// JSON.stringify writes it: only ", \ and control characters are escaped,
// HTML characters and non-ASCII text stay as they are.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			if c < 0x80 {
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				// Never produced by the reader; kept valid all the same.
				b = append(b, s[start:i]...)
				b = append(b, `\ufffd`...)
				i++
				start = i
				continue
			}
			i += size
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"':
			b = append(b, '\\', '"')
		case '\\':
			b = append(b, '\\', '\\')
		case '\b':
			b = append(b, '\\', 'b')
		case '\f':
			b = append(b, '\\', 'f')
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			const hex = "0123456789abcdef"
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		}
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// AppendJSONString appends s as a JSON string exactly as every wxcard output
// writes strings (and as JavaScript's JSON.stringify does), for Go code that
// builds payload text of its own, such as the signer.
func AppendJSONString(b []byte, s string) []byte { return appendString(b, s) }

func appendKey(b []byte, k string) []byte {
	b = appendString(b, k)
	return append(b, ':')
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, "true"...)
	}
	return append(b, "false"...)
}

// appendOutput writes {"ok":…,"diagnostics":[…],"result":…,"output":…}:
// the one place the output's bytes are decided.
func appendOutput(b []byte, o *Output) []byte {
	// Room for it all at once: a lint of many files writes tens of
	// megabytes, and growing by doubling would allocate (and copy) twice
	// that. Escapes can still exceed the estimate; append then grows.
	if need := outputSize(o); cap(b)-len(b) < need {
		b = append(make([]byte, 0, len(b)+need), b...)
	}
	b = append(b, `{"ok":`...)
	b = appendBool(b, o.OK)
	b = append(b, `,"diagnostics":[`...)
	for i := range o.Diagnostics {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendDiagnostic(b, &o.Diagnostics[i])
	}
	b = append(b, ']')
	if r, ok := o.Result.(resultWriter); ok && r != nil {
		b = append(b, `,"result":`...)
		b = r.appendJSON(b)
	}
	if o.Report != "" {
		b = append(b, `,"output":`...)
		b = appendString(b, o.Report)
	}
	return append(b, '}')
}

// outputSize estimates appendOutput's bytes without the result (small).
func outputSize(o *Output) int {
	n := 64 + len(o.Report) + len(o.Report)/16
	for i := range o.Diagnostics {
		d := &o.Diagnostics[i]
		n += 128 + len(d.Code) + len(d.Path) + len(d.Message) + len(d.Message)/8 + len(d.File)
	}
	return n
}

func appendDiagnostic(b []byte, d *Diagnostic) []byte {
	w := &jsonOut{b: b}
	w.member(`{"code":`, d.Code)
	w.member(`,"severity":`, string(d.Severity))
	w.member(`,"path":`, d.Path)
	w.member(`,"message":`, d.Message)
	if d.HasPosition() {
		w.raw(`,"offset":`)
		w.num(int64(d.Offset))
		w.raw(`,"length":`)
		w.num(int64(d.Length))
		w.raw(`,"line":`)
		w.num(int64(d.Line))
		w.raw(`,"column":`)
		w.num(int64(d.Column))
	}
	if d.File != "" {
		w.member(`,"file":`, d.File)
	}
	w.byte('}')
	return w.b
}

// MarshalJSON writes the diagnostic exactly as the operations do.
func (d Diagnostic) MarshalJSON() ([]byte, error) {
	return appendDiagnostic(nil, &d), nil
}

func (r *AddCardOptions) appendJSON(b []byte) []byte {
	return appendCardList(b, len(r.CardList), "cardExt", func(i int) (string, string) {
		return r.CardList[i].CardID, r.CardList[i].CardExt
	})
}

func (r *OpenCardOptions) appendJSON(b []byte) []byte {
	return appendCardList(b, len(r.CardList), "code", func(i int) (string, string) {
		return r.CardList[i].CardID, r.CardList[i].Code
	})
}

// appendCardList writes {"cardList":[{"cardId":…,"<second>":…},…]}, the
// result of both builders.
func appendCardList(b []byte, n int, second string, item func(int) (id, val string)) []byte {
	w := &jsonOut{b: b}
	w.raw(`{"cardList":[`)
	for i := range n {
		if i > 0 {
			w.byte(',')
		}
		id, val := item(i)
		w.member(`{"cardId":`, id)
		w.raw(`,"`)
		w.raw(second)
		w.member(`":`, val)
		w.byte('}')
	}
	w.raw("]}")
	return w.b
}

func (r *AddCardResult) appendJSON(b []byte) []byte {
	w := &jsonOut{b: b}
	w.member(`{"status":`, r.Status)
	w.member(`,"detail":`, r.Detail)
	w.raw(`,"cards":[`)
	for i, it := range r.Cards {
		if i > 0 {
			w.byte(',')
		}
		w.member(`{"cardId":`, it.CardID)
		w.member(`,"code":`, it.Code)
		w.raw(`,"isSuccess":`)
		w.bool(it.IsSuccess)
		w.byte('}')
	}
	w.raw("]}")
	return w.b
}

func (r *MemberCardLaunch) appendJSON(b []byte) []byte {
	w := &jsonOut{b: b}
	w.member(`{"appId":`, r.AppID)
	w.member(`,"extraData":{"encrypt_card_id":`, r.ExtraData.EncryptCardID)
	w.member(`,"outer_str":`, r.ExtraData.OuterStr)
	w.member(`,"biz":`, r.ExtraData.Biz)
	w.raw("}}")
	return w.b
}

func (r *ReferrerInfo) appendJSON(b []byte) []byte {
	w := &jsonOut{b: b}
	w.member(`{"state":`, r.State)
	if r.ActivateTicket != "" {
		w.member(`,"activate_ticket":`, r.ActivateTicket)
	}
	if r.CardID != "" {
		w.member(`,"card_id":`, r.CardID)
	}
	if r.Code != "" {
		w.member(`,"code":`, r.Code)
	}
	w.byte('}')
	return w.b
}

// jsonOut writes JSON piece by piece. Its methods are kept out of line on
// purpose: inlined appends made the wasm module's report writers several
// times larger.
type jsonOut struct{ b []byte }

//go:noinline
func (w *jsonOut) raw(s string) { w.b = append(w.b, s...) }

//go:noinline
func (w *jsonOut) byte(c byte) { w.b = append(w.b, c) }

//go:noinline
func (w *jsonOut) str(s string) { w.b = appendString(w.b, s) }

// member writes prefix (raw JSON, such as `,"code":`) and then s as a JSON
// string.
//
//go:noinline
func (w *jsonOut) member(prefix, s string) {
	w.raw(prefix)
	w.str(s)
}

//go:noinline
func (w *jsonOut) num(n int64) { w.b = appendInt(w.b, n) }

//go:noinline
func (w *jsonOut) bool(v bool) { w.b = appendBool(w.b, v) }

//go:noinline
func (w *jsonOut) pad(n int) {
	for ; n > 0; n-- {
		w.b = append(w.b, ' ')
	}
}
