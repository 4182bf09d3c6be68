package card

// Small integer helpers. strconv would do, but its error type formats with
// Quote, which drags Unicode tables into the wasm module; these are all the
// core needs.

// appendInt appends n in decimal.
func appendInt(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		if n == -n { // the smallest int64
			return append(b, "9223372036854775808"...)
		}
		n = -n
	}
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, buf[i:]...)
}

func itoa(n int) string { return string(appendInt(nil, int64(n))) }

func itoa64(n int64) string { return string(appendInt(nil, n)) }

// parseInt reads an optionally negative decimal integer that fits int64.
func parseInt(s []byte) (int64, bool) {
	neg := false
	if len(s) > 0 && s[0] == '-' {
		neg, s = true, s[1:]
	}
	if len(s) == 0 || len(s) > 19 {
		return 0, false
	}
	var n uint64
	for _, ch := range s {
		if ch < '0' || ch > '9' {
			return 0, false
		}
		n = n*10 + uint64(ch-'0')
	}
	if neg {
		if n > 1<<63 {
			return 0, false
		}
		return -int64(n), true
	}
	if n > 1<<63-1 {
		return 0, false
	}
	return int64(n), true
}

// sortStable sorts n items stably with less, by insertion into a merge
// sort of index runs: one piece of code for every slice the core sorts,
// rather than one generic instantiation per element type.
func sortStable(n int, less func(i, j int) bool, swap func(i, j int)) {
	// Insertion sort on blocks, then merges by rotation (as sort.Stable does),
	// all in place through swap.
	const block = 20
	for a := 0; a < n; a += block {
		b := min(a+block, n)
		for i := a + 1; i < b; i++ {
			for j := i; j > a && less(j, j-1); j-- {
				swap(j, j-1)
			}
		}
	}
	for size := block; size < n; size *= 2 {
		for a := 0; a+size < n; a += 2 * size {
			symMerge(a, a+size, min(a+2*size, n), less, swap)
		}
	}
}

// symMerge merges the sorted runs [a,m) and [m,b) in place.
func symMerge(a, m, b int, less func(i, j int) bool, swap func(i, j int)) {
	if m-a == 0 || b-m == 0 {
		return
	}
	if m-a == 1 {
		// Insert a into [m,b).
		i := m
		for i < b && less(i, a) {
			i++
		}
		for k := a; k < i-1; k++ {
			swap(k, k+1)
		}
		return
	}
	if b-m == 1 {
		i := a
		for i < m && !less(m, i) {
			i++
		}
		for k := m; k > i; k-- {
			swap(k, k-1)
		}
		return
	}
	mid := int(uint(a+b) >> 1)
	n := mid + m
	var start, r int
	if m > mid {
		start, r = n-b, mid
	} else {
		start, r = a, m
	}
	p := n - 1
	for start < r {
		c := int(uint(start+r) >> 1)
		if !less(p-c, c) {
			start = c + 1
		} else {
			r = c
		}
	}
	end := n - start
	if start < m && m < end {
		rotate(start, m, end, swap)
	}
	if a < start && start < mid {
		symMerge(a, start, mid, less, swap)
	}
	if mid < end && end < b {
		symMerge(mid, end, b, less, swap)
	}
}

// rotate turns [a,m) [m,b) into [m,b) [a,m) by three reversals.
func rotate(a, m, b int, swap func(i, j int)) {
	reverse(a, m, swap)
	reverse(m, b, swap)
	reverse(a, b, swap)
}

func reverse(a, b int, swap func(i, j int)) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		swap(i, j)
	}
}

// trimASCII trims ASCII white space (JSON's, and the URL's).
func trimASCII(s string) string {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' }
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

// sortByKey sorts idx stably by key[idx[i]]: a merge sort through one
// scratch slice, without closures (each closure passed to sortStable is a
// function of its own in the wasm module, and dear there).
func sortByKey(idx []int, key []int64) {
	n := len(idx)
	if n < 2 {
		return
	}
	tmp := make([]int, n)
	src, dst := idx, tmp
	for width := 1; width < n; width *= 2 {
		for lo := 0; lo < n; lo += 2 * width {
			mid, hi := min(lo+width, n), min(lo+2*width, n)
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if key[src[j]] < key[src[i]] {
					dst[k] = src[j]
					j++
				} else {
					dst[k] = src[i]
					i++
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:hi])
		}
		src, dst = dst, src
	}
	if &src[0] != &idx[0] {
		copy(idx, src)
	}
}
