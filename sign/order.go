package sign

import (
	"cmp"
	"strconv"
	"strings"
)

// The orders below are the wrong ones SDKs have shipped; Verify recomputes
// with each to explain a signature. The right order is plain byte order.

// compareFold is a case-insensitive order (strcasecmp, Python key=str.lower,
// Java CASE_INSENSITIVE_ORDER): ASCII folded to lower case, ties in byte order.
func compareFold(a, b string) int {
	return cmp.Or(strings.Compare(asciiLower(a), asciiLower(b)), strings.Compare(a, b))
}

// compareFoldUpper folds to upper case instead, which moves '_' (between
// the upper and lower case letters) after the letters.
func compareFoldUpper(a, b string) int {
	return cmp.Or(strings.Compare(asciiUpper(a), asciiUpper(b)), strings.Compare(a, b))
}

func asciiLower(s string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}, s)
}

func asciiUpper(s string) string {
	return strings.Map(func(r rune) rune {
		if 'a' <= r && r <= 'z' {
			return r - ('a' - 'A')
		}
		return r
	}, s)
}

// collationOrder lists ASCII in the order of the Unicode root collation
// (what localeCompare, Intl.Collator, ICU and most locales use) with
// punctuation non-ignorable: white space, punctuation, symbols, currency,
// digits, then letters with a and A sharing a primary weight.
const collationOrder = "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz"

var primaryWeight = func() (w [128]int) {
	for i := range w {
		w[i] = 1000 + i // control characters we did not list: after everything
	}
	for i := 0; i < len(collationOrder); i++ {
		w[collationOrder[i]] = i + 1
	}
	for c := 'A'; c <= 'Z'; c++ {
		w[c] = w[c+('a'-'A')]
	}
	return w
}()

func weight(r rune) int {
	if r < 128 {
		return primaryWeight[r]
	}
	return 2000 + int(r)
}

// compareLocale approximates a locale-aware collation: letters compare
// without case first (primary level), punctuation before digits before
// letters; a tie is broken by lower case before upper case (tertiary level)
// and finally by byte order.
func compareLocale(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	for i := 0; i < len(ra) && i < len(rb); i++ {
		if c := cmp.Compare(weight(ra[i]), weight(rb[i])); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(len(ra), len(rb)); c != 0 {
		return c
	}
	for i := range ra {
		la, lb := isLowerASCII(ra[i]), isLowerASCII(rb[i])
		if la != lb {
			if la {
				return -1
			}
			return 1
		}
	}
	return strings.Compare(a, b)
}

func isLowerASCII(r rune) bool { return 'a' <= r && r <= 'z' }

// compareNumeric is PHP's default sort() comparison (SORT_REGULAR): two
// numeric strings compare as numbers, anything else as strings.
func compareNumeric(a, b string) int {
	if isDecimal(a) && isDecimal(b) {
		ia, errA := strconv.ParseInt(a, 10, 64)
		ib, errB := strconv.ParseInt(b, 10, 64)
		if errA == nil && errB == nil {
			return cmp.Compare(ia, ib)
		}
		fa, _ := strconv.ParseFloat(a, 64)
		fb, _ := strconv.ParseFloat(b, 64)
		return cmp.Compare(fa, fb)
	}
	return strings.Compare(a, b)
}

func isDecimal(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
