package main

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
)

// testModule is a reactor in miniature: a memory with one data segment,
// a mutable and an immutable global, and an _initialize (body init) whose
// work the snapshot must keep.
func testModule(init []byte) []byte {
	sec := func(id byte, payload ...byte) section { return section{id: id, payload: payload} }
	code := append(append([]byte{0}, init...), 0x0b) // no locals; body; end
	m := &module{sections: []section{
		sec(secType, 1, 0x60, 0, 0),
		sec(secFunction, 1, 0),
		sec(secMemory, 1, 0, 1),
		sec(secGlobal, 2, 0x7f, 1, 0x41, 0, 0x0b, 0x7e, 0, 0x42, 5, 0x0b),
		sec(secExport, append(append(append(appendName([]byte{3}, "memory"), kindMemory, 0),
			append(appendName(nil, "_initialize"), kindFunc, 0)...), append(appendName(nil, "g"), kindGlobal, 0)...)...),
		sec(secCode, append(append([]byte{1}, appendU32(nil, uint32(len(code)))...), code...)...),
		sec(secData, 1, 0, 0x41, 8, 0x0b, 2, 'a', 'b'),
	}}
	return m.encode()
}

var initBody = []byte{
	0x41, 16, 0x41, 42, 0x3a, 0, 0, // mem[16] = 42
	0x41, 8, 0x41, 0, 0x3a, 0, 0, // mem[8] = 0 (was 'a')
	0x41, 7, 0x24, 0, // g = 7
	0x41, 1, 0x40, 0, 0x1a, // grow by a page
	0x41, 0x84, 0x80, 0x04, 0x41, 9, 0x3a, 0, 0, // mem[65540] = 9
}

func TestPreinitKeepsInitializedState(t *testing.T) {
	ctx := context.Background()
	out, err := Preinit(ctx, testModule(initBody))
	require.NoError(t, err)

	again, err := Preinit(ctx, testModule(initBody))
	require.NoError(t, err)
	require.Equal(t, out, again, "the same input gives the same bytes")

	rt := wazero.NewRuntime(ctx)
	defer rt.Close(ctx)
	mod, err := rt.InstantiateWithConfig(ctx, out, wazero.NewModuleConfig().WithStartFunctions())
	require.NoError(t, err)
	check := func(when string) {
		mem := mod.Memory()
		require.Equal(t, uint32(2*65536), mem.Size(), when)
		b, _ := mem.Read(0, mem.Size())
		assert.Equal(t, byte(0), b[8], "%s: a byte _initialize zeroed", when)
		assert.Equal(t, byte('b'), b[9], "%s: data _initialize left alone", when)
		assert.Equal(t, byte(42), b[16], "%s: a byte _initialize wrote", when)
		assert.Equal(t, byte(9), b[65540], "%s: a byte in the page _initialize grew", when)
		assert.Equal(t, uint64(7), mod.ExportedGlobal("g").Get(), "%s: the mutable global", when)
	}
	check("before _initialize")
	_, err = mod.ExportedFunction("_initialize").Call(ctx)
	require.NoError(t, err)
	check("after _initialize, now a no-op")

	// A pre-initialized module can go through again (its _initialize does nothing).
	twice, err := Preinit(ctx, out)
	require.NoError(t, err)
	assert.Greater(t, len(twice), len(out)-1)
}

func TestPreinitErrors(t *testing.T) {
	ctx := context.Background()
	for name, tc := range map[string]struct {
		wasm []byte
		want string
	}{
		"not wasm":   {[]byte("\x7fELF"), "not a WebAssembly"},
		"truncated":  {testModule(initBody)[:40], "malformed module"},
		"trap":       {testModule([]byte{0x00}), "_initialize"}, // unreachable
		"writes out": {nil, ""},
		"no _initialize": {func() []byte {
			b := testModule(nil)
			m, _ := parseModule(b)
			m.replace(secExport, append(appendName([]byte{1}, "memory"), kindMemory, 0))
			return m.encode()
		}(), "no _initialize"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Preinit(ctx, tc.wasm)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}
