package card

import "testing"

// BenchmarkFixedCost splits the smallest call (a payload without cardList:
// one finding) into its stages: what every call costs before any card. Run
// it compiled to wasm too (make bench-core-wasm), where a slice grown per
// call cost more than the rest of the stage.
func BenchmarkFixedCost(b *testing.B) {
	in := []byte(`{"payload":{}}`)
	var k Caller
	b.Run("call", func(b *testing.B) {
		for b.Loop() {
			k.Call(OpValidateCardList, in)
		}
	})
	b.Run("prepare", func(b *testing.B) {
		for b.Loop() {
			k.prepare(in, MaxInput)
		}
	})
	b.Run("prepare+request", func(b *testing.B) {
		for b.Loop() {
			c := k.prepare(in, MaxInput)
			c.request(OpValidateCardList, in)
		}
	})
	b.Run("prepare+request+output", func(b *testing.B) {
		for b.Loop() {
			c := k.prepare(in, MaxInput)
			o := c.output(c.request(OpValidateCardList, in))
			_ = o
		}
	})
	b.Run("append-output", func(b *testing.B) {
		c := k.prepare(in, MaxInput)
		o := c.output(c.request(OpValidateCardList, in))
		var buf []byte
		for b.Loop() {
			buf = appendOutput(buf[:0], &o)
		}
	})
}
