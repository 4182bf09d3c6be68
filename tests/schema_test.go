package tests

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/wasm/card"
)

// The JSON Schema for payload files editors validate and complete. It is
// generated from the catalogue: each field's description names the rules
// that check it, in both languages.

func ruleNote(codes ...string) string {
	var en, zh []string
	for _, c := range codes {
		r, ok := card.LookupRule(c)
		if !ok {
			panic("unknown rule " + c)
		}
		en = append(en, "`"+c+"`: "+r.Summary.En)
		zh = append(zh, r.Summary.Zh)
	}
	return strings.Join(en, " ") + "\n" + strings.Join(zh, "")
}

func payloadSchema() map[string]any {
	str := func(desc string, extra map[string]any) map[string]any {
		m := map[string]any{"type": "string", "description": desc}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	seconds := func(desc string) map[string]any {
		return map[string]any{"type": "integer", "minimum": 0, "exclusiveMaximum": 1000000000000, "description": desc}
	}
	cardID := str(ruleNote(card.CodeCardIDMissing, card.CodeCardIDFormat, card.CodeStockIDFormat), map[string]any{"minLength": 1, "examples": []string{"pFS7Fjg8kV1IdDz01r4SQwMkuCKc", "1222080000000002"}})
	cardExt := map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"timestamp", "signature"},
		"properties": map[string]any{
			"code":                 str(ruleNote(card.CodeCodeTooLong, card.CodeCodeCharset, card.CodeCodeRequired, card.CodeCodeNotAllowed), map[string]any{"minLength": 1, "maxLength": 20, "pattern": "^[A-Za-z0-9]+$"}),
			"openid":               str(ruleNote(card.CodeOpenIDRequired, card.CodeOpenIDNotAllowed, card.CodeEmptyField), map[string]any{"minLength": 1}),
			"timestamp":            map[string]any{"description": ruleNote(card.CodeTimestampMissing, card.CodeTimestampMilliseconds, card.CodeTimestampSkew), "oneOf": []any{seconds("unix seconds"), map[string]any{"type": "string", "pattern": "^[0-9]{1,12}$"}}},
			"nonce_str":            str(ruleNote(card.CodeNonceMissing, card.CodeNonceTooLong, card.CodeNonceCharset, card.CodeNonceReused), map[string]any{"minLength": 1, "maxLength": 32, "pattern": "^[A-Za-z0-9]+$"}),
			"fixed_begintimestamp": seconds(ruleNote(card.CodeFixedBeginNotFixTerm)),
			"outer_str":            str("The channel of this claim; not signed. 领取渠道参数，不参与签名。", nil),
			"signature":            str(ruleNote(card.CodeSignatureMissing, card.CodeSignatureFormat), map[string]any{"pattern": "^[0-9a-f]{40}$"}),
			"outer_id":             map[string]any{"deprecated": true, "description": ruleNote(card.CodeLegacyField)},
			"balance":              map[string]any{"deprecated": true, "description": ruleNote(card.CodeLegacyField)},
		},
	}
	// A merchant coupon's (商家券) cardExt: the other contract of wx.addCard.
	couponExt := map[string]any{
		"type":                 "object",
		"additionalProperties": false,
		"required":             []string{"out_request_no"},
		"description":          ruleNote(card.CodeCouponFieldMissing),
		"properties": map[string]any{
			"out_request_no":       str(ruleNote(card.CodeOutRequestNoFormat, card.CodeOutRequestNoReused), map[string]any{"pattern": "^[A-Za-z0-9_|*-]{1,128}$"}),
			"coupon_code":          str("The coupon's code in the merchant-API code mode. 商户指定的券 code。", map[string]any{"minLength": 1}),
			"customize_send_time":  str(ruleNote(card.CodeSendTimeFormat), map[string]any{"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"}),
			"send_coupon_merchant": str("The issuing merchant id; in the batch's first coupon. 发券商户号，放在本批第一张券中。", map[string]any{"minLength": 1}),
			"sign":                 str(ruleNote(card.CodeCouponSignFormat), map[string]any{"pattern": "^[0-9A-Fa-f]{64}$"}),
			"openid":               str("Accepted, not signed. 可以带，不参与签名。", map[string]any{"minLength": 1}),
		},
	}
	addItem := map[string]any{
		"type": "object", "additionalProperties": false, "required": []string{"cardId", "cardExt"},
		"properties": map[string]any{
			"cardId": cardID,
			"cardExt": map[string]any{"type": "string", "description": ruleNote(card.CodeCardExtMissing, card.CodeCardExtNotString, card.CodeCardExtNotObject),
				"contentMediaType": "application/json", "contentSchema": map[string]any{"anyOf": []any{
					map[string]any{"$ref": "#/$defs/cardExt"}, map[string]any{"$ref": "#/$defs/couponExt"}}}},
		},
	}
	openItem := map[string]any{
		"type": "object", "additionalProperties": false, "required": []string{"cardId", "code"},
		"properties": map[string]any{
			"cardId": cardID,
			"code":   str(ruleNote(card.CodeCodeMissing, card.CodeCodeEncrypted), map[string]any{"minLength": 1, "maxLength": 20, "pattern": "^[^+/=]*$"}),
		},
	}
	extra := map[string]any{
		"type": "object", "required": []string{"encrypt_card_id", "outer_str", "biz"},
		"description": ruleNote(card.CodeExtraFieldMissing),
		"properties": map[string]any{
			"encrypt_card_id": str(ruleNote(card.CodeExtraNotDecoded, card.CodeExtraOverDecoded, card.CodeExtraFragment), map[string]any{"pattern": "^[^ %#]+$"}),
			"outer_str":       str(ruleNote(card.CodeExtraNotDecoded, card.CodeExtraFragment), map[string]any{"pattern": "^[^%#]*$"}),
			"biz":             str(ruleNote(card.CodeExtraNotDecoded, card.CodeExtraOverDecoded, card.CodeExtraFragment, card.CodeBizFormat), map[string]any{"pattern": "^[^ %#]+$"}),
		},
	}
	appID := str(ruleNote(card.CodeAppIDWrong), map[string]any{"const": card.ActivationAppID})
	def := map[string]any{
		"type": "object", "additionalProperties": false,
		"properties": map[string]any{
			"use_custom_code":      map[string]any{"type": "boolean"},
			"get_custom_code_mode": map[string]any{"type": "string", "enum": []string{"GET_CUSTOM_CODE_MODE_NORMAL", "GET_CUSTOM_CODE_MODE_DEPOSIT"}},
			"bind_openid":          map[string]any{"type": "boolean"},
			"date_type":            map[string]any{"type": "string", "enum": []string{"DATE_TYPE_FIX_TIME_RANGE", "DATE_TYPE_FIX_TERM", "DATE_TYPE_PERMANENT"}},
		},
	}
	return map[string]any{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         "https://github.com/wxcard/wxcard/schema/payload.schema.json",
		"title":       "wxcard payload file",
		"description": "A WeChat Mini Program card payload, as wxcard lint reads it: wx.addCard or wx.openCard options, a member-card launch, or card definitions. 微信小程序卡券参数文件。",
		"oneOf": []any{
			map[string]any{"title": "wx.addCard options", "type": "object", "required": []string{"cardList"},
				"properties": map[string]any{"cardList": map[string]any{"type": "array", "minItems": 1, "items": map[string]any{"$ref": "#/$defs/addCardItem"}, "description": ruleNote(card.CodePayloadShape, card.CodeNonceReused, card.CodeDuplicateCard)}}},
			map[string]any{"title": "wx.openCard options", "type": "object", "required": []string{"cardList"},
				"properties": map[string]any{"cardList": map[string]any{"type": "array", "minItems": 1, "items": map[string]any{"$ref": "#/$defs/openCardItem"}}}},
			map[string]any{"title": "a bare addCard cardList", "type": "array", "minItems": 1, "items": map[string]any{"$ref": "#/$defs/addCardItem"}},
			map[string]any{"title": "member-card launch (navigateToMiniProgram)", "type": "object", "required": []string{"appId", "extraData"},
				"properties": map[string]any{"appId": appID, "extraData": map[string]any{"$ref": "#/$defs/extraData"}}},
			map[string]any{"title": "member-card launch (navigator attributes)", "type": "object", "required": []string{"app-id", "extra-data"},
				"properties": map[string]any{"app-id": appID, "extra-data": map[string]any{"$ref": "#/$defs/extraData"}}},
			map[string]any{"title": "card definitions by cardId", "type": "object", "minProperties": 1,
				"propertyNames":        map[string]any{"pattern": "^p[A-Za-z0-9_-]{26,31}$"},
				"additionalProperties": map[string]any{"anyOf": []any{map[string]any{"$ref": "#/$defs/cardDefinition"}, map[string]any{"type": "object", "required": []string{"card"}}}}},
		},
		"$defs": map[string]any{"cardExt": cardExt, "couponExt": couponExt, "addCardItem": addItem, "openCardItem": openItem, "extraData": extra, "cardDefinition": def},
	}
}

func TestPayloadSchemaInSync(t *testing.T) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(payloadSchema()))
	path := filepath.Join(filepath.Dir(Dir()), "..", "schema", "payload.schema.json")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./tests -update")
	assert.Equal(t, string(want), b.String(), "schema/payload.schema.json is out of date: go test ./tests -update")
}

// The schema accepts the good examples and rejects the bad ones, agreeing
// with the core on what is an error.
func TestPayloadSchemaAgreesWithExamples(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertContent()
	path := filepath.Join(filepath.Dir(Dir()), "..", "schema", "payload.schema.json")
	s, err := c.Compile(path)
	require.NoError(t, err)
	root := filepath.Join(filepath.Dir(Dir()), "..", "examples")
	cases := map[string]bool{
		"addcard/good.json":                     true,
		"opencard/good.json":                    true,
		"membercard/navigator-good.json":        true,
		"cards/definitions.json":                true,
		"addcard/signature-errors.json":         false,
		"addcard/batch-reuse.json":              false,
		"opencard/encrypted-code.json":          false,
		"membercard/launch-undecoded.json":      false,
		"addcard/custom-code-needs-code.json":   true, // needs definitions: beyond a schema
		"coupons/good.json":                     true,
		"coupons/md5-sign-and-card-fields.json": false,
	}
	for name, valid := range cases {
		f, err := os.Open(filepath.Join(root, name))
		require.NoError(t, err)
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		require.NoError(t, err)
		err = s.Validate(doc)
		if valid {
			assert.NoError(t, err, name)
		} else {
			assert.Error(t, err, name)
		}
	}
}
