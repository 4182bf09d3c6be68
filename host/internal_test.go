package host

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/wasm/card"
)

// withoutBridge has New wait for the compiler: the tests that count
// instances must not see bridge instances come and go.
func withoutBridge() Option { return func(c *config) { c.noBridge = true } }

func newTestRuntime(t testing.TB, opts ...Option) *Runtime {
	t.Helper()
	r, err := New(context.Background(), append([]Option{WithoutCache(), withoutBridge()}, opts...)...)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, r.Close(context.Background())) })
	return r
}

func (r *Runtime) instanceCount() int {
	r.countMu.Lock()
	defer r.countMu.Unlock()
	return r.instantiations
}

func TestWaitForInstanceHonoursContext(t *testing.T) {
	r := newTestRuntime(t, WithPoolSize(1))
	r.slots <- struct{}{} // the only instance is busy
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := r.Call(ctx, card.OpValidateCardList, []byte(`{}`))
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.GreaterOrEqual(t, time.Since(start), 40*time.Millisecond, "it waited for a free instance")

	<-r.slots
	out, err := r.Call(context.Background(), card.OpValidateCardList, []byte(`{}`))
	require.NoError(t, err)
	assert.Equal(t, string(card.Call(card.OpValidateCardList, []byte(`{}`))), string(out))
}

func TestCloseWaitsForCallsUnderWay(t *testing.T) {
	r, err := New(context.Background(), WithoutCache(), withoutBridge(), WithPoolSize(1))
	require.NoError(t, err)
	r.slots <- struct{}{} // a caller holds the only instance...
	done := make(chan error, 1)
	go func() { _, err := r.Call(context.Background(), "x", nil); done <- err }()
	time.Sleep(20 * time.Millisecond) // ...and another waits for it
	closed := make(chan error, 1)
	go func() { closed <- r.Close(context.Background()) }()
	select {
	case <-closed:
		t.Fatal("Close returned while a call was waiting")
	case <-time.After(30 * time.Millisecond):
	}
	<-r.slots
	require.NoError(t, <-done, "the waiting call is served, not cut off")
	require.NoError(t, <-closed)
	_, err = r.Call(context.Background(), "x", nil)
	require.ErrorIs(t, err, ErrClosed)
}

func TestTrappedInstanceIsReplaced(t *testing.T) {
	r := newTestRuntime(t, WithPoolSize(1), WithMemoryLimit(16<<20), WithMaxInput(32<<20))
	require.Equal(t, 1, r.instanceCount())
	_, err := r.Call(context.Background(), "x", make([]byte, 24<<20))
	require.Error(t, err)
	_, err = r.Call(context.Background(), "x", nil)
	require.NoError(t, err)
	assert.Equal(t, 2, r.instanceCount(), "a fresh instance replaced the broken one")
	_, err = r.Call(context.Background(), "x", nil)
	require.NoError(t, err)
	assert.Equal(t, 2, r.instanceCount(), "and is reused")
}

func TestHugeInputBlockIsNotKept(t *testing.T) {
	r := newTestRuntime(t, WithPoolSize(1))
	ctx := context.Background()
	_, err := r.Call(ctx, "x", []byte("{}"))
	require.NoError(t, err)
	inst := <-r.idle
	small := inst.bufCap
	r.idle <- inst
	assert.Equal(t, uint32(minBuffer), small)

	_, err = r.Call(ctx, "x", make([]byte, 3<<20))
	require.NoError(t, err)
	inst = <-r.idle
	assert.Zero(t, inst.bufCap, "a block over keepBuffer is freed after its call")
	r.idle <- inst
}

func TestSoakMemoryStaysBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("200,000 calls: run without -short")
	}
	r := newTestRuntime(t, WithPoolSize(1))
	ctx := context.Background()
	// Batches as a backend sends them: mostly small, sometimes ten cards.
	var inputs [][]byte
	for _, cards := range []int{1, 2, 5, 10} {
		inputs = append(inputs, soakInput(cards))
	}
	const calls = 200_000
	for i := range calls {
		in := inputs[i%len(inputs)]
		if _, err := r.Call(ctx, card.OpValidateCardList, in); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	require.Equal(t, 1, r.instanceCount(), "all calls ran on one instance")
	inst := <-r.idle
	defer func() { r.idle <- inst }()
	pages := inst.memoryBytes() / pageSize
	t.Logf("guest memory after %d calls: %d pages (%.1f MiB)", calls, pages, float64(inst.memoryBytes())/(1<<20))
	assert.Less(t, inst.memoryBytes(), uint32(16<<20), "guest memory must stay under 16 MiB")
}

func soakInput(cards int) []byte {
	var b strings.Builder
	b.WriteString(`{"payload":{"cardList":[`)
	for i := range cards {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMk%04d","cardExt":"{\"code\":\"%012d\",\"openid\":\"oFS7Fjl0WsZ9AMZqrI80nbIq8xrA\",\"timestamp\":\"%d\",\"nonce_str\":\"k3mZq8x2Lw%06d\",\"signature\":\"%040x\"}"}`,
			i, 310000000000+i, 1700000000+i, i, i*7919)
	}
	b.WriteString(`]},"options":{}}`)
	return []byte(b.String())
}

func TestStderrWriterKeepsBothEnds(t *testing.T) {
	var w stderrWriter
	fmt.Fprint(&w, "fatal error: out of memory\n")
	for i := range 2000 {
		fmt.Fprintf(&w, "goroutine %d\n", i)
	}
	s := w.String()
	assert.True(t, strings.HasPrefix(s, "fatal error: out of memory\n"))
	assert.True(t, strings.HasSuffix(s, "goroutine 1999\n"))
	assert.Contains(t, s, "bytes left out")
	assert.Less(t, len(s), 2*stderrKeep+100)

	w.Reset()
	fmt.Fprint(&w, "short")
	assert.Equal(t, "short", w.String())
}

func TestPoolNeverExceedsItsSize(t *testing.T) {
	r := newTestRuntime(t, WithPoolSize(2))
	in := soakInput(3)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				_, err := r.Call(context.Background(), card.OpValidateCardList, in)
				assert.NoError(t, err)
			}
		}()
	}
	wg.Wait()
	assert.LessOrEqual(t, r.instanceCount(), 2)
	assert.Len(t, r.idle, r.instanceCount(), "every instance went back to the pool")
}

// lateCancel is a context that is fine when a call starts and done when
// it ends, as if it were cancelled while the guest ran.
type lateCancel struct {
	context.Context
	checks int
}

func (c *lateCancel) Err() error {
	c.checks++
	if c.checks > 1 {
		return context.Canceled
	}
	return nil
}

func TestContextDoneDuringCall(t *testing.T) {
	r := newTestRuntime(t, WithPoolSize(1))
	ctx := &lateCancel{Context: context.Background()}
	_, err := r.Call(ctx, card.OpValidateCardList, []byte(`{}`))
	require.ErrorIs(t, err, context.Canceled, "the answer of a call whose context ended is not returned")
	require.Equal(t, 2, ctx.checks, "checked before and after")

	_, err = r.Call(context.Background(), card.OpValidateCardList, []byte(`{}`))
	require.NoError(t, err)
	assert.Equal(t, 1, r.instanceCount(), "the instance was healthy and went back to the pool")
}

func TestGuestRefusesAddressesOutsideItsBlocks(t *testing.T) {
	r := newTestRuntime(t, WithPoolSize(1))
	inst := <-r.idle
	// A host bug: an input address no wxcard_alloc handed out.
	_, err := inst.call.Call(context.Background(), 0, 0, 4096, 16)
	require.Error(t, err)
	assert.Contains(t, inst.stderr.String(), "not inside a block from wxcard_alloc")
	inst.close(context.Background())
	_ = r.instantiateInto(t)
}

// instantiateInto puts a fresh instance back into r's pool.
func (r *Runtime) instantiateInto(t *testing.T) *instance {
	inst, err := r.instantiate(context.Background())
	require.NoError(t, err)
	r.idle <- inst
	return inst
}
