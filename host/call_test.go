package host_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/host"
	"github.com/wxcard/wxcard/wasm/card"
)

// nativeCases are inputs whose wasm output must equal native card.Call's,
// byte for byte. They reach every op and the edges of the input: empty,
// invalid JSON, invalid UTF-8, deep nesting, over the core's 1 MiB limit.
func nativeCases(t testing.TB) []struct {
	name, op string
	input    []byte
} {
	now := int64(1700000100)
	return []struct {
		name, op string
		input    []byte
	}{
		{"one card", card.OpValidateCardList, request(t, cardListPayload(1))},
		{"ten cards with now", card.OpValidateCardList, request(t, cardListPayload(10), card.Options{Now: &now})},
		{"payload as text", card.OpValidateCardList, request(t, `{"cardList":[{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","cardExt":"{\"timestamp\":1}"}]}`)},
		{"cardExt object", card.OpValidateCardList, []byte(`{"payload":{"cardList":[{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","cardExt":{"timestamp":"1"}}]},"options":{}}`)},
		{"build add card", card.OpBuildAddCard, []byte(`{"payload":{"cardList":[{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","cardExt":{"code":"123","timestamp":1700000000,"nonce_str":"abc","signature":"0123456789abcdef0123456789abcdef01234567"}}]},"options":{"locale":"zh-CN"}}`)},
		{"build open card", card.OpBuildOpenCard, []byte(`{"payload":{"cardList":[{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","code":"310000000001"}]},"options":{}}`)},
		{"add card result", card.OpParseAddCardResult, []byte(`{"payload":{"errMsg":"addCard:ok","cardList":[{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","code":"x+y/z=","isSuccess":true}]},"options":{}}`)},
		{"activate url", card.OpParseActivateURL, []byte(`{"payload":"https://mp.weixin.qq.com/bizmall/activatemembercard?action=preshow&encrypt_card_id=abc%2Bdef&outer_str=12&biz=MzA%3D%3D#wechat_redirect","options":{}}`)},
		{"member card launch", card.OpValidateMemberCardLaunch, []byte(`{"payload":{"appId":"wxeb490c6f9b154ef9","extraData":{"encrypt_card_id":"abc","outer_str":"1","biz":"MzA=="}},"options":{}}`)},
		{"referrer info", card.OpParseReferrerInfo, []byte(`{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"activate_ticket":"t","card_id":"c","code":"1"}}},"options":{}}`)},
		{"lint", card.OpLint, []byte(`{"payload":{"files":[{"path":"a.json","content":"{}"}]},"options":{"format":"text"}}`)},
		{"unknown op", "noSuchOp", []byte(`{"payload":{},"options":{}}`)},
		{"empty op and input", "", nil},
		{"invalid json", card.OpValidateCardList, []byte(`{"payload":{"cardList":[`)},
		{"invalid utf-8", card.OpValidateCardList, []byte("{\"payload\":\"\xff\xfe\",\"options\":{}}")},
		{"deep nesting", card.OpValidateCardList, []byte(`{"payload":` + strings.Repeat("[", 200) + strings.Repeat("]", 200) + `,"options":{}}`)},
		{"unknown option", card.OpValidateCardList, []byte(`{"payload":{"cardList":[]},"options":{"colour":"red"}}`)},
		{"over 1 MiB", card.OpValidateCardList, []byte(`{"payload":"` + strings.Repeat("a", 1<<20) + `","options":{}}`)},
	}
}

func TestCallMatchesNative(t *testing.T) {
	rt := newRuntime(t)
	for _, tc := range nativeCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rt.Call(context.Background(), tc.op, tc.input)
			require.NoError(t, err)
			assert.Equal(t, string(card.Call(tc.op, tc.input)), string(got))
		})
	}
}

func TestCallDoesNotAliasGuestMemory(t *testing.T) {
	// Outputs are copies: a later call must not change an earlier answer.
	rt := newRuntime(t, host.WithPoolSize(1))
	ctx := context.Background()
	first, err := rt.Call(ctx, card.OpValidateCardList, request(t, cardListPayload(1)))
	require.NoError(t, err)
	keep := string(first)
	_, err = rt.Call(ctx, "noSuchOp", []byte(strings.Repeat(" ", 100<<10)))
	require.NoError(t, err)
	assert.Equal(t, keep, string(first))
}

func TestTypedMethodsMatchNative(t *testing.T) {
	rt := newRuntime(t)
	ctx := context.Background()
	opts := card.Options{Locale: "zh-CN"}
	payload := cardListPayload(3)
	methods := map[string]func(context.Context, any, card.Options) (card.Output, error){
		card.OpValidateCardList:         rt.ValidateCardList,
		card.OpBuildAddCard:             rt.BuildAddCard,
		card.OpBuildOpenCard:            rt.BuildOpenCard,
		card.OpParseAddCardResult:       rt.ParseAddCardResult,
		card.OpParseActivateURL:         rt.ParseActivateURL,
		card.OpValidateMemberCardLaunch: rt.ValidateMemberCardLaunch,
		card.OpParseReferrerInfo:        rt.ParseReferrerInfo,
		card.OpLint:                     rt.Lint,
	}
	for op, method := range methods {
		t.Run(op, func(t *testing.T) {
			got, err := method(ctx, payload, opts)
			require.NoError(t, err)
			native, err := host.DecodeOutput(card.Call(op, request(t, payload, opts)), resultFor(op))
			require.NoError(t, err)
			assert.Equal(t, native, got)
		})
	}
}

// resultFor is the result type each op decodes into.
func resultFor(op string) any {
	switch op {
	case card.OpBuildAddCard:
		return new(card.AddCardOptions)
	case card.OpBuildOpenCard:
		return new(card.OpenCardOptions)
	case card.OpParseAddCardResult:
		return new(card.AddCardResult)
	case card.OpParseActivateURL:
		return new(card.MemberCardLaunch)
	case card.OpParseReferrerInfo:
		return new(card.ReferrerInfo)
	}
	return nil
}

func TestEncodeRequest(t *testing.T) {
	now := int64(1700000000)
	for _, tc := range []struct {
		name    string
		payload any
		opts    card.Options
		want    string
	}{
		{"value", map[string]any{"cardList": []any{}}, card.Options{}, `{"payload":{"cardList":[]},"options":{}}`},
		{"bytes are JSON text, as card's typed functions take them", []byte(`{"cardList" : [ ]}`), card.Options{}, `{"payload":"{\"cardList\" : [ ]}","options":{}}`},
		{"empty bytes are empty text", []byte(" "), card.Options{}, `{"payload":" ","options":{}}`},
		{"raw message passes through", json.RawMessage(`"text"`), card.Options{}, `{"payload":"text","options":{}}`},
		{"empty raw message is null", json.RawMessage(" "), card.Options{}, `{"payload":null,"options":{}}`},
		{"go string is JSON text", `{"a":1}`, card.Options{}, `{"payload":"{\"a\":1}","options":{}}`},
		{"options", nil, card.Options{Locale: "zh-CN", Now: &now}, `{"payload":null,"options":{"locale":"zh-CN","now":1700000000}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := host.EncodeRequest(tc.payload, tc.opts)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(got))
		})
	}
	_, err := host.EncodeRequest(make(chan int), card.Options{})
	require.ErrorContains(t, err, "marshal payload")
}

func TestDecodeOutput(t *testing.T) {
	out, err := host.DecodeOutput([]byte(`{"ok":false,"diagnostics":[{"code":"code-missing","severity":"error","path":"/cardList/0/code","message":"m","offset":3,"length":2,"line":1,"column":4}],"result":{"cardList":[{"cardId":"p1","code":"c"}]}}`), new(card.OpenCardOptions))
	require.NoError(t, err)
	assert.False(t, out.OK)
	require.Len(t, out.Diagnostics, 1)
	assert.Equal(t, card.Diagnostic{Code: "code-missing", Severity: card.SeverityError, Path: "/cardList/0/code", Message: "m", Offset: 3, Length: 2, Line: 1, Column: 4}, out.Diagnostics[0])
	assert.Equal(t, &card.OpenCardOptions{CardList: []card.OpenCardItem{{CardID: "p1", Code: "c"}}}, out.Result)

	out, err = host.DecodeOutput([]byte(`{"ok":true,"diagnostics":[],"result":{"x":1},"output":"report"}`), nil)
	require.NoError(t, err)
	assert.Equal(t, json.RawMessage(`{"x":1}`), out.Result)
	assert.Equal(t, "report", out.Report)

	out, err = host.DecodeOutput([]byte(`{"ok":true,"diagnostics":[],"result":null}`), new(card.ReferrerInfo))
	require.NoError(t, err)
	assert.Nil(t, out.Result, "a null result stays nil, not a zero struct")

	_, err = host.DecodeOutput([]byte(`{"ok":`), nil)
	require.ErrorContains(t, err, "malformed output")
	_, err = host.DecodeOutput([]byte(`{"ok":true,"result":{"state":7}}`), new(card.ReferrerInfo))
	require.ErrorContains(t, err, "malformed result")
}
