package main

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// The few pieces of the WebAssembly binary format the pre-initializer needs:
// sections as opaque payloads, and the sections it reads or rewrites parsed
// just far enough. See the core specification, chapter 5 ("Binary Format").

const (
	secType     = 1
	secImport   = 2
	secFunction = 3
	secMemory   = 5
	secGlobal   = 6
	secExport   = 7
	secCode     = 10
	secData     = 11
	secDataCnt  = 12

	kindFunc   = 0
	kindTable  = 1
	kindMemory = 2
	kindGlobal = 3
)

var wasmHeader = []byte{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}

type section struct {
	id      byte
	payload []byte
}

type module struct {
	sections []section
}

func parseModule(b []byte) (*module, error) {
	if len(b) < 8 || string(b[:8]) != string(wasmHeader) {
		return nil, errors.New("not a WebAssembly 1.0 binary")
	}
	r := &reader{b: b, off: 8}
	m := &module{}
	for r.off < len(b) {
		id := r.byte()
		n := r.u32()
		p := r.bytes(int(n))
		if r.err != nil {
			return nil, r.err
		}
		m.sections = append(m.sections, section{id: id, payload: p})
	}
	return m, nil
}

func (m *module) section(id byte) []byte {
	for _, s := range m.sections {
		if s.id == id {
			return s.payload
		}
	}
	return nil
}

// replace sets the payload of section id, which must exist.
func (m *module) replace(id byte, payload []byte) {
	for i := range m.sections {
		if m.sections[i].id == id {
			m.sections[i].payload = payload
			return
		}
	}
	panic(fmt.Sprintf("no section %d", id))
}

func (m *module) encode() []byte {
	out := append([]byte(nil), wasmHeader...)
	for _, s := range m.sections {
		out = append(out, s.id)
		out = appendU32(out, uint32(len(s.payload)))
		out = append(out, s.payload...)
	}
	return out
}

type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("malformed module: %s at byte %d", what, r.off)
	}
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.fail("unexpected end")
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || r.off+n > len(r.b) {
		r.fail("unexpected end")
		return nil
	}
	p := r.b[r.off : r.off+n]
	r.off += n
	return p
}

func (r *reader) u32() uint32 {
	v, n := binary.Uvarint(r.b[min(r.off, len(r.b)):])
	if n <= 0 || n > 5 || v > 0xffffffff {
		r.fail("bad u32")
		return 0
	}
	r.off += n
	return uint32(v)
}

// count reads the entry count of a vector section; an absent section has none.
func (r *reader) count() uint32 {
	if len(r.b) == 0 {
		return 0
	}
	return r.u32()
}

// sleb reads a signed LEB128 of up to 64 bits.
func (r *reader) sleb() int64 {
	var v int64
	var shift uint
	for {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		v |= int64(c&0x7f) << shift
		shift += 7
		if c&0x80 == 0 {
			if shift < 64 && c&0x40 != 0 {
				v |= -1 << shift
			}
			return v
		}
		if shift >= 70 {
			r.fail("bad sleb")
			return 0
		}
	}
}

func (r *reader) name() string { return string(r.bytes(int(r.u32()))) }

func appendU32(b []byte, v uint32) []byte { return binary.AppendUvarint(b, uint64(v)) }

func appendSleb(b []byte, v int64) []byte {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			return append(b, c)
		}
		b = append(b, c|0x80)
	}
}

func appendName(b []byte, s string) []byte { return append(appendU32(b, uint32(len(s))), s...) }
