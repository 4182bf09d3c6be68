package hosttest_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/host"
	"github.com/wxcard/wxcard/host/hosttest"
	"github.com/wxcard/wxcard/wasm/card"
)

// recorder is a T that remembers instead of failing, so the failure path
// itself can be tested.
type recorder struct {
	errors []string
	failed bool
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) FailNow() { r.failed = true; panic(r) }
func (r *recorder) Helper()  {}

// run calls f with r and swallows the FailNow panic.
func (r *recorder) run(f func()) {
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
	}()
	f()
}

var diags = []card.Diagnostic{
	{Code: "nonce-too-long", Severity: card.SeverityError, Path: "/cardList/0/cardExt/nonce_str", Message: "nonce_str is longer than 32", Offset: 57, Length: 38, Line: 3, Column: 21},
	{Code: "card-id-format", Severity: card.SeverityWarning, Path: "/cardList/1/cardId", Message: "cardId does not look like one"},
	{Code: "legacy-field", Severity: card.SeverityInfo, Path: "", Message: "outer_id is legacy", Line: 1, Column: 2, File: "pay/a.json"},
}

func TestFormat(t *testing.T) {
	assert.Equal(t, ""+
		"  error    nonce-too-long  /cardList/0/cardExt/nonce_str  3:21            nonce_str is longer than 32\n"+
		"  warning  card-id-format  /cardList/1/cardId             -               cardId does not look like one\n"+
		"  info     legacy-field    (root)                         pay/a.json:1:2  outer_id is legacy\n",
		hosttest.Format(diags))
	assert.Equal(t, "  (no diagnostics)\n", hosttest.Format(nil))
}

func TestRequireOutputOKFailsWithDiagnostics(t *testing.T) {
	var r recorder
	r.run(func() {
		hosttest.RequireOutputOK(&r, card.OpValidateCardList, card.Output{OK: false, Diagnostics: diags})
	})
	require.True(t, r.failed)
	require.Len(t, r.errors, 1)
	assert.Contains(t, r.errors[0], "validateCardList: output is not ok")
	assert.Contains(t, r.errors[0], "nonce-too-long  /cardList/0/cardExt/nonce_str  3:21")
	assert.Contains(t, r.errors[0], "nonce_str is longer than 32")

	r = recorder{}
	r.run(func() {
		hosttest.RequireOutputOK(&r, card.OpValidateCardList, card.Output{OK: true, Diagnostics: diags[1:]})
	})
	assert.False(t, r.failed, "warnings alone do not fail")
	assert.Empty(t, r.errors)
}

func newRuntime(t *testing.T) *host.Runtime { return hosttest.New(t, host.WithoutCache()) }

func TestNewClosesWhenTheTestEnds(t *testing.T) {
	var rt *host.Runtime
	t.Run("inner", func(t *testing.T) {
		rt = newRuntime(t)
		_, err := rt.Call(context.Background(), "x", nil)
		require.NoError(t, err)
	})
	_, err := rt.Call(context.Background(), "x", nil)
	assert.ErrorIs(t, err, host.ErrClosed)
}

func TestRequireOK(t *testing.T) {
	rt := newRuntime(t)
	input := []byte(`{"payload":{"cardList":[{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","cardExt":"{\"timestamp\":\"1700000000\",\"nonce_str\":\"k3mZq8x2Lw\",\"signature\":\"0123456789abcdef0123456789abcdef01234567\"}"}]},"options":{}}`)
	want, err := host.DecodeOutput(card.Call(card.OpValidateCardList, input), nil)
	require.NoError(t, err)
	require.True(t, want.OK, "fixture must be a valid payload: %s", hosttest.Format(want.Diagnostics))
	assert.Equal(t, want, hosttest.RequireOK(t, rt, card.OpValidateCardList, input))

	var r recorder
	r.run(func() { hosttest.RequireOK(&r, rt, card.OpValidateCardList, make([]byte, host.DefaultMaxInput+1)) })
	assert.True(t, r.failed, "a host error fails the test too")
}

func TestRequireResultWithoutResultFails(t *testing.T) {
	rt := newRuntime(t)
	// validateCardList has no result: asking for one must fail, not return nil.
	payload := map[string]any{"cardList": []any{}}
	out, err := rt.ValidateCardList(context.Background(), payload, card.Options{})
	require.NoError(t, err)
	var r recorder
	r.run(func() {
		hosttest.RequireResult[card.AddCardOptions](&r, rt, card.OpValidateCardList, payload, card.Options{})
	})
	assert.True(t, r.failed)
	if out.OK {
		assert.Contains(t, fmt.Sprint(r.errors), "without a result")
	}
}
