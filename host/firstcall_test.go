package host_test

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// newstackCounter counts calls into the Go runtime's stack growth.
type newstackCounter struct{ n *int }

func (c newstackCounter) NewFunctionListener(d api.FunctionDefinition) experimental.FunctionListener {
	if d.Name() != "runtime.newstack" {
		return nil
	}
	return c
}

func (c newstackCounter) Before(context.Context, api.Module, api.FunctionDefinition, []uint64, experimental.StackIterator) {
	*c.n++
}
func (newstackCounter) After(context.Context, api.Module, api.FunctionDefinition, []uint64) {}
func (newstackCounter) Abort(context.Context, api.Module, api.FunctionDefinition, error)    {}

// The guest grows its stack in init, so that the pre-initialized module
// ships it (wasm/guest/main.go): the first call of an instance must not grow
// it again, or V8 compiles the runtime's stack copying before the first
// verdict (~14 ms of Node's cold start). The shipped module has no names, so
// this builds one that keeps them with make wasm's own script (WASM_NAMES=1)
// and watches runtime.newstack through the first call of every vector.
func TestFirstCallGrowsNoStack(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the guest")
	}
	named := filepath.Join(t.TempDir(), "named.wasm")
	build := exec.Command("bash", "../build/wasm.sh", named)
	build.Env = append(os.Environ(), "WASM_NAMES=1")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)
	bin, err := os.ReadFile(named)
	require.NoError(t, err)

	grows := 0
	ctx := experimental.WithFunctionListenerFactory(context.Background(), newstackCounter{&grows})
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter())
	defer r.Close(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	compiled, err := r.CompileModule(ctx, bin)
	require.NoError(t, err)
	vs := loadVectors(t)
	require.NotEmpty(t, vs)
	for _, v := range vs {
		mod, err := r.InstantiateModule(ctx, compiled, wazero.NewModuleConfig().WithName("").
			WithStartFunctions().WithStderr(io.Discard).WithSysNanotime())
		require.NoError(t, err)
		grows = 0
		p, err := mod.ExportedFunction("wxcard_alloc").Call(ctx, uint64(len(v.op)+len(v.input)))
		require.NoError(t, err)
		base := uint32(p[0])
		require.True(t, mod.Memory().WriteString(base, v.op))
		require.True(t, mod.Memory().Write(base+uint32(len(v.op)), v.input))
		_, err = mod.ExportedFunction("wxcard_call").Call(ctx, uint64(base), uint64(len(v.op)), uint64(base)+uint64(len(v.op)), uint64(len(v.input)))
		require.NoError(t, err, v.name)
		require.Zero(t, grows, "the first call of %s grew the guest's stack", v.name)
		require.NoError(t, mod.Close(ctx))
	}
}
