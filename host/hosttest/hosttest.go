// Package hosttest turns a not-ok wxcard output into a readable test
// failure, so a backend test checking the payloads it builds is one line:
//
//	rt := hosttest.New(t)
//	hosttest.RequireOK(t, rt, card.OpValidateCardList, input)
//	opts := hosttest.RequireResult[card.AddCardOptions](t, rt, card.OpBuildAddCard, payload, card.Options{})
package hosttest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/host"
	"github.com/wxcard/wxcard/wasm/card"
)

// New starts a Runtime for the test and closes it when the test ends. After
// the first in a process, it costs a few milliseconds.
func New(tb testing.TB, opts ...host.Option) *host.Runtime {
	tb.Helper()
	rt, err := host.New(context.Background(), opts...)
	require.NoError(tb, err)
	tb.Cleanup(func() { _ = rt.Close(context.Background()) })
	return rt
}

// T is what the helpers need of a *testing.T (or *testing.B).
type T interface {
	require.TestingT
	Helper()
}

// RequireOK runs op on input (a JSON request) and fails the test at once,
// listing the diagnostics, unless the call succeeds and the output is ok.
// It returns the decoded output; Result is raw JSON (json.RawMessage).
func RequireOK(t T, rt *host.Runtime, op string, input []byte) card.Output {
	t.Helper()
	b, err := rt.Call(context.Background(), op, input)
	require.NoError(t, err, "%s", op)
	out, err := host.DecodeOutput(b, nil)
	require.NoError(t, err, "%s", op)
	RequireOutputOK(t, op, out)
	return out
}

// RequireResult runs op on payload and options the way the typed methods do,
// requires an ok output with a result, and returns the result decoded as R
// (card.AddCardOptions for buildAddCard, card.OpenCardOptions for
// buildOpenCard, …).
func RequireResult[R any](t T, rt *host.Runtime, op string, payload any, opts card.Options) *R {
	t.Helper()
	req, err := host.EncodeRequest(payload, opts)
	require.NoError(t, err, "%s", op)
	b, err := rt.Call(context.Background(), op, req)
	require.NoError(t, err, "%s", op)
	out, err := host.DecodeOutput(b, new(R))
	require.NoError(t, err, "%s", op)
	RequireOutputOK(t, op, out)
	r, ok := out.Result.(*R)
	require.True(t, ok, "%s: ok output without a result: %s", op, b)
	return r
}

// RequireOutputOK fails the test, listing the diagnostics, unless out is ok.
// Use it on what a typed method returned.
func RequireOutputOK(t T, op string, out card.Output) {
	t.Helper()
	if out.OK {
		return
	}
	t.Errorf("%s: output is not ok:\n%s", op, Format(out.Diagnostics))
	t.FailNow()
}

// Format renders diagnostics one per line, as a reader scans them:
//
//	error   nonce-too-long  /cardList/0/cardExt/nonce_str  3:21  nonce_str is longer than 32
//
// with file:line:col when the diagnostic names a file and "-" when it has
// no position.
func Format(diags []card.Diagnostic) string {
	if len(diags) == 0 {
		return "  (no diagnostics)\n"
	}
	rows := make([][4]string, len(diags))
	var width [4]int
	for i, d := range diags {
		pos := "-"
		if d.HasPosition() {
			pos = fmt.Sprintf("%d:%d", d.Line, d.Column)
		}
		if d.File != "" {
			if d.HasPosition() {
				pos = d.File + ":" + pos
			} else {
				pos = d.File
			}
		}
		path := d.Path
		if path == "" {
			path = "(root)" // "" is the root pointer; "/" would name the key ""
		}
		rows[i] = [4]string{string(d.Severity), d.Code, path, pos}
		for j, s := range rows[i] {
			width[j] = max(width[j], len(s))
		}
	}
	var b strings.Builder
	for i, r := range rows {
		b.WriteString("  ")
		for j, s := range r {
			fmt.Fprintf(&b, "%-*s  ", width[j], s)
		}
		b.WriteString(diags[i].Message)
		b.WriteByte('\n')
	}
	return b.String()
}
