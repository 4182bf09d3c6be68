package host_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/host"
	"github.com/wxcard/wxcard/tests"
	"github.com/wxcard/wxcard/wasm/card"
)

// The two Go faces of the API say the same thing: every typed function of
// package card and the method of the same name on host.Runtime, given the
// payload of every conformance vector as the same []byte (JSON text) and the
// same options, answer with equal outputs and results.
func TestTypedFunctionsAgree(t *testing.T) {
	vs, err := tests.Load(tests.Dir())
	require.NoError(t, err)
	rt := newRuntime(t, host.WithPoolSize(1))
	ctx := context.Background()

	type typed struct {
		native func(p []byte, o card.Options) (any, card.Output)
		wasm   func(p []byte, o card.Options) (card.Output, error)
	}
	none := func(f func([]byte, card.Options) card.Output) func([]byte, card.Options) (any, card.Output) {
		return func(p []byte, o card.Options) (any, card.Output) { return nil, f(p, o) }
	}
	res := func(r any, out card.Output) (any, card.Output) { return r, out }
	url := func(p []byte) string {
		var s string
		_ = json.Unmarshal(p, &s)
		return s
	}
	ops := map[string]typed{
		card.OpValidateCardList: {none(card.ValidateCardList), func(p []byte, o card.Options) (card.Output, error) { return rt.ValidateCardList(ctx, p, o) }},
		card.OpBuildAddCard: {func(p []byte, o card.Options) (any, card.Output) { return res(card.BuildAddCard(p, o)) },
			func(p []byte, o card.Options) (card.Output, error) { return rt.BuildAddCard(ctx, p, o) }},
		card.OpBuildOpenCard: {func(p []byte, o card.Options) (any, card.Output) { return res(card.BuildOpenCard(p, o)) },
			func(p []byte, o card.Options) (card.Output, error) { return rt.BuildOpenCard(ctx, p, o) }},
		card.OpParseAddCardResult: {func(p []byte, o card.Options) (any, card.Output) { return res(card.ParseAddCardResult(p, o)) },
			func(p []byte, o card.Options) (card.Output, error) { return rt.ParseAddCardResult(ctx, p, o) }},
		card.OpParseActivateURL: {func(p []byte, o card.Options) (any, card.Output) { return res(card.ParseActivateURL(url(p), o)) },
			func(p []byte, o card.Options) (card.Output, error) { return rt.ParseActivateURL(ctx, url(p), o) }},
		card.OpValidateMemberCardLaunch: {none(card.ValidateMemberCardLaunch), func(p []byte, o card.Options) (card.Output, error) { return rt.ValidateMemberCardLaunch(ctx, p, o) }},
		card.OpParseReferrerInfo: {func(p []byte, o card.Options) (any, card.Output) { return res(card.ParseReferrerInfo(p, o)) },
			func(p []byte, o card.Options) (card.Output, error) { return rt.ParseReferrerInfo(ctx, p, o) }},
		card.OpLint: {none(card.Lint), func(p []byte, o card.Options) (card.Output, error) { return rt.Lint(ctx, p, o) }},
	}
	asJSON := func(v any) string {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return string(b)
	}
	checked := map[string]int{}
	for _, v := range vs {
		f, ok := ops[v.Op]
		if !ok {
			continue
		}
		var req struct {
			Payload json.RawMessage `json:"payload"`
			Options json.RawMessage `json:"options"`
		}
		if json.Unmarshal(v.Input, &req) != nil || len(req.Payload) == 0 || !utf8.Valid(req.Payload) || len(req.Payload) > card.MaxInput {
			continue // not a request with a payload the two faces can both be given
		}
		var opts card.Options
		if len(req.Options) > 0 {
			if err := json.Unmarshal(req.Options, &opts); err != nil {
				continue
			}
			// Only options the struct holds exactly (an unknown or mistyped
			// one is the request's business, not the typed faces').
			var a, b any
			require.NoError(t, json.Unmarshal(req.Options, &a))
			require.NoError(t, json.Unmarshal([]byte(asJSON(opts)), &b))
			if asJSON(a) != asJSON(b) {
				continue
			}
		}
		payload := bytes.TrimSpace(req.Payload)
		t.Run(v.Name, func(t *testing.T) {
			nr, nout := f.native(payload, opts)
			wout, err := f.wasm(payload, opts)
			require.NoError(t, err)
			assert.Equal(t, nout.OK, wout.OK)
			assert.Equal(t, asJSON(nout.Diagnostics), asJSON(wout.Diagnostics))
			assert.Equal(t, nout.Report, wout.Report)
			if nr != nil && !isNilPtr(nr) {
				assert.Equal(t, asJSON(nr), asJSON(wout.Result))
			} else {
				assert.Nil(t, wout.Result)
			}
		})
		checked[v.Op]++
	}
	for op := range ops {
		assert.Positive(t, checked[op], "no vector exercised %s", op)
	}
	t.Logf("vectors per op: %v", checked)
}

func isNilPtr(v any) bool {
	b, _ := json.Marshal(v)
	return string(b) == "null"
}
