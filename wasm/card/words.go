package card

import "math/bits"

// Word-at-a-time byte tests. Go compiled to wasm pays for every taken
// branch (a jump goes through the function's br_table dispatch) and for every
// memory access (wazero checks its bounds), so the scanners and the
// character-class checks read eight bytes with one load and test them with a
// few register operations instead of looping per byte. Little-endian: the
// byte at the lowest address is the lowest byte of the word.

const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// text is what the word loads read: a document's bytes or a Go string.
type text interface{ ~string | ~[]byte }

// loadWord reads b[0:8] of either kind of text; the compiler turns it into a
// single load.
func loadWord[T text](b T) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// loadHalf reads b[0:4] of either kind of text.
func loadHalf[T text](b T) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// sameText reports whether a holds the bytes of b, a word at a time.
// Comparing with == calls memequal, which calls memeqbody: in wasm two
// calls per comparison.
func sameText[A, B text](a A, b B) bool {
	n := len(b)
	switch {
	case len(a) != n:
		return false
	case n < 4:
		return string(a) == string(b)
	case n <= 8:
		return loadHalf(a) == loadHalf(b) && loadHalf(a[n-4:]) == loadHalf(b[n-4:])
	}
	for i := 0; i < n-8; i += 8 {
		if loadWord(a[i:]) != loadWord(b[i:]) {
			return false
		}
	}
	return loadWord(a[n-8:]) == loadWord(b[n-8:]) // overlapping the last word read
}

// store64 writes w to b[0:8]; the compiler turns it into a single store.
func store64(b []byte, w uint64) {
	_ = b[7]
	b[0] = byte(w)
	b[1] = byte(w >> 8)
	b[2] = byte(w >> 16)
	b[3] = byte(w >> 24)
	b[4] = byte(w >> 32)
	b[5] = byte(w >> 40)
	b[6] = byte(w >> 48)
	b[7] = byte(w >> 56)
}

// zeroBytes sets the high bit of each byte of w that is zero. A borrow can
// also flag a byte above a zero byte, never one below the lowest: the lowest
// flag is exact, which is all the scanners use.
func zeroBytes(w uint64) uint64 { return (w - lo8) &^ w & hi8 }

// strStops flags the bytes that end a plain run in a JSON string (see
// strClass): '"', '\\', '=', '%', control characters and bytes ≥ 0x80.
// Like zeroBytes, only its lowest flag is exact.
func strStops(w uint64) uint64 {
	return zeroBytes(w^(lo8*'"')) | zeroBytes(w^(lo8*'\\')) | zeroBytes(w^(lo8*'=')) | zeroBytes(w^(lo8*'%')) |
		((w-lo8*0x20)&^w|w)&hi8
}

// firstFlag is the index of the lowest flagged byte of a non-zero mask.
func firstFlag(m uint64) int { return bits.TrailingZeros64(m) >> 3 }

// inRange flags (exactly) the bytes of an ASCII word (no byte ≥ 0x80) that
// lie in [a, b]. Each byte is computed on its own: no borrow crosses bytes.
func inRange(w uint64, a, b byte) uint64 {
	ge := (w | hi8) - lo8*uint64(a) // high bit kept iff byte ≥ a
	le := lo8*uint64(0x80|b) - w    // high bit set iff byte ≤ b
	return ge & le & hi8
}

// byteClass is a set of ASCII bytes that allIn tests a word at a time:
// the digits, the capitals up to its first byte and the small letters up
// to its second (a range ending before it starts is empty), and its third
// and fourth bytes (0x80 for none: allIn has already refused any word
// holding such a byte). Packed in a number, so that the test is a few
// register operations that inline into allIn's loop.
type byteClass uint32

const (
	classDigit  = byteClass('@' | '`'<<8 | 0x80<<16 | 0x80<<24)
	classAlnum  = byteClass('Z' | 'z'<<8 | 0x80<<16 | 0x80<<24)
	classCardID = byteClass('Z' | 'z'<<8 | '_'<<16 | '-'<<24)
	classHex    = byteClass('@' | 'f'<<8 | 0x80<<16 | 0x80<<24) // a signature as WeChat gives it
)

// eqByte flags (exactly) the bytes of w equal to ch.
func eqByte(w uint64, ch byte) uint64 {
	v := w ^ (lo8 * uint64(ch))
	return ^((v&^hi8 + lo8*0x7F) | v) & hi8
}

// allIn reports whether every byte of b is in class c.
func allIn(b []byte, c byteClass) bool {
	// Shrinking slices, not indexes: the compiler proves them in bounds.
	for rest := b; len(rest) > 0; {
		var w uint64
		switch {
		case len(rest) >= 8:
			w = loadWord(rest)
			rest = rest[8:]
		case len(b) >= 8:
			w = loadWord(b[len(b)-8:]) // the last eight, overlapping some already passed
			rest = nil
		default:
			// A short string, padded with '0', which every class holds.
			w = lo8 * '0'
			for k, ch := range b {
				sh := 8 * uint(k)
				w = w&^(0xFF<<sh) | uint64(ch)<<sh
			}
			rest = nil
		}
		// The class test, written out here: as a function it would not inline.
		in := inRange(w, '0', '9') | inRange(w, 'A', byte(c)) | inRange(w, 'a', byte(c>>8)) |
			eqByte(w, byte(c>>16)) | eqByte(w, byte(c>>24))
		if w&hi8 != 0 || in != hi8 {
			return false
		}
	}
	return true
}

// hashText is a keyed 64-bit hash of b (wyhash's multiply-and-fold mixing):
// without the seed, keys made to collide cannot be computed. The batch rules
// and the card definitions index by it.
func hashText[T text](seed uint64, b T) uint64 {
	const k1, k2 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db
	n := len(b)
	h := seed ^ k1
	var w uint64 // the last (or only) part, mixed in with n
	switch {
	case n >= 8:
		w = loadWord(b[n-8:]) // may overlap the loop's last word; n tells keys apart
		for ; len(b) > 8; b = b[8:] {
			h = mix(loadWord(b)^seed^k2, h^k1)
		}
	case n >= 4:
		w = uint64(loadHalf(b))<<32 | uint64(loadHalf(b[n-4:]))
	case n > 0:
		w = uint64(b[0])<<16 | uint64(b[n>>1])<<8 | uint64(b[n-1])
	}
	return mix(w^seed^k2, h^uint64(n)^k1)
}

// tableSize is the slot count of an open-addressing table for n keys: a
// power of two (the probe wraps with a mask), at least 16 and 2n.
func tableSize(n int) int {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return size
}

// mix folds the 128-bit product of a and b into 64 bits.
func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}
