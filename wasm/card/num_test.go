package card

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIntHelpers(t *testing.T) {
	for _, n := range []int64{0, 7, -7, 10, 1404896688, math.MaxInt64, math.MinInt64} {
		assert.Equal(t, strconv.FormatInt(n, 10), itoa64(n))
		v, ok := parseInt([]byte(strconv.FormatInt(n, 10)))
		assert.True(t, ok)
		assert.Equal(t, n, v)
	}
	for _, s := range []string{"", "-", "1a", "9223372036854775808", "-9223372036854775809", "12345678901234567890"} {
		_, ok := parseInt([]byte(s))
		assert.False(t, ok, s)
	}
}

func TestSortStable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 19, 20, 21, 100, 1000, 5000} {
		type kv struct{ k, seq int }
		xs := make([]kv, n)
		for i := range xs {
			xs[i] = kv{r.IntN(10), i}
		}
		want := slices.Clone(xs)
		slices.SortStableFunc(want, func(a, b kv) int { return a.k - b.k })
		sortStable(n, func(i, j int) bool { return xs[i].k < xs[j].k }, func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
		require.Equal(t, want, xs, "n=%d", n)
	}
}

func TestSortByKeyIsStable(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 200; n++ {
		key := make([]int64, n)
		idx := make([]int, n)
		for i := range key {
			key[i] = int64(r.IntN(5)) - 2
			idx[i] = i
		}
		sortByKey(idx, key)
		for i := 1; i < n; i++ {
			a, b := idx[i-1], idx[i]
			if key[a] > key[b] || (key[a] == key[b] && a > b) {
				t.Fatalf("n=%d: %v at %d not stably sorted by %v", n, idx, i, key)
			}
		}
	}
}
