package card

import (
	"strconv"
	"unicode/utf8"
)

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

// appendOutput writes {"ok":…,"diagnostics":[…],"result":…,"output":…}.
func appendOutput(b []byte, o *Output, result func([]byte) []byte) []byte {
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
	if result != nil {
		b = append(b, `,"result":`...)
		b = result(b)
	}
	if o.Report != "" {
		b = append(b, `,"output":`...)
		b = appendString(b, o.Report)
	}
	return append(b, '}')
}

func appendDiagnostic(b []byte, d *Diagnostic) []byte {
	b = append(b, `{"code":`...)
	b = appendString(b, d.Code)
	b = append(b, `,"severity":`...)
	b = appendString(b, string(d.Severity))
	b = append(b, `,"path":`...)
	b = appendString(b, d.Path)
	b = append(b, `,"message":`...)
	b = appendString(b, d.Message)
	if d.HasPosition() {
		b = append(b, `,"offset":`...)
		b = strconv.AppendInt(b, int64(d.Offset), 10)
		b = append(b, `,"length":`...)
		b = strconv.AppendInt(b, int64(d.Length), 10)
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(d.Line), 10)
		b = append(b, `,"column":`...)
		b = strconv.AppendInt(b, int64(d.Column), 10)
	}
	if d.File != "" {
		b = append(b, `,"file":`...)
		b = appendString(b, d.File)
	}
	return append(b, '}')
}

// MarshalJSON writes the diagnostic exactly as the operations do.
func (d Diagnostic) MarshalJSON() ([]byte, error) {
	return appendDiagnostic(nil, &d), nil
}

func (r *AddCardOptions) appendJSON(b []byte) []byte {
	b = append(b, `{"cardList":[`...)
	for i, it := range r.CardList {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"cardId":`...)
		b = appendString(b, it.CardID)
		b = append(b, `,"cardExt":`...)
		b = appendString(b, it.CardExt)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

func (r *OpenCardOptions) appendJSON(b []byte) []byte {
	b = append(b, `{"cardList":[`...)
	for i, it := range r.CardList {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"cardId":`...)
		b = appendString(b, it.CardID)
		b = append(b, `,"code":`...)
		b = appendString(b, it.Code)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

func (r *AddCardResult) appendJSON(b []byte) []byte {
	b = append(b, `{"status":`...)
	b = appendString(b, r.Status)
	b = append(b, `,"detail":`...)
	b = appendString(b, r.Detail)
	b = append(b, `,"cards":[`...)
	for i, it := range r.Cards {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"cardId":`...)
		b = appendString(b, it.CardID)
		b = append(b, `,"code":`...)
		b = appendString(b, it.Code)
		b = append(b, `,"isSuccess":`...)
		b = appendBool(b, it.IsSuccess)
		b = append(b, '}')
	}
	return append(b, "]}"...)
}

func (r *MemberCardLaunch) appendJSON(b []byte) []byte {
	b = append(b, `{"appId":`...)
	b = appendString(b, r.AppID)
	b = append(b, `,"extraData":{"encrypt_card_id":`...)
	b = appendString(b, r.ExtraData.EncryptCardID)
	b = append(b, `,"outer_str":`...)
	b = appendString(b, r.ExtraData.OuterStr)
	b = append(b, `,"biz":`...)
	b = appendString(b, r.ExtraData.Biz)
	return append(b, "}}"...)
}

func (r *ReferrerInfo) appendJSON(b []byte) []byte {
	b = append(b, `{"state":`...)
	b = appendString(b, r.State)
	if r.ActivateTicket != "" {
		b = append(b, `,"activate_ticket":`...)
		b = appendString(b, r.ActivateTicket)
	}
	if r.CardID != "" {
		b = append(b, `,"card_id":`...)
		b = appendString(b, r.CardID)
	}
	if r.Code != "" {
		b = append(b, `,"code":`...)
		b = appendString(b, r.Code)
	}
	return append(b, '}')
}
