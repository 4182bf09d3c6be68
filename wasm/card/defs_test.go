package card

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cardDefs against a Go map doing the same: sets (new ids and
// replacements) and lookups of ids present and absent, through growth.
func TestCardDefsMatchMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, seed := range []uint64{1, r.Uint64()} {
		d := newCardDefs(seed)
		want := map[string]CardDef{}
		var order []string
		for i := range 2000 {
			id := "p" + itoa(r.IntN(700))
			def := CardDef{DateType: itoa(i)}
			if _, ok := want[id]; !ok {
				order = append(order, id)
			}
			want[id] = def
			d.set(id, def)
			probe := "p" + itoa(r.IntN(1400))
			got, ok := d.get([]byte(probe))
			w, wok := want[probe]
			require.Equal(t, wok, ok, probe)
			require.Equal(t, w, got, probe)
		}
		require.Equal(t, order, d.ids, "first-given order")
		require.Equal(t, len(want), d.len())
		for id, w := range want {
			got, ok := d.get([]byte(id))
			require.True(t, ok, id)
			require.Equal(t, w, got, id)
		}
	}
	_, ok := newCardDefs(1).get([]byte("pAbsent"))
	assert.False(t, ok, "an empty set finds nothing")
}

// hashText is one function of the bytes, whichever kind of text holds
// them, keyed by the seed, and tells keys apart: every length from 0 to
// 40, single-bit changes, and 200,000 random ids.
func TestHashText(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const seed = 0x0123456789abcdef
	seen := map[uint64]string{}
	add := func(b []byte) {
		h := hashText(seed, b)
		require.Equal(t, h, hashText(seed, string(b)), "string and bytes")
		if prev, dup := seen[h]; dup {
			require.Equal(t, prev, string(b), "two keys share a hash")
		}
		seen[h] = string(b)
	}
	for n := 0; n <= 40; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		add(b)
		for i := range b {
			for bit := range 8 {
				b[i] ^= 1 << bit
				add(b)
				b[i] ^= 1 << bit
			}
		}
		require.NotEqual(t, hashText(seed, b), hashText(seed+1, b), "the seed keys the hash (length %d)", n)
	}
	for range 200000 {
		add([]byte("pFS7Fj" + itoa(r.IntN(1<<30)) + "-" + itoa(r.IntN(1000))))
	}
	// Zero bytes of different lengths differ (the length is hashed).
	z := make([]byte, 24)
	for n := range z {
		add(z[:n])
	}
}
