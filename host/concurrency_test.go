package host_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/host"
	"github.com/wxcard/wxcard/wasm/card"
)

// Many goroutines share one Runtime; every answer must be the native one
// for that goroutine's own input (a mix-up between instances or a shared
// buffer would hand one caller another's output).
func TestConcurrentCallsMatchNative(t *testing.T) {
	rt := newRuntime(t, host.WithPoolSize(max(2, runtime.GOMAXPROCS(0))))
	cases := nativeCases(t)
	want := make([]string, len(cases))
	for i, tc := range cases {
		want[i] = string(card.Call(tc.op, tc.input))
	}
	goroutines, calls := 16, 200
	if testing.Short() {
		calls = 50
	}
	var wg sync.WaitGroup
	errs := make(chan error, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range calls {
				k := (g*7 + i) % len(cases)
				got, err := rt.Call(context.Background(), cases[k].op, cases[k].input)
				if err != nil {
					errs <- fmt.Errorf("goroutine %d call %d (%s): %w", g, i, cases[k].name, err)
					return
				}
				if string(got) != want[k] {
					errs <- fmt.Errorf("goroutine %d call %d (%s): got %.200s, want %.200s", g, i, cases[k].name, got, want[k])
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
}

// Typed methods from many goroutines, plus a Close racing the tail of them:
// each call either answers correctly or fails with ErrClosed.
func TestConcurrentTypedCallsAndClose(t *testing.T) {
	rt, err := host.New(context.Background(), host.WithoutCache(), host.WithPoolSize(3))
	require.NoError(t, err)
	payload := cardListPayload(5)
	wantOut, err := host.DecodeOutput(card.Call(card.OpValidateCardList, request(t, payload)), nil)
	require.NoError(t, err)

	var wg sync.WaitGroup
	results := make(chan error, 8*100)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				out, err := rt.ValidateCardList(context.Background(), payload, card.Options{})
				switch {
				case errors.Is(err, host.ErrClosed):
				case err != nil:
					results <- err
				case !equalOutput(out, wantOut):
					results <- fmt.Errorf("got %+v, want %+v", out, wantOut)
				}
			}
		}()
	}
	require.NoError(t, rt.Close(context.Background()))
	wg.Wait()
	close(results)
	for err := range results {
		require.NoError(t, err)
	}
}

func equalOutput(a, b card.Output) bool {
	return fmt.Sprintf("%#v", a) == fmt.Sprintf("%#v", b)
}
