package card

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// spanQueries answers, for many ranges at once, what rawSpan answers for
// each: tested on random tokens with escapes, \u escapes (pairs, bad ones)
// and multi-byte text, and random ranges, empty and past the end included.
func TestSpanQueriesMatchRawSpan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "Z", "\\\"", "\\\\", "\\n", "\\u0041", "\\u4e2d", "\\ud83d\\ude00", "\\ud83d", "\\uZZZZ", "中", "😀", "é"}
	var q spanQueries
	for n := 0; n < 3000; n++ {
		tok := []byte{'"'}
		for k := r.IntN(12); k > 0; k-- {
			tok = append(tok, pieces[r.IntN(len(pieces))]...)
		}
		tok = append(tok, '"')
		m := 1 + r.IntN(6)
		froms, tos := make([]int, m), make([]int, m)
		q.reset(m)
		for k := 0; k < m; k++ {
			froms[k] = r.IntN(len(tok) + 2)
			tos[k] = froms[k] + r.IntN(6) - 1
			q.add(k, froms[k], tos[k])
		}
		q.sweep(tok)
		for k := 0; k < m; k++ {
			wa, wb := rawSpan(tok, froms[k], tos[k])
			ga, gb := q.result(k)
			require.Equal(t, [2]int{wa, wb}, [2]int{ga, gb}, "token %q, range [%d,%d)", tok, froms[k], tos[k])
		}
	}
}
