package host

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeModule assembles a tiny module with wxcard's exports: ABI version abi,
// a wxcard_call that always traps, and (if wrongCall) a wxcard_call that
// returns i32 instead of i64.
func fakeModule(abi byte, wrongCall bool) []byte {
	const i32, i64 = 0x7f, 0x7e
	vec := func(items ...[]byte) []byte {
		out := []byte{byte(len(items))}
		for _, it := range items {
			out = append(out, it...)
		}
		return out
	}
	section := func(id byte, body []byte) []byte {
		return append([]byte{id, byte(len(body))}, body...)
	}
	name := func(s string) []byte { return append([]byte{byte(len(s))}, s...) }
	code := func(instrs ...byte) []byte {
		body := append([]byte{0}, append(instrs, 0x0b)...) // no locals ... end
		return append([]byte{byte(len(body))}, body...)
	}
	callResult := byte(i64)
	if wrongCall {
		callResult = i32
	}
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, section(1, vec( // types
		[]byte{0x60, 0, 1, i32},
		[]byte{0x60, 1, i32, 1, i32},
		[]byte{0x60, 1, i32, 0},
		[]byte{0x60, 4, i32, i32, i32, i32, 1, callResult},
	))...)
	m = append(m, section(3, vec([]byte{0}, []byte{1}, []byte{2}, []byte{3}))...) // functions
	m = append(m, section(5, vec([]byte{0, 1}))...)                               // one page of memory
	m = append(m, section(7, vec(                                                 // exports
		append(name("memory"), 2, 0),
		append(name("wxcard_abi_version"), 0, 0),
		append(name("wxcard_alloc"), 0, 1),
		append(name("wxcard_free"), 0, 2),
		append(name("wxcard_call"), 0, 3),
	))...)
	m = append(m, section(10, vec( // code
		code(0x41, abi),        // i32.const abi
		code(0x41, 0x80, 0x08), // i32.const 1024
		code(),
		code(0x00), // unreachable
	))...)
	return m
}

func TestFakeModuleWrongABI(t *testing.T) {
	_, err := New(context.Background(), WithoutCache(), WithModule(fakeModule(2, false)))
	require.ErrorContains(t, err, "module speaks ABI 2, this host speaks 1")
}

func TestFakeModuleWrongSignature(t *testing.T) {
	_, err := New(context.Background(), WithoutCache(), WithModule(fakeModule(1, true)))
	require.ErrorContains(t, err, "wxcard_call has the wrong signature")
}

func TestTrapBecomesGuestErrorAndInstanceIsReplaced(t *testing.T) {
	r := newTestRuntime(t, WithModule(fakeModule(1, false)), WithPoolSize(1))
	for i := 1; i <= 3; i++ {
		_, err := r.Call(context.Background(), "validateCardList", []byte(`{}`))
		var gerr *GuestError
		require.ErrorAs(t, err, &gerr)
		assert.Equal(t, "validateCardList", gerr.Op)
		assert.Contains(t, err.Error(), "unreachable")
		assert.Empty(t, r.idle, "the trapped instance was not put back")
		assert.Equal(t, i, r.instanceCount(), "each call got a fresh instance")
	}
}
