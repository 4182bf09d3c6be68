package sign

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOrders(t *testing.T) {
	in := []string{"abc1", "ABC1", "_x", "-x", "0y", "Zz", "a_b", "a-b", "aB", "ab", "Ab", "p1Pj9jr90_SQ", "pjZ8Yt1X", "1404896688", "123", "99", "oA-_x", "oA_-x"}
	tests := []struct {
		name string
		cmp  func(a, b string) int
		want []string
	}{
		// As ICU sorts them (Node: localeCompare, Intl.Collator('en'), 'zh-CN').
		{"locale", compareLocale, []string{"_x", "-x", "0y", "123", "1404896688", "99", "a_b", "a-b", "ab", "aB", "Ab", "abc1", "ABC1", "oA_-x", "oA-_x", "p1Pj9jr90_SQ", "pjZ8Yt1X", "Zz"}},
		// As Python sorts them with key=(s.lower(), s) and key=(s.upper(), s).
		{"fold to lower case", compareFold, []string{"-x", "0y", "123", "1404896688", "99", "_x", "a-b", "a_b", "Ab", "aB", "ab", "ABC1", "abc1", "oA-_x", "oA_-x", "p1Pj9jr90_SQ", "pjZ8Yt1X", "Zz"}},
		{"fold to upper case", compareFoldUpper, []string{"-x", "0y", "123", "1404896688", "99", "a-b", "Ab", "aB", "ab", "ABC1", "abc1", "a_b", "oA-_x", "oA_-x", "p1Pj9jr90_SQ", "pjZ8Yt1X", "Zz", "_x"}},
		{"PHP numeric", compareNumeric, []string{"-x", "0y", "99", "123", "1404896688", "ABC1", "Ab", "Zz", "_x", "a-b", "aB", "a_b", "ab", "abc1", "oA-_x", "oA_-x", "p1Pj9jr90_SQ", "pjZ8Yt1X"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := slices.Clone(in)
			slices.SortStableFunc(got, tt.cmp)
			assert.Equal(t, tt.want, got)
		})
	}
}
