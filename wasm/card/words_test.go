package card

import (
	"encoding/json"
	"strings"
	"unsafe"

	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// The word-at-a-time tests must agree with the plain per-byte definitions:
// every byte value in every position, then random words biased towards the
// edges of each range.
var classes = []byteClass{classDigit, classAlnum, classCardID, classHex}

func newClass(upper, lower, x1, x2 byte) byteClass {
	return byteClass(upper) | byteClass(lower)<<8 | byteClass(x1)<<16 | byteClass(x2)<<24
}

func TestClassConstants(t *testing.T) {
	require.Equal(t, newClass('@', '`', 0x80, 0x80), classDigit)
	require.Equal(t, newClass('Z', 'z', 0x80, 0x80), classAlnum)
	require.Equal(t, newClass('Z', 'z', '_', '-'), classCardID)
	require.Equal(t, newClass('@', 'f', 0x80, 0x80), classHex)
}

func TestWordHelpersMatchBytewise(t *testing.T) {
	inClass := func(c byteClass, ch byte) bool {
		digit := ch >= '0' && ch <= '9'
		switch c {
		case classDigit:
			return digit
		case classHex:
			return digit || (ch >= 'a' && ch <= 'f')
		case classAlnum:
			return isAlnum(ch)
		}
		return isAlnum(ch) || ch == '_' || ch == '-'
	}
	check := func(word [8]byte) {
		w := loadWord(word[:])
		var back [8]byte
		store64(back[:], w)
		require.Equal(t, word, back)
		// Lowest flag exact for the scanners.
		wantStop, wantZero := -1, -1
		for k := 7; k >= 0; k-- {
			if strClass[word[k]] != 0 {
				wantStop = k
			}
			if word[k] == 0 {
				wantZero = k
			}
		}
		if m := strStops(w); wantStop < 0 {
			require.Zero(t, m, "%q", word)
		} else {
			require.Equal(t, wantStop, firstFlag(m), "%q", word)
		}
		if m := zeroBytes(w); wantZero < 0 {
			require.Zero(t, m, "%q", word)
		} else {
			require.Equal(t, wantZero, firstFlag(m), "%q", word)
		}
		// Every flag exact for the classes (ASCII words) and eqByte.
		for k := 0; k < 8; k++ {
			bit := uint64(0x80) << (8 * k)
			require.Equal(t, word[k] == '_', eqByte(w, '_')&bit != 0, "%q", word)
			if w&hi8 != 0 {
				continue
			}
			for _, c := range classes {
				// The other bytes set to '0', in every class: allIn sees this byte alone.
				one := [8]byte{'0', '0', '0', '0', '0', '0', '0', '0'}
				one[k] = word[k]
				require.Equal(t, inClass(c, word[k]), allIn(one[:], c), "class %x %q", c, one)
			}
		}
	}
	for v := 0; v < 256; v++ {
		for k := 0; k < 8; k++ {
			word := [8]byte{'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'}
			word[k] = byte(v)
			check(word)
			word = [8]byte{}
			word[k] = byte(v)
			check(word)
		}
	}
	edges := []byte{0, 1, 0x1f, 0x20, '!', '"', '#', ',', '-', '.', '/', '0', '9', ':', '<', '=', '>', '@', 'A', 'F', 'G',
		'Z', '[', '\\', ']', '^', '_', '`', 'a', 'f', 'g', 'z', '{', 0x7f, 0x80, 0xfe, 0xff}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200000; n++ {
		var word [8]byte
		for k := range word {
			if r.IntN(4) == 0 {
				word[k] = byte(r.IntN(256))
			} else {
				word[k] = edges[r.IntN(len(edges))]
			}
		}
		check(word)
	}
}

func TestAllInAndSameText(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("0123456789abcdefABCDEFXYZxyz_-=.\x00\x80\xff")
	for n := 0; n < 50000; n++ {
		b := make([]byte, r.IntN(45))
		for k := range b {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		for _, c := range classes {
			want := true
			for _, ch := range b {
				ok := ch >= '0' && ch <= '9'
				switch c {
				case classHex:
					ok = ok || (ch >= 'a' && ch <= 'f')
				case classAlnum:
					ok = isAlnum(ch)
				case classCardID:
					ok = isAlnum(ch) || ch == '_' || ch == '-'
				}
				want = want && ok
			}
			require.Equal(t, want, allIn(b, c), "class %x %q", c, b)
		}
		o := append([]byte(nil), b...)
		require.True(t, sameText(b, o))
		require.True(t, sameText(b, string(o)), "%q", b)
		for _, name := range append(extNames[:], "cardId", "cardExt", "ab", "") {
			require.Equal(t, string(b) == name, sameText(b, name), "%q %q", b, name)
			// One byte off, anywhere.
			if len(name) > 0 {
				k := r.IntN(len(name))
				near := []byte(name)
				near[k] ^= byte(1 << r.IntN(8))
				require.Equal(t, string(near) == name, sameText(near, name), "%q %q", near, name)
				require.True(t, sameText([]byte(name), name))
			}
		}
		if len(o) > 0 {
			o[r.IntN(len(o))] ^= 1
			require.False(t, sameText(b, o), "%q %q", b, o)
			require.False(t, sameText(b, o[:len(o)-1]))
		}
	}
}

// A node must stay 32 bytes: Go's wasm backend zeroes and copies anything
// larger with memory.fill and memory.copy, which wazero runs as calls into
// the Go runtime, once per node parsed.
func TestNodeSize(t *testing.T) {
	require.Equal(t, uintptr(32), unsafe.Sizeof(node{}))
}

// Strings read a word at a time decode as encoding/json decodes them,
// whatever falls where: escapes across word boundaries, '=' and UTF-8 in
// plain runs, the closing quote at the very end of the text.
func TestStringsMatchEncodingJSON(t *testing.T) {
	pieces := []string{"a", "bcdefgh", "0123456789abcdef", `\"`, `\\`, `\/`, `\n`, `\u00e9`, `\ud83d\ude00`, "=", "%", "é", "中文", " ", "'"}
	r := rand.New(rand.NewPCG(5, 6))
	var tr tree
	for n := 0; n < 20000; n++ {
		raw := ""
		for k := r.IntN(12); k > 0; k-- {
			raw += pieces[r.IntN(len(pieces))]
		}
		token := `"` + raw + `"`
		var want string
		require.NoError(t, json.Unmarshal([]byte(token), &want), token)
		for _, text := range []string{token, `{"k":` + token + `}`, `[` + token + `,1]`} {
			in := []byte(text)
			tr.reset(in)
			d := tr.addDoc(in, -1, -1)
			root, err := tr.parse(d, maxDepth)
			require.Nil(t, err, text)
			s := root
			switch tr.nodes[root].kind {
			case kindObject:
				s = tr.nodes[tr.nodes[root].first].next
			case kindArray:
				s = tr.nodes[root].first
			}
			nd := tr.nodes[s]
			require.Equal(t, kindString, nd.kind, text)
			require.Equal(t, want, string(tr.val(s)), text)
			require.Equal(t, token, string(in[nd.start:nd.end]), text)
			require.Equal(t, strings.Contains(raw, `\`), nd.escaped, text)
			// truth: what secretInValue must read ('=', '%', a line break).
			require.Equal(t, strings.Contains(raw, "=") || strings.Contains(raw, "%") || strings.Contains(want, "\n"), nd.truth, text)
		}
	}
}

// str's plain scan and copyRun against the per-byte definition: random strings of
// plain bytes, stops and \" pairs, at every length around the word size.
func TestPlainStringAndCopyRun(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"a", "Z", "0", " ", "~", `\"`, `"`, `\`, "=", "%", "\n", "\x7f", "é"}
	for n := 0; n < 50000; n++ {
		var sb strings.Builder
		for k := r.IntN(30); k > 0; k-- {
			if r.IntN(3) == 0 {
				sb.WriteString(pieces[r.IntN(len(pieces))])
			} else {
				sb.WriteByte('a' + byte(r.IntN(26)))
			}
		}
		src := []byte(sb.String())
		plain := 0
		for plain < len(src) && strClass[src[plain]] == 0 {
			plain++
		}
		// str: a plain string token ends at its first stop, which must be
		// its quote; anything else goes to strEscaped.
		if plain == len(src) || src[plain] == '"' {
			token := append(append([]byte{'"'}, src[:plain]...), '"')
			var tr tree
			tr.reset(token)
			p := parser{t: &tr, doc: tr.addDoc(token, -1, -1), text: token, maxDepth: maxDepth}
			n := p.str()
			require.Equal(t, int32(0), n, "%q", token)
			require.Equal(t, len(token), p.pos, "%q", token)
			require.Equal(t, string(src[:plain]), string(tr.val(n)), "%q", token)
			require.False(t, tr.nodes[n].escaped, "%q", token)
		}

		// copyRun: at least the plain run; it may go on past \" pairs, which
		// it decodes, and stops at the start of a stop byte (the caller
		// handles that, \" included) or at the end.
		dst := make([]byte, len(src)+8)
		read, written, decoded := copyRun(dst, src)
		require.GreaterOrEqual(t, read, plain, "%q", src)
		require.True(t, read == len(src) || strClass[src[read]] != 0, "%q stops at %d", src, read)
		done := strings.ReplaceAll(string(src[:read]), `\"`, `"`)
		require.Equal(t, done, string(dst[:written]), "%q", src)
		require.Equal(t, strings.Contains(string(src[:read]), `\"`), decoded, "%q", src)
		require.NotContains(t, strings.ReplaceAll(string(src[:read]), `\"`, ""), `\`, "%q", src)
	}
}

// extIndex finds exactly the cardExt field names: each name, and nothing
// one byte away from one.
func TestExtIndex(t *testing.T) {
	for f, name := range extNames {
		require.Equal(t, f, extIndex([]byte(name)), name)
		for k := range len(name) {
			for _, ch := range []byte{name[k] ^ 0x20, name[k] + 1, 0, 0xff} {
				b := []byte(name)
				b[k] = ch
				require.Equal(t, -1, extIndex(b), "%q", b)
			}
		}
		require.Equal(t, -1, extIndex([]byte(name+"x")), name)
		require.Equal(t, -1, extIndex([]byte(name[1:])), name)
	}
	for _, key := range []string{"", "cardId", "outer_id", "balance", "nonce_Str", "timestamp "} {
		require.Equal(t, -1, extIndex([]byte(key)), key)
	}
}

// mayBeSecretKey never rejects what isSecretKey's full comparison accepts;
// every spelling the spec names is a secret, and the near misses are not.
func TestMayBeSecretKey(t *testing.T) {
	seps := []string{"", "_", "-", " ", ".", ":"}
	r := rand.New(rand.NewPCG(7, 8))
	for _, name := range secretNames {
		for n := 0; n < 200; n++ {
			// Scatter separators and capitals through the name, a prefix before it.
			var b []byte
			if r.IntN(2) == 0 {
				b = append(b, "my_"...)
			}
			for _, ch := range []byte(name) {
				b = append(b, seps[r.IntN(len(seps))]...)
				if r.IntN(2) == 0 && ch >= 'a' {
					ch -= 'a' - 'A'
				}
				b = append(b, ch)
			}
			b = append(b, seps[r.IntN(len(seps))]...)
			require.True(t, endsNormalized(b, name), "%q", b)
			require.True(t, mayBeSecretKey(b), "%q", b)
			require.True(t, isSecretKey(b), "%q", b)
		}
	}
	for _, key := range []string{
		"api_ticket:", "api_ticket ", "api_ticket_", "AppSecret ", "api.ticket", "my_api_ticket", "component_access_token",
		"authorizer_access_token", "client_secret", "session_key", "refresh_token", "mch_key", "apiV3Key", "private-key", "TICKET",
	} {
		require.True(t, isSecretKey([]byte(key)), key)
	}
	for _, key := range []string{
		"cardExt", "cardList", "content", "ticket_x", "tick", "tickeT2", "activate_ticket", "ActivateTicket", "my.activate-ticket",
		"ticket_id", "card_ticket_count", "keywords", "monkey", "public_key", "token_type", "secretary", "",
	} {
		require.False(t, isSecretKey([]byte(key)), key)
	}
}
