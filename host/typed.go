package host

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/wxcard/wxcard/wasm/card"
)

// EncodeRequest builds the request {"payload":...,"options":{...}} that Call
// takes. A []byte payload is JSON text, exactly as the typed functions of
// package card take it: it travels as a JSON string, so the core parses it
// and reports positions in it (it must be valid UTF-8 to travel; invalid
// bytes arrive as U+FFFD); text that is a JSON string token travels as that
// string, which holds JSON text for the core in both faces. A json.RawMessage is a JSON value, passed through
// unchanged (empty means null); if it is not valid JSON, the core reports
// that. Any other value is marshalled with encoding/json — so a Go string
// becomes a JSON string, which the core parses as JSON text too.
func EncodeRequest(payload any, opts card.Options) ([]byte, error) {
	var raw []byte
	switch p := payload.(type) {
	case json.RawMessage:
		raw = p
		if len(bytes.TrimSpace(raw)) == 0 {
			raw = []byte("null")
		}
	case []byte:
		if t := bytes.TrimSpace(p); len(t) > 0 && t[0] == '"' {
			// Text that is itself a JSON string holds JSON text, which
			// the core reads as such when it is the payload's value.
			raw = t
			break
		}
		raw = card.AppendJSONString(nil, string(p))
	default:
		var err error
		if raw, err = json.Marshal(payload); err != nil {
			return nil, fmt.Errorf("host: marshal payload: %w", err)
		}
	}
	o, err := json.Marshal(opts)
	if err != nil {
		return nil, fmt.Errorf("host: marshal options: %w", err)
	}
	req := make([]byte, 0, len(raw)+len(o)+24)
	req = append(req, `{"payload":`...)
	req = append(req, raw...)
	req = append(req, `,"options":`...)
	req = append(req, o...)
	req = append(req, '}')
	return req, nil
}

// DecodeOutput parses an output. If it carries a result and result is a
// non-nil pointer, the result is decoded into it and Output.Result is set to
// it; with a nil result, Output.Result holds the raw json.RawMessage.
func DecodeOutput(output []byte, result any) (card.Output, error) {
	var w struct {
		OK          bool              `json:"ok"`
		Diagnostics []card.Diagnostic `json:"diagnostics"`
		Result      json.RawMessage   `json:"result"`
		Report      string            `json:"output"`
	}
	if err := json.Unmarshal(output, &w); err != nil {
		return card.Output{}, fmt.Errorf("host: malformed output from the module: %w", err)
	}
	out := card.Output{OK: w.OK, Diagnostics: w.Diagnostics, Report: w.Report}
	if len(w.Result) == 0 || string(w.Result) == "null" {
		return out, nil
	}
	if result == nil {
		out.Result = w.Result
		return out, nil
	}
	if err := json.Unmarshal(w.Result, result); err != nil {
		return card.Output{}, fmt.Errorf("host: malformed result from the module: %w", err)
	}
	out.Result = result
	return out, nil
}

// do is what every typed method is: encode, call, decode.
func (r *Runtime) do(ctx context.Context, op string, payload any, opts card.Options, result any) (card.Output, error) {
	req, err := EncodeRequest(payload, opts)
	if err != nil {
		return card.Output{}, err
	}
	b, err := r.Call(ctx, op, req)
	if err != nil {
		return card.Output{}, err
	}
	out, err := DecodeOutput(b, result)
	// The options were given as a struct: a position in the request this
	// method wrote would point at text the caller never saw (package card's
	// typed functions give none either).
	for i := range out.Diagnostics {
		if d := &out.Diagnostics[i]; strings.HasPrefix(d.Path, "/options") {
			d.Offset, d.Length, d.Line, d.Column = 0, 0, 0, 0
		}
	}
	return out, err
}

// ValidateCardList checks wx.addCard options ({"cardList":[...]}).
// It has no result.
func (r *Runtime) ValidateCardList(ctx context.Context, payload any, opts card.Options) (card.Output, error) {
	return r.do(ctx, card.OpValidateCardList, payload, opts, nil)
}

// BuildAddCard builds wx.addCard options from cardExt objects; Result is a
// *card.AddCardOptions when the build succeeded.
func (r *Runtime) BuildAddCard(ctx context.Context, payload any, opts card.Options) (card.Output, error) {
	return r.do(ctx, card.OpBuildAddCard, payload, opts, new(card.AddCardOptions))
}

// BuildOpenCard builds wx.openCard options from decrypted codes; Result is
// a *card.OpenCardOptions when the build succeeded.
func (r *Runtime) BuildOpenCard(ctx context.Context, payload any, opts card.Options) (card.Output, error) {
	return r.do(ctx, card.OpBuildOpenCard, payload, opts, new(card.OpenCardOptions))
}

// ParseAddCardResult reads the res a wx.addCard callback received; Result
// is a *card.AddCardResult.
func (r *Runtime) ParseAddCardResult(ctx context.Context, payload any, opts card.Options) (card.Output, error) {
	return r.do(ctx, card.OpParseAddCardResult, payload, opts, new(card.AddCardResult))
}

// ParseActivateURL reads the URL from card/membercard/activate/geturl (the
// payload is the URL as a Go string); Result is a *card.MemberCardLaunch.
func (r *Runtime) ParseActivateURL(ctx context.Context, payload any, opts card.Options) (card.Output, error) {
	return r.do(ctx, card.OpParseActivateURL, payload, opts, new(card.MemberCardLaunch))
}

// ValidateMemberCardLaunch checks {"appId","extraData"} as passed to
// navigateToMiniProgram. It has no result.
func (r *Runtime) ValidateMemberCardLaunch(ctx context.Context, payload any, opts card.Options) (card.Output, error) {
	return r.do(ctx, card.OpValidateMemberCardLaunch, payload, opts, nil)
}

// ParseReferrerInfo reads the options App.onShow received; Result is a
// *card.ReferrerInfo.
func (r *Runtime) ParseReferrerInfo(ctx context.Context, payload any, opts card.Options) (card.Output, error) {
	return r.do(ctx, card.OpParseReferrerInfo, payload, opts, new(card.ReferrerInfo))
}

// Lint checks {"files":[{"path","content"}]}; with opts.Format set, the
// formatted report is in Output.Report.
func (r *Runtime) Lint(ctx context.Context, payload any, opts card.Options) (card.Output, error) {
	return r.do(ctx, card.OpLint, payload, opts, nil)
}
