package host_test

import (
	"context"
	"crypto/rand"
	"io"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/wxcard/wxcard/wasm"
)

// countingReader counts the bytes the guest asks its host for.
type countingReader struct{ n atomic.Int64 }

func (c *countingReader) Read(p []byte) (int, error) {
	c.n.Add(int64(len(p)))
	return rand.Read(p)
}

// The build ships the module with the Go runtime already initialized
// (build/preinit): an instance works without _initialize, which is now a
// no-op, and since the runtime's random state is then the same in every
// instance, the guest seeds its hash from the host's random_get on its first
// call, and only then.
func TestModuleIsPreinitialized(t *testing.T) {
	ctx := context.Background()
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter())
	defer r.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	entropy := &countingReader{}
	mod, err := r.InstantiateWithConfig(ctx, wasm.Binary, wazero.NewModuleConfig().
		WithStartFunctions().WithRandSource(entropy).WithStderr(io.Discard))
	require.NoError(t, err)

	abi, err := mod.ExportedFunction("wxcard_abi_version").Call(ctx)
	require.NoError(t, err, "a call before _initialize")
	assert.Equal(t, uint64(1), abi[0])
	require.Zero(t, entropy.n.Load(), "no entropy read before the first call")

	call := func() string {
		op, in := "validateCardList", `{"payload":{"cardList":[{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","cardExt":"{}"}]}}`
		p, err := mod.ExportedFunction("wxcard_alloc").Call(ctx, uint64(len(op)+len(in)))
		require.NoError(t, err)
		base := uint32(p[0])
		require.True(t, mod.Memory().WriteString(base, op+in))
		res, err := mod.ExportedFunction("wxcard_call").Call(ctx, uint64(base), uint64(len(op)), uint64(base)+uint64(len(op)), uint64(len(in)))
		require.NoError(t, err)
		out, ok := mod.Memory().Read(uint32(res[0]>>32), uint32(res[0]))
		require.True(t, ok)
		_, err = mod.ExportedFunction("wxcard_free").Call(ctx, uint64(base))
		require.NoError(t, err)
		return string(out)
	}
	first := call()
	assert.Contains(t, first, `"ok":false`)
	require.Equal(t, int64(8), entropy.n.Load(), "the first call seeds from the host")
	_, err = mod.ExportedFunction("_initialize").Call(ctx)
	require.NoError(t, err)
	assert.Equal(t, first, call(), "_initialize changed nothing")
	assert.Equal(t, int64(8), entropy.n.Load(), "seeded once")
}
