package host

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"

	"github.com/wxcard/wxcard/tests"
	wxwasm "github.com/wxcard/wxcard/wasm"
	"github.com/wxcard/wxcard/wasm/card"
)

// uniqueModule is the shipped module with a custom section only this test
// names: other bytes, so this process has compiled nothing for it yet.
func uniqueModule(name string) []byte {
	sec := append(append([]byte{byte(len(name))}, name...), 0) // and one byte of payload
	return append(append(append([]byte(nil), wxwasm.Binary...), 0, byte(len(sec))), sec...)
}

// Before the compiler is done, calls run on the interpreter's bridge; then
// on compiled instances, the bridge's closed as they come back, and the
// bridge with the last.
func TestBridgeWhileCompiling(t *testing.T) {
	ctx := context.Background()
	start := time.Now()
	r, err := New(ctx, WithModule(uniqueModule(t.Name())), WithoutCache(), WithPoolSize(2))
	require.NoError(t, err)
	defer r.Close(ctx)
	if r.cm.ready() {
		t.Skip("the compiler finished within the grace; nothing to bridge")
	}
	t.Logf("New returned after %v, the compiler still at work", time.Since(start))
	in := []byte(`{"payload":{"cardList":[{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","code":"x"}]}}`)
	out, err := r.Call(ctx, card.OpValidateCardList, in)
	require.NoError(t, err)
	assert.Equal(t, string(card.Call(card.OpValidateCardList, in)), string(out))
	inst := <-r.idle
	bridged := inst.eng
	r.idle <- inst
	if r.cm.ready() {
		t.Skip("the compiler finished during the first call")
	}
	assert.True(t, bridged.bridge, "the first instance is the interpreter's")

	<-r.cm.done
	require.NoError(t, r.cm.err)
	// The first call after runs on the bridge's instance, which it then
	// closes; the next makes a compiled one.
	for range 2 {
		out, err = r.Call(ctx, card.OpValidateCardList, in)
		require.NoError(t, err)
		assert.Equal(t, string(card.Call(card.OpValidateCardList, in)), string(out))
	}
	require.Len(t, r.idle, 1)
	inst = <-r.idle
	assert.False(t, inst.eng.bridge, "a compiled instance took the bridge's place")
	r.idle <- inst
	r.cm.mu.Lock()
	defer r.cm.mu.Unlock()
	assert.Nil(t, r.cm.bridge, "the bridge was closed with its last instance")
	assert.Equal(t, 0, bridged.live)
}

// The interpreter gives every vector's bytes, as the compiler does.
func TestInterpreterAnswersEveryVector(t *testing.T) {
	if testing.Short() {
		t.Skip("every vector on wazero's interpreter: run without -short")
	}
	e, err := newEngine(wazero.NewRuntimeConfigInterpreter(), wxwasm.Binary, false)
	require.NoError(t, err)
	done := make(chan struct{})
	close(done)
	cfg := defaultConfig()
	cfg.poolSize = 1
	r, err := newRuntime(context.Background(), &cfg, &compiledModule{done: done, fast: e})
	require.NoError(t, err)
	defer e.rt.Close(context.Background())
	defer r.Close(context.Background())
	vs, err := tests.Load(tests.Dir())
	require.NoError(t, err)
	for _, v := range vs {
		got, err := r.Call(context.Background(), v.Op, v.Input)
		require.NoError(t, err, v.Name)
		require.Equal(t, string(v.Output), string(got), v.Name)
	}
	assert.GreaterOrEqual(t, len(vs), 300)
}
