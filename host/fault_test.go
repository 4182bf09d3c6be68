package host_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/host"
	"github.com/wxcard/wxcard/wasm"
	"github.com/wxcard/wxcard/wasm/card"
)

// requireServes asserts that rt still answers a good call correctly.
func requireServes(t *testing.T, rt *host.Runtime) {
	t.Helper()
	in := request(t, cardListPayload(2))
	got, err := rt.Call(context.Background(), card.OpValidateCardList, in)
	require.NoError(t, err)
	require.Equal(t, string(card.Call(card.OpValidateCardList, in)), string(got))
}

func TestGuestOutOfMemory(t *testing.T) {
	// 16 MiB of guest memory cannot hold a 24 MiB input: the guest's
	// allocator fails, the Go runtime in it dies, and that must surface as
	// a GuestError with the guest's own words — not take the host down.
	rt := newRuntime(t, host.WithPoolSize(1), host.WithMemoryLimit(16<<20), host.WithMaxInput(32<<20))
	requireServes(t, rt)
	_, err := rt.Call(context.Background(), card.OpValidateCardList, make([]byte, 24<<20))
	var gerr *host.GuestError
	require.ErrorAs(t, err, &gerr)
	assert.Equal(t, card.OpValidateCardList, gerr.Op)
	assert.Contains(t, gerr.Stderr, "out of memory")
	assert.Contains(t, err.Error(), "out of memory", "the error text carries the guest's stderr")
	assert.Contains(t, gerr.Stderr, "fatal error: out of memory", "the start of stderr is kept")
	assert.Contains(t, gerr.Stderr, "goroutine", "and so is its end")
	assert.LessOrEqual(t, len(gerr.Stderr), 9<<10, "but not all of a long dump")

	requireServes(t, rt)
	requireServes(t, rt)
}

func TestInputOverCapNeverReachesGuest(t *testing.T) {
	rt := newRuntime(t, host.WithMaxInput(1000))
	_, err := rt.Call(context.Background(), card.OpValidateCardList, make([]byte, 1001))
	require.ErrorIs(t, err, host.ErrInputTooLarge)
	assert.Contains(t, err.Error(), "1001 bytes, limit 1000")

	// At the cap it goes through, and the core says what it thinks.
	got, err := rt.Call(context.Background(), card.OpValidateCardList, make([]byte, 1000))
	require.NoError(t, err)
	assert.Equal(t, string(card.Call(card.OpValidateCardList, make([]byte, 1000))), string(got))
}

func TestDefaultMaxInput(t *testing.T) {
	rt := newRuntime(t)
	_, err := rt.Call(context.Background(), card.OpValidateCardList, make([]byte, host.DefaultMaxInput+1))
	require.ErrorIs(t, err, host.ErrInputTooLarge)
	requireServes(t, rt)
}

func TestCancelledContext(t *testing.T) {
	rt := newRuntime(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := rt.Call(ctx, card.OpValidateCardList, request(t, cardListPayload(1)))
	require.ErrorIs(t, err, context.Canceled)
	_, err = rt.ValidateCardList(ctx, cardListPayload(1), card.Options{})
	require.ErrorIs(t, err, context.Canceled)
	requireServes(t, rt)
}

func TestCallAfterClose(t *testing.T) {
	rt, err := host.New(context.Background(), host.WithoutCache())
	require.NoError(t, err)
	requireServes(t, rt)
	require.NoError(t, rt.Close(context.Background()))
	require.NoError(t, rt.Close(context.Background()), "closing twice is harmless")

	_, err = rt.Call(context.Background(), card.OpValidateCardList, request(t, cardListPayload(1)))
	require.ErrorIs(t, err, host.ErrClosed)
	_, err = rt.BuildOpenCard(context.Background(), map[string]any{}, card.Options{})
	require.ErrorIs(t, err, host.ErrClosed)

	requireServes(t, newRuntime(t))
}

func TestCorruptedModule(t *testing.T) {
	flipped := append([]byte(nil), wasm.Binary...)
	for i := len(flipped) / 2; i < len(flipped)/2+64; i++ {
		flipped[i] ^= 0xA5
	}
	for _, tc := range []struct {
		name   string
		module []byte
		want   string
	}{
		{"empty", []byte{}, "compile wxcard module"},
		{"not wasm", []byte("<html>404</html>"), "compile wxcard module"},
		{"truncated", wasm.Binary[:len(wasm.Binary)/3], "compile wxcard module"},
		{"bytes flipped", flipped, "host:"},
		// A valid module that is not ours: no memory, no exports.
		{"foreign module", []byte("\x00asm\x01\x00\x00\x00"), "not a wxcard module"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rt, err := host.New(context.Background(), host.WithoutCache(), host.WithModule(tc.module))
			require.Error(t, err)
			assert.Nil(t, rt)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	requireServes(t, newRuntime(t))
}

func TestMemoryLimitBelowModuleMinimum(t *testing.T) {
	_, err := host.New(context.Background(), host.WithoutCache(), host.WithMemoryLimit(64<<10))
	require.Error(t, err)
}

// 70,000 {} cards (210 KB) used to run the guest out of its default 128 MiB
// listing 140,000 diagnostics; now it lists 1,000 and counts the rest.
func TestManyFindingsFitTheDefaultMemory(t *testing.T) {
	rt := newRuntime(t, host.WithPoolSize(1))
	in := []byte(`{"payload":{"cardList":[` + strings.TrimSuffix(strings.Repeat(`{},`, 70000), ",") + `]},"options":{}}`)
	got, err := rt.Call(context.Background(), card.OpValidateCardList, in)
	require.NoError(t, err)
	require.Equal(t, string(card.Call(card.OpValidateCardList, in)), string(got), "the same bytes as native")
	var out card.Output
	require.NoError(t, json.Unmarshal(got, &out))
	require.Len(t, out.Diagnostics, card.MaxListed+1)
	last := out.Diagnostics[len(out.Diagnostics)-1]
	assert.Equal(t, card.CodeDiagnosticsTruncated, last.Code)
	assert.Contains(t, last.Message, "139000 more diagnostics")
	requireServes(t, rt)
}
