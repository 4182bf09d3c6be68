package card

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/internal/benchdata"
)

// Fixtures: a valid card, and helpers that change one thing about it.
const (
	goodID  = benchdata.CardID
	goodSig = benchdata.Signature
	goodTS  = "1404896688"
)

// extText is a cardExt object's JSON text with the good defaults for the
// fields not given; a field set to "-" is left out.
func extText(fields map[string]string) string {
	def := map[string]string{"timestamp": goodTS, "nonce_str": `"abc123"`, "signature": `"` + goodSig + `"`}
	for k, v := range fields {
		def[k] = v
	}
	var parts []string
	for _, k := range []string{"code", "openid", "timestamp", "nonce_str", "fixed_begintimestamp", "outer_str", "signature"} {
		if v, ok := def[k]; ok && v != "-" {
			parts = append(parts, `"`+k+`":`+v)
			delete(def, k)
		}
	}
	// Other keys in byte order, so a vector written from a case is the same every run.
	for _, k := range slices.Sorted(maps.Keys(def)) {
		if v := def[k]; v != "-" {
			parts = append(parts, `"`+k+`":`+v)
		}
	}
	return "{" + strings.Join(parts, ",") + "}"
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// addReq is a validateCardList request for one card with cardExt fields.
func addReq(fields map[string]string, opts string) string {
	return envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+jsonString(extText(fields))+`}]}`, opts)
}

func envelope(payload, opts string) string {
	if opts == "" {
		return `{"payload":` + payload + `}`
	}
	return `{"payload":` + payload + `,"options":` + opts + `}`
}

type f = map[string]string

const (
	defCustom    = `{"cards":{"` + goodID + `":{"use_custom_code":true,"get_custom_code_mode":"GET_CUSTOM_CODE_MODE_NORMAL","bind_openid":true,"date_type":"DATE_TYPE_FIX_TIME_RANGE"}}}`
	defPlain     = `{"cards":{"` + goodID + `":{"use_custom_code":false,"bind_openid":false,"date_type":"DATE_TYPE_FIX_TERM"}}}`
	defDeposit   = `{"cards":{"` + goodID + `":{"use_custom_code":true,"get_custom_code_mode":"GET_CUSTOM_CODE_MODE_DEPOSIT"}}}`
	nowOpts      = `{"now":1404896688}`
	activateURL  = `https://mp.weixin.qq.com/bizmall/activatemembercard?action=preshow&&encrypt_card_id=8CbkoE9X6Zz%2FV3V7t%2Bn8d3Q%3D&outer_str=channel1&biz=MzI0MDAxNTU3MQ%3D%3D#wechat_redirect`
	goodLaunch   = `{"appId":"wxeb490c6f9b154ef9","extraData":{"encrypt_card_id":"8CbkoE9X6Zz/V3V7t+n8d3Q=","outer_str":"channel1","biz":"MzI0MDAxNTU3MQ=="}}`
	goodNavAttrs = `{"app-id":"wxeb490c6f9b154ef9","extra-data":{"encrypt_card_id":"8CbkoE9X6Zz/V3V7t+n8d3Q=","outer_str":"channel1","biz":"MzI0MDAxNTU3MQ=="}}`
)

func openReq(items string) string { return envelope(`{"cardList":[`+items+`]}`, "") }

type ruleCase struct {
	code    string
	trigger bool // the code must appear; otherwise it must not
	op      string
	input   string
}

func ruleCases() []ruleCase {
	v, b, o := OpValidateCardList, OpBuildAddCard, OpBuildOpenCard
	pr, pu, ml, ri := OpParseAddCardResult, OpParseActivateURL, OpValidateMemberCardLaunch, OpParseReferrerInfo
	good := addReq(nil, "")
	return []ruleCase{
		{CodeJSONSyntax, true, v, `{"payload":{"cardList":[}`},
		{CodeJSONSyntax, true, v, addReq(f{"timestamp": "NaN"}, "")},
		{CodeJSONSyntax, true, v, envelope(jsonString(`{"cardList":[1,]}`), "")},
		{CodeJSONSyntax, false, v, good},
		{CodePayloadLimit, true, v, `{"payload":` + strings.Repeat("[", 70) + strings.Repeat("]", 70) + `}`},
		{CodePayloadLimit, true, v, `{"payload":"` + strings.Repeat(" ", MaxInput) + `"}`},
		{CodePayloadLimit, false, v, `{"payload":` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + `}`},
		{CodeRequestInvalid, true, "nope", good},
		{CodeRequestInvalid, true, v, `[1]`},
		{CodeRequestInvalid, true, v, `{"payload":{},"extra":1}`},
		{CodeRequestInvalid, true, v, `{"options":{}}`},
		{CodeRequestInvalid, true, v, addReq(nil, `{"locale":"fr"}`)},
		{CodeRequestInvalid, true, v, addReq(nil, `{"loc":"en"}`)},
		{CodeRequestInvalid, true, v, addReq(nil, `{"now":"1"}`)},
		{CodeRequestInvalid, true, v, addReq(nil, `{"format":"text"}`)},
		{CodeRequestInvalid, true, v, addReq(nil, `{"cards":{"x":{"use_custom_code":"yes"}}}`)},
		{CodeRequestInvalid, false, v, addReq(nil, `{"locale":"zh-CN","now":1404896688,"maxSkewSeconds":60,"cards":{}}`)},
		{CodePayloadShape, true, v, envelope(`[]`, "")},
		{CodePayloadShape, true, v, envelope(`{}`, "")},
		{CodePayloadShape, true, v, envelope(`{"cardList":{}}`, "")},
		{CodePayloadShape, true, v, envelope(`{"cardList":[]}`, "")},
		{CodePayloadShape, true, v, envelope(`{"cardList":["x"]}`, "")},
		{CodePayloadShape, false, v, good},
		{CodeFieldType, true, v, addReq(f{"code": "123"}, "")},
		{CodeFieldType, true, v, addReq(f{"timestamp": "true"}, "")},
		{CodeFieldType, true, v, addReq(f{"timestamp": `"12a"`}, "")},
		{CodeFieldType, true, v, addReq(f{"fixed_begintimestamp": `"1404896688"`}, "")},
		{CodeFieldType, true, v, addReq(f{"nonce_str": "1"}, "")},
		{CodeFieldType, true, v, addReq(f{"outer_str": "true"}, "")},
		{CodeFieldType, true, v, addReq(f{"openid": "null"}, "")},
		{CodeFieldType, true, v, envelope(`{"cardList":[{"cardId":1,"cardExt":`+jsonString(extText(nil))+`}]}`, "")},
		{CodeFieldType, false, v, addReq(f{"code": `"123"`, "timestamp": `"1404896688"`, "fixed_begintimestamp": "1404896688", "outer_str": `"a"`}, "")},
		{CodeDuplicateKey, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+jsonString(`{"timestamp":1,"timestamp":2,"signature":"`+goodSig+`"}`)+`}]}`, "")},
		{CodeDuplicateKey, true, v, `{"payload":{},"payload":{}}`},
		{CodeDuplicateKey, false, v, good},
		{CodeCardIDMissing, true, v, envelope(`{"cardList":[{"cardExt":`+jsonString(extText(nil))+`}]}`, "")},
		{CodeCardIDMissing, true, v, envelope(`{"cardList":[{"cardId":"","cardExt":`+jsonString(extText(nil))+`}]}`, "")},
		{CodeCardIDMissing, false, v, good},
		{CodeCardIDFormat, true, v, envelope(`{"cardList":[{"cardId":" `+goodID+`","cardExt":`+jsonString(extText(nil))+`}]}`, "")},
		{CodeCardIDFormat, false, v, good},
		{CodeCardExtMissing, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`"}]}`, "")},
		{CodeCardExtMissing, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":null}]}`, "")},
		{CodeCardExtMissing, false, v, good},
		{CodeCardExtNotString, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+extText(nil)+`}]}`, "")},
		{CodeCardExtNotString, false, b, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+extText(nil)+`}]}`, "")},
		{CodeCardExtNotObject, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+jsonString(jsonString(extText(nil)))+`}]}`, "")},
		{CodeCardExtNotObject, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":"[1]"}]}`, "")},
		{CodeCardExtNotObject, false, v, good},
		{CodeTimestampMissing, true, v, addReq(f{"timestamp": "-"}, "")},
		{CodeTimestampMissing, true, v, addReq(f{"timestamp": `""`}, "")},
		{CodeTimestampMissing, false, v, addReq(f{"timestamp": `"1404896688"`}, "")},
		{CodeTimestampMilliseconds, true, v, addReq(f{"timestamp": "1404896688000"}, "")},
		{CodeTimestampMilliseconds, false, v, addReq(f{"timestamp": "999999999999"}, "")},
		{CodeTimestampSkew, true, v, addReq(f{"timestamp": "1404910000"}, nowOpts)},
		{CodeTimestampSkew, true, v, addReq(f{"timestamp": "1404925488"}, nowOpts)},
		{CodeTimestampSkew, true, v, addReq(f{"timestamp": "1000"}, `{"now":1000}`)},
		{CodeTimestampSkew, false, v, addReq(f{"timestamp": "1404903000"}, nowOpts)},
		{CodeTimestampSkew, false, v, addReq(f{"timestamp": "1404910000"}, "")},
		{CodeNonceMissing, true, v, addReq(f{"nonce_str": "-"}, "")},
		{CodeNonceMissing, true, v, addReq(f{"nonce_str": `""`}, "")},
		{CodeNonceMissing, false, v, good},
		{CodeNonceTooLong, true, v, addReq(f{"nonce_str": `"` + strings.Repeat("a", 33) + `"`}, "")},
		{CodeNonceTooLong, false, v, addReq(f{"nonce_str": `"` + strings.Repeat("a", 32) + `"`}, "")},
		{CodeNonceCharset, true, v, addReq(f{"nonce_str": `"abc-123"`}, "")},
		{CodeNonceCharset, false, v, addReq(f{"nonce_str": `"Abc123"`}, "")},
		{CodeNonceReused, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+jsonString(extText(nil))+`},{"cardId":"`+goodID+`","cardExt":`+jsonString(extText(nil))+`}]}`, "")},
		{CodeNonceReused, false, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+jsonString(extText(nil))+`},{"cardId":"`+goodID+`","cardExt":`+jsonString(extText(f{"nonce_str": `"other"`}))+`}]}`, "")},
		{CodeSignatureMissing, true, v, addReq(f{"signature": "-"}, "")},
		{CodeSignatureMissing, true, v, addReq(f{"signature": `""`}, "")},
		{CodeSignatureMissing, false, v, good},
		{CodeSignatureFormat, true, v, addReq(f{"signature": `"abc"`}, "")},
		{CodeSignatureFormat, true, v, addReq(f{"signature": `"` + strings.ToUpper(goodSig) + `"`}, "")},
		{CodeSignatureFormat, false, v, good},
		{CodeCodeTooLong, true, v, addReq(f{"code": `"123456789012345678901"`}, "")},
		{CodeCodeTooLong, true, o, `{"payload":{"cardList":[{"cardId":"` + goodID + `","code":"1234567890123456789012345"}]}}`},
		{CodeCodeTooLong, false, v, addReq(f{"code": `"12345678901234567890"`}, "")},
		{CodeCodeCharset, true, v, addReq(f{"code": `"12 34"`}, "")},
		{CodeCodeCharset, false, v, addReq(f{"code": `"1234abcd"`}, "")},
		{CodeCodeRequired, true, v, addReq(f{"openid": `"oX"`}, defCustom)},
		{CodeCodeRequired, false, v, addReq(f{"code": `"123"`, "openid": `"oX"`}, defCustom)},
		{CodeCodeRequired, false, v, addReq(nil, defDeposit)},
		{CodeCodeNotAllowed, true, v, addReq(f{"code": `"123"`}, defPlain)},
		{CodeCodeNotAllowed, true, v, addReq(f{"code": `"123"`}, defDeposit)},
		{CodeCodeNotAllowed, false, v, addReq(f{"code": `"123"`}, "")},
		{CodeOpenIDRequired, true, v, addReq(f{"code": `"123"`}, defCustom)},
		{CodeOpenIDRequired, false, v, addReq(f{"code": `"123"`, "openid": `"oX"`}, defCustom)},
		{CodeOpenIDNotAllowed, true, v, addReq(f{"openid": `"oX"`}, defPlain)},
		{CodeOpenIDNotAllowed, false, v, addReq(nil, defPlain)},
		{CodeEmptyField, true, v, addReq(f{"code": `""`}, "")},
		{CodeEmptyField, true, v, addReq(f{"openid": `""`}, "")},
		{CodeEmptyField, false, v, addReq(f{"code": `"1"`, "openid": `"o"`}, "")},
		{CodeFixedBeginNotFixTerm, true, v, addReq(f{"code": `"1"`, "openid": `"o"`, "fixed_begintimestamp": "1404896688"}, defCustom)},
		{CodeFixedBeginNotFixTerm, false, v, addReq(f{"fixed_begintimestamp": "1404896688"}, defPlain)},
		{CodeFixedBeginNotFixTerm, false, v, addReq(f{"fixed_begintimestamp": "1404896688"}, "")},
		// Old definitions: a card/get reply without the false booleans means false; the short form's numeric date types.
		{CodeCodeNotAllowed, true, v, addReq(f{"code": `"123"`}, `{"cards":{"`+goodID+`":{"card":{"card_type":"GROUPON","groupon":{"base_info":{"date_info":{"type":"DATE_TYPE_FIX_TERM"}}}}}}}`)},
		{CodeOpenIDNotAllowed, true, v, addReq(f{"openid": `"oX"`}, `{"cards":{"`+goodID+`":{"card":{"card_type":"GROUPON","groupon":{"base_info":{"use_custom_code":false}}}}}}`)},
		{CodeCodeNotAllowed, false, v, addReq(f{"code": `"123"`}, `{"cards":{"`+goodID+`":{"bind_openid":false}}}`)},
		{CodeFixedBeginNotFixTerm, true, v, addReq(f{"fixed_begintimestamp": "1404896688"}, `{"cards":{"`+goodID+`":{"date_type":1}}}`)},
		{CodeFixedBeginNotFixTerm, false, v, addReq(f{"fixed_begintimestamp": "1404896688"}, `{"cards":{"`+goodID+`":{"date_type":2}}}`)},
		{CodeRequestInvalid, true, v, addReq(nil, `{"cards":{"`+goodID+`":{"date_type":3}}}`)},
		{CodeUnknownField, true, v, addReq(f{"nonceStr": `"a"`}, "")},
		{CodeUnknownField, true, v, addReq(f{"card_id": `"a"`}, "")},
		{CodeUnknownField, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","card_ext":"{}"}]}`, "")},
		{CodeUnknownField, true, o, `{"payload":{"cardList":[{"cardId":"` + goodID + `","code":"1","cardExt":"{}"}]}}`},
		{CodeUnknownField, false, v, addReq(f{"outer_id": "1"}, "")},
		{CodeLegacyField, true, v, addReq(f{"outer_id": "1"}, "")},
		{CodeLegacyField, true, v, addReq(f{"balance": "1"}, "")},
		{CodeLegacyField, false, v, addReq(f{"outer_str": `"1"`}, "")},
		{CodeSecretInPayload, true, v, addReq(f{"api_ticket": `"x"`}, "")},
		{CodeSecretInPayload, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+jsonString(extText(nil))+`}],"access_token":"x"}`, "")},
		{CodeSecretInPayload, true, v, addReq(f{"outer_str": `"https://api.weixin.qq.com/x?access_token=AbC"`}, "")},
		{CodeSecretInPayload, true, ml, `{"payload":{"appId":"wxeb490c6f9b154ef9","extraData":{"encrypt_card_id":"a","outer_str":"b","biz":"c","appsecret":"s"}}}`},
		{CodeSecretInPayload, false, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"activate_ticket":"t","card_id":"c","code":"1"}}}}`},
		{CodeSecretInPayload, false, v, addReq(f{"outer_str": `"ticket_office"`}, "")},
		// Every spelling: separators, a prefix, a trailing colon or space, the other secret names.
		{CodeSecretInPayload, true, v, addReq(f{"api_ticket:": `"x"`, "AppSecret ": `"y"`, "my_api_ticket": `"z"`}, "")},
		{CodeSecretInPayload, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+jsonString(extText(nil))+`,"component_access_token":"a","client_secret":"b"}]}`, "")},
		{CodeSecretInPayload, true, o, envelope(`{"cardList":[{"cardId":"`+goodID+`","code":"1234567890","session_key":"k","api.ticket":"t"}]}`, "")},
		{CodeSecretInPayload, true, ml, `{"payload":{"appId":"wxeb490c6f9b154ef9","extraData":{"encrypt_card_id":"a","outer_str":"b","biz":"c","refresh_token":"r","mch_key":"m"}}}`},
		{CodeSecretInPayload, true, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"activate_ticket":"t","card_id":"c","code":"1","authorizer_access_token":"x"}}}}`},
		{CodeSecretInPayload, true, pr, `{"payload":{"errMsg":"addCard:ok","cardList":[],"apiV3Key":"k","private_key":"p"}}`},
		{CodeSecretInPayload, true, v, addReq(f{"outer_str": `"https://x.example/cb?session_key=AbC&x=1"`}, "")},
		// lint reads every JSON file for secrets, card payload or not; one that is not JSON and names no card key is not ours.
		{CodeSecretInPayload, true, OpLint, `{"payload":{"files":[{"path":"config.json","content":"{\"wechat\":{\"appid\":\"wx1\",\"api_ticket\":\"t\",\"AppSecret\":\"s\"}}"},{"path":"package.json","content":"{\"name\":\"app\",\"keywords\":[\"card\"]}"}]},"options":{"format":"text"}}`},
		{CodeSecretInPayload, false, OpLint, `{"payload":{"files":[{"path":"config.json","content":"{\"activate_ticket\":\"t\",\"api_ticket\":\"\"}"},{"path":"tsconfig.json","content":"{ // comment\n \"secret\": 1 }"}]},"options":{"format":"json"}}`},
		// A file named on the command line that is not JSON; walked, the same file passes as not ours; named JSON without cards is named.
		{CodeLintFileInvalid, true, OpLint, `{"payload":{"files":[{"path":"payloads/broken.json","content":"{ broken json","explicit":true}]},"options":{"format":"text"}}`},
		{CodeLintFileInvalid, false, OpLint, `{"payload":{"files":[{"path":"payloads/broken.json","content":"{ broken json"},{"path":"package.json","content":"{\"name\":\"x\"}","explicit":true}]},"options":{"format":"text"}}`},
		{CodeJSONSyntax, true, OpLint, `{"payload":{"files":[{"path":"a.json","content":"{\"cardList\": [}","explicit":true}]},"options":{}}`},
		{CodePayloadShape, true, OpLint, `{"payload":{"files":[{"path":"a.json","content":"{}","explicit":"yes"}]},"options":{}}`},
		// What a CLI did not read: a FIFO it never opened, a file it read only the start of.
		{CodeLintFileInvalid, true, OpLint, `{"payload":{"files":[{"path":"x.json","content":"","special":"fifo","explicit":true},{"path":"d/sock.json","content":"","special":"socket"}]},"options":{"format":"text"}}`},
		{CodePayloadLimit, true, OpLint, `{"payload":{"files":[{"path":"big.json","content":"{\"cardList\":[","size":209715200}]},"options":{"format":"text"}}`},
		{CodePayloadLimit, false, OpLint, `{"payload":{"files":[{"path":"a.json","content":"{\"cardList\":[]}","size":15}]},"options":{}}`},
		{CodePayloadShape, true, OpLint, `{"payload":{"files":[{"path":"x.json","content":"","special":"pipe"}]},"options":{}}`},
		{CodePayloadShape, true, OpLint, `{"payload":{"files":[{"path":"a.json","content":"{\"cardList\":[]}","size":3}]},"options":{}}`},
		// getTime()/1000, time.time(), a float formatter: not whole seconds; an integer (number or digits) is fine.
		{CodeTimestampNotInteger, true, v, addReq(f{"timestamp": `1700000000.5`}, "")},
		{CodeTimestampNotInteger, true, v, addReq(f{"timestamp": `1.7e9`}, "")},
		{CodeTimestampNotInteger, true, v, addReq(f{"timestamp": `"1700000000.0"`}, "")},
		{CodeTimestampNotInteger, true, v, addReq(f{"fixed_begintimestamp": `1700000000.25`}, "")},
		{CodeTimestampNotInteger, false, v, addReq(f{"timestamp": `"1700000000"`, "fixed_begintimestamp": `1700000000`}, "")},
		{CodeTimestampNotInteger, false, v, addReq(f{"timestamp": `"17000x"`}, "")},
		// options.now in milliseconds (Date.now()) is refused with the seconds it meant.
		{CodeRequestInvalid, true, v, addReq(nil, `{"now":1700000000000}`)},
		// A ticket under outer_str (a warning); a long but not ticket-like channel is quiet.
		{CodeSecretInPayload, true, v, addReq(f{"outer_str": `"sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg"`}, "")},
		{CodeSecretInPayload, false, v, addReq(f{"outer_str": `"` + strings.Repeat("channel ", 10) + `"`}, "")},
		// Near misses: WeChat's own activate_ticket, names that only contain a secret's name, empty values.
		{CodeSecretInPayload, false, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+jsonString(extText(nil))+`,"ticket_id":"1","card_ticket_count":2,"public_key":"k","token_type":"t"}]}`, "")},
		{CodeSecretInPayload, false, v, addReq(f{"api_ticket": `""`, "appsecret": `null`}, "")},
		{CodeSecretInPayload, false, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"ActivateTicket":"t","card_id":"c","code":"1"}}}}`},
		{CodeDuplicateCard, true, o, openReq(`{"cardId":"` + goodID + `","code":"1"},{"cardId":"` + goodID + `","code":"1"}`)},
		{CodeDuplicateCard, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+jsonString(extText(f{"code": `"1"`}))+`},{"cardId":"`+goodID+`","cardExt":`+jsonString(extText(f{"code": `"1"`, "nonce_str": `"x"`}))+`}]}`, "")},
		{CodeDuplicateCard, false, o, openReq(`{"cardId":"` + goodID + `","code":"1"},{"cardId":"` + goodID + `","code":"2"}`)},
		{CodeUnknownCard, true, v, addReq(nil, `{"cards":{"pOther1234567890123456789012":{"use_custom_code":false}}}`)},
		{CodeUnknownCard, true, o, `{"payload":{"cardList":[{"cardId":"` + goodID + `","code":"1"}]},"options":{"cards":{}}}`},
		{CodeUnknownCard, false, v, addReq(nil, defPlain)},
		{CodeUnknownCard, false, v, good},
		{CodeCodeEncrypted, true, o, openReq(`{"cardId":"` + goodID + `","code":"uG5lAkbRRthyy2lpSEvvMT8mr1F7+dZQ5Ca61BmHf6w="}`)},
		{CodeCodeEncrypted, true, o, openReq(`{"cardId":"` + goodID + `","code":"abcdefghijklmnopqrstuvwx"}`)},
		{CodeCodeEncrypted, false, o, openReq(`{"cardId":"` + goodID + `","code":"1434008071"}`)},
		{CodeCodeMissing, true, o, openReq(`{"cardId":"` + goodID + `"}`)},
		{CodeCodeMissing, true, o, openReq(`{"cardId":"` + goodID + `","code":""}`)},
		{CodeCodeMissing, false, o, openReq(`{"cardId":"` + goodID + `","code":"1"}`)},
		{CodeURLNotActivate, true, pu, envelope(jsonString("https://mp.weixin.qq.com/bizmall/other?x=1"), "")},
		{CodeURLNotActivate, true, pu, envelope(jsonString("http://mp.weixin.qq.com/bizmall/activatemembercard?encrypt_card_id=a&outer_str=b&biz=c"), "")},
		{CodeURLNotActivate, false, pu, envelope(jsonString(activateURL), "")},
		{CodeURLParamMissing, true, pu, envelope(jsonString("https://mp.weixin.qq.com/bizmall/activatemembercard?action=preshow&encrypt_card_id=a&biz=c"), "")},
		{CodeURLParamMissing, true, pu, envelope(jsonString("https://mp.weixin.qq.com/bizmall/activatemembercard?encrypt_card_id=a%2&outer_str=b&biz=c"), "")},
		{CodeURLParamMissing, false, pu, envelope(jsonString(activateURL), "")},
		{CodeAppIDWrong, true, ml, envelope(strings.Replace(goodLaunch, "wxeb490c6f9b154ef9", "wx1234567890abcdef", 1), "")},
		{CodeAppIDWrong, true, ml, envelope(`{"extraData":{}}`, "")},
		{CodeAppIDWrong, false, ml, envelope(goodLaunch, "")},
		{CodeExtraFieldMissing, true, ml, envelope(`{"appId":"wxeb490c6f9b154ef9","extraData":{"encrypt_card_id":"a","outer_str":"b"}}`, "")},
		{CodeExtraFieldMissing, true, ml, envelope(`{"appId":"wxeb490c6f9b154ef9"}`, "")},
		{CodeReferrerFieldMissing, true, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"activate_ticket":"t","code":"1"}}}}`},
		{CodeExtraFieldMissing, false, ml, envelope(goodLaunch, "")},
		// Each {} card gives two errors: 501 of them list 1,000 and count 2; 499 list all 998.
		{CodeDiagnosticsTruncated, true, v, envelope(`{"cardList":[`+strings.TrimSuffix(strings.Repeat(`{},`, 501), ",")+`]}`, "")},
		{CodeDiagnosticsTruncated, true, v, `{"payload":` + jsonString(`{"cardList":[`+strings.TrimSuffix(strings.Repeat(`{},`, 600), ",")+`]}`) + `}`},
		{CodeDiagnosticsTruncated, false, v, envelope(`{"cardList":[`+strings.TrimSuffix(strings.Repeat(`{},`, 499), ",")+`]}`, "")},
		// The dev guard passes the tickets it saw; a repeat is reported, a new one is not.
		{CodeActivateTicketReused, true, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"activate_ticket":"fz79q6Nk","card_id":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","code":"1234"}}},"options":{"seenActivateTickets":["a1","fz79q6Nk"]}}`},
		{CodeActivateTicketReused, false, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"activate_ticket":"fz79q6Nk","card_id":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","code":"1234"}}},"options":{"seenActivateTickets":["a1","fz79q6NK"]}}`},
		{CodeActivateTicketReused, false, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{}}},"options":{"seenActivateTickets":[""]}}`},
		{CodeRequestInvalid, true, ri, `{"payload":{},"options":{"seenActivateTickets":"fz79q6Nk"}}`},
		{CodeRequestInvalid, true, ri, `{"payload":{},"options":{"seenActivateTickets":["a",1]}}`},
		{CodeRequestInvalid, true, v, addReq(nil, `{"seenActivateTickets":[]}`)},
		{CodeRequestInvalid, false, ri, `{"payload":{},"options":{"seenActivateTickets":[]}}`},
		{CodeExtraNotDecoded, true, ml, envelope(strings.Replace(goodLaunch, "MzI0MDAxNTU3MQ==", "MzI0MDAxNTU3MQ%3D%3D", 1), "")},
		{CodeExtraNotDecoded, false, ml, envelope(goodLaunch, "")},
		{CodeExtraOverDecoded, true, ml, envelope(strings.Replace(goodLaunch, "V3V7t+n8", "V3V7t n8", 1), "")},
		{CodeExtraOverDecoded, false, ml, envelope(strings.Replace(goodLaunch, `"channel1"`, `"channel 1"`, 1), "")},
		{CodeExtraFragment, true, ml, envelope(strings.Replace(goodLaunch, "MzI0MDAxNTU3MQ==", "MzI0MDAxNTU3MQ==#wechat_redirect", 1), "")},
		{CodeExtraFragment, false, ml, envelope(goodLaunch, "")},
		{CodeNavigateDeprecated, true, ml, envelope(goodLaunch, "")},
		{CodeNavigateDeprecated, false, ml, envelope(goodNavAttrs, "")},
		{CodeAddCardCancel, true, pr, `{"payload":{"errMsg":"addCard:fail cancel"}}`},
		{CodeAddCardCancel, false, pr, `{"payload":{"errMsg":"addCard:ok","cardList":[]}}`},
		{CodeAddCardFail, true, pr, `{"payload":{"errMsg":"addCard:fail 签名错误"}}`},
		{CodeAddCardFail, true, pr, `{"payload":{"errMsg":"addCard:fail:system error"}}`},
		{CodeAddCardFail, false, pr, `{"payload":{"errMsg":"addCard:fail cancel"}}`},
		{CodeCardNotAdded, true, pr, `{"payload":{"errMsg":"addCard:ok","cardList":[{"cardId":"` + goodID + `","code":"x","cardExt":"{}","isSuccess":false}]}}`},
		{CodeCardNotAdded, false, pr, `{"payload":{"errMsg":"addCard:ok","cardList":[{"cardId":"` + goodID + `","code":"x","cardExt":"{}","isSuccess":true}]}}`},

		// Merchant coupons (商家券): the shape of WeChat Pay's 小程序发券 and
		// H5发券 docs (stock 1222080000000002, merchant 1327735401, a
		// millisecond request number as in the community's H5 report).
		{CodeTimestampMissing, false, v, couponReq(couponFirst(nil))},
		{CodeSignatureMissing, false, v, couponReq(couponFirst(nil), coupon(f{"out_request_no": `"1619168471835"`}))},
		{CodeCardIDFormat, false, v, couponReq(couponFirst(nil))},
		{CodeStockIDFormat, true, v, envelope(`{"cardList":[{"cardId":"`+goodID+`","cardExt":`+jsonString(couponFirst(nil))+`}]}`, "")},
		{CodeStockIDFormat, true, v, envelope(`{"cardList":[{"cardId":"1222 0800","cardExt":`+jsonString(couponFirst(nil))+`}]}`, "")},
		{CodeStockIDFormat, false, v, couponReq(couponFirst(nil))},
		{CodeCouponFieldMissing, true, v, couponReq(couponFirst(f{"out_request_no": "-"}))},
		{CodeCouponFieldMissing, true, v, couponReq(couponFirst(f{"sign": "-"}))},
		{CodeCouponFieldMissing, true, v, couponReq(couponFirst(f{"send_coupon_merchant": `""`}))},
		{CodeCouponFieldMissing, true, v, couponReq(couponFirst(nil), coupon(f{"out_request_no": `""`}))},
		{CodeCouponFieldMissing, false, v, couponReq(couponFirst(nil), coupon(f{"out_request_no": `"1619168471835"`, "coupon_code": `"8342516"`}))},
		{CodeOutRequestNoFormat, true, v, couponReq(couponFirst(f{"out_request_no": `"order#1"`}))},
		{CodeOutRequestNoFormat, true, v, couponReq(couponFirst(f{"out_request_no": `"` + strings.Repeat("7", 129) + `"`}))},
		{CodeOutRequestNoFormat, false, v, couponReq(couponFirst(f{"out_request_no": `"a_b-c|d*` + strings.Repeat("7", 120) + `"`}))},
		{CodeOutRequestNoReused, true, v, couponReq(couponFirst(nil), coupon(f{"out_request_no": `"1619168471834"`}))},
		{CodeOutRequestNoReused, false, v, couponReq(couponFirst(nil), coupon(f{"out_request_no": `"1619168471835"`}))},
		{CodeCouponSignFormat, true, v, couponReq(couponFirst(f{"sign": `"` + goodSig + `"`}))},
		{CodeCouponSignFormat, true, v, couponReq(couponFirst(f{"sign": `"F315287165F152B4603E75610953A834"`}))},
		{CodeCouponSignFormat, false, v, couponReq(couponFirst(f{"sign": `"` + strings.ToLower(goodCouponSign) + `"`}))},
		{CodeSendTimeFormat, true, v, couponReq(couponFirst(f{"customize_send_time": `"2021-01-01 12:00:00"`}))},
		{CodeSendTimeFormat, true, v, couponReq(couponFirst(f{"customize_send_time": `"2021-01-01T12:00:00"`}))},
		{CodeFieldType, true, v, couponReq(couponFirst(f{"customize_send_time": `1609473600`}))},
		{CodeSendTimeFormat, false, v, couponReq(couponFirst(f{"customize_send_time": `"2021-01-01T12:00:00+08:00"`}))},
		{CodeSendTimeFormat, false, v, couponReq(couponFirst(f{"customize_send_time": `"2021-01-01T04:00:00.250Z"`}))},
		{CodeFieldType, true, v, couponReq(couponFirst(f{"send_coupon_merchant": `1327735401`}))},
		{CodeUnknownField, true, v, couponReq(couponFirst(f{"timestamp": goodTS, "code": `"8342516"`}))},
		{CodeUnknownField, true, v, couponReq(couponFirst(f{"out_request_num": `"1"`}))},
		{CodeUnknownField, true, v, addReq(f{"sign": `"` + goodCouponSign + `"`}, "")},
		{CodeUnknownField, false, v, couponReq(couponFirst(f{"coupon_code": `"8342516"`, "openid": `"o0NRE5_Bg6rFf_sVYFRWVzXn40hw"`}))},

		// Encrypted codes damaged on the way to card/code/decrypt: the JS-SDK
		// demo's encodeURI(code) read by PHP's urldecode turns + into a space.
		{CodeCodeEncrypted, true, o, openReq(`{"cardId":"` + goodID + `","code":"uG5lAkbRRthyy2lpSEvvMT8mr1F7%2BdZQ5Ca61BmHf6w%3D"}`)},
		{CodeCodeEncrypted, true, o, openReq(`{"cardId":"` + goodID + `","code":"uG5lAkbRRthyy2lpSEvvMT8mr1F7 dZQ5Ca61BmHf6w="}`)},
		{CodeCodeEncrypted, true, o, openReq(`{"cardId":"` + goodID + `","code":"uG5lAkbRRthyy2lpSEvvMT8mr1F7+dZQ5Ca61BmHf6w"}`)},
		{CodeCodeEncrypted, true, o, openReq(`{"cardId":"` + goodID + `","code":"Rw1zWp9EqPbCl5AovZLyyg"}`)},
		{CodeCodeTooLong, false, o, openReq(`{"cardId":"` + goodID + `","code":"uG5lAkbRRthyy2lpSEvvMT8mr1F7+dZQ5Ca61BmHf6w"}`)},
		{CodeCodeCharset, false, o, openReq(`{"cardId":"` + goodID + `","code":"uG5lAkbRRthyy2lpSEvvMT8mr1F7 dZQ5Ca61BmHf6w="}`)},
		{CodeCodeEncrypted, false, o, openReq(`{"cardId":"` + goodID + `","code":"12 34"}`)},
		{CodeCodeEncrypted, false, o, openReq(`{"cardId":"` + goodID + `","code":"order_2024_0001_000002"}`)},
		{CodeCodeEncrypted, false, o, openReq(`{"cardId":"` + goodID + `","code":"100%25"}`)},

		// The activation return flow as real apps meet it.
		{CodeURLParamMissing, true, pu, envelope(jsonString("https://mp.weixin.qq.com/bizmall/activatemembercard?action=preshow&encrypt_card_id=a%2Bb&biz=MzI0MDAxNTU3MQ%3D%3D"), "")},
		{CodeURLParamMissing, true, pu, envelope(jsonString("https://mp.weixin.qq.com/bizmall/activatemembercard?encrypt_card_id=&outer_str=1&biz=MzI0MDAxNTU3MQ%3D%3D"), "")},
		{CodeURLParamMissing, false, pu, envelope(jsonString("https://mp.weixin.qq.com/bizmall/activatemembercard?action=preshow&encrypt_card_id=a%2Bb&outer_str=&biz=MzI0MDAxNTU3MQ%3D%3D#wechat_redirect"), "")},
		{CodeExtraFieldMissing, false, ml, envelope(strings.Replace(goodLaunch, `"channel1"`, `""`, 1), "")},
		{CodeExtraFieldMissing, true, ml, envelope(strings.Replace(goodLaunch, `"MzI0MDAxNTU3MQ=="`, `""`, 1), "")},
		// WxJava appended == to a 12-character biz.
		{CodeBizFormat, true, pu, envelope(jsonString(strings.Replace(activateURL, "MzI0MDAxNTU3MQ%3D%3D", "MzI0MDAxNTU3%3D%3D", 1)), "")},
		{CodeBizFormat, true, ml, envelope(strings.Replace(goodLaunch, "MzI0MDAxNTU3MQ==", "MzI0MDAxNTU3==", 1), "")},
		{CodeBizFormat, false, pu, envelope(jsonString(activateURL), "")},
		{CodeBizFormat, false, ml, envelope(goodLaunch, "")},
		{CodeBizFormat, false, ml, envelope(strings.Replace(goodLaunch, "MzI0MDAxNTU3MQ==", "MzI0MDAxNTU3MQ%3D%3D", 1), "")},
		{CodeReferrerFieldMissing, true, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"activate_ticket":"t","card_id":"","code":"1"}}}}`},
		{CodeReferrerFieldMissing, false, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":"<Undefined>"}}}`},
		{CodeReferrerFieldMissing, false, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"activate_ticket":"t","card_id":"c","code":"1"}}}}`},
		{CodeFieldType, false, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":"undefined"}}}`},
		{CodeFieldType, true, ri, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":"{}x"}}}`},
		// The JS-SDK's result forms.
		{CodeAddCardCancel, true, pr, `{"payload":{"errMsg":"addCard:cancel"}}`},
		{CodeAddCardCancel, true, pr, `{"payload":{"errMsg":"addCard:fail:cancel"}}`},
		{CodeCardNotAdded, true, pr, `{"payload":{"errMsg":"addCard:ok","cardList":"[{\"cardId\":\"` + goodID + `\",\"cardExt\":\"{}\",\"isSuccess\":\"false\"}]"}}`},
		{CodeCardNotAdded, false, pr, `{"payload":{"errMsg":"addCard:ok","cardList":"[{\"cardId\":\"` + goodID + `\",\"cardExt\":\"{}\",\"isSuccess\":\"true\"}]"}}`},
		{CodeFieldType, false, pr, `{"payload":{"errMsg":"addCard:ok","cardList":[{"cardId":"` + goodID + `","code":"x","isSuccess":"true"}]}}`},
		{CodeJSONSyntax, true, pr, `{"payload":{"errMsg":"addCard:ok","cardList":"[{\"cardId\":1,]"}}`},
		// The failure details the table now knows.
		{CodeAddCardFail, true, pr, `{"payload":{"errMsg":"addCard:fail 已领取"}}`},
		{CodeAddCardFail, true, pr, `{"payload":{"errMsg":"addCard:fail 参数有误"}}`},
		{CodeAddCardFail, true, pr, `{"payload":{"errMsg":"addCard:fail 系统错误"}}`},

		// Secrets in value form: a query percent-encoded into another URL,
		// a PEM private key pasted into a field or a config file.
		{CodeSecretInPayload, true, v, addReq(f{"outer_str": `"https://x.example/cb?next=https%3A%2F%2Fapi.weixin.qq.com%2Fcgi-bin%2Fx%3Faccess_token%3DAbC"`}, "")},
		{CodeSecretInPayload, true, v, addReq(f{"outer_str": `"src%26access_token%3DAbC"`}, "")},
		{CodeSecretInPayload, true, pr, `{"payload":{"errMsg":"addCard:ok","cardList":[],"note":"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"}}`},
		{CodeSecretInPayload, true, OpLint, `{"payload":{"files":[{"path":"config/pay.json","content":"{\"mch_id\":\"1327735401\",\"cert\":\"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\"}"}]}}`},
		{CodeSecretInPayload, false, v, addReq(f{"outer_str": `"100%25_off%3Dyes"`}, "")},
		{CodeSecretInPayload, false, pr, `{"payload":{"errMsg":"addCard:ok","cardList":[],"note":"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0B\n-----END PUBLIC KEY-----\n"}}`},
		{CodeSecretInPayload, false, v, addReq(f{"outer_str": `"https://x.example/cb?next=%2Fpay%3Fticket_id%3D7"`}, "")},
		// A parameter name longer than 20 characters (component_access_token).
		{CodeSecretInPayload, true, v, addReq(f{"outer_str": `"https://api.weixin.qq.com/cgi-bin/component/x?component_access_token=AbC"`}, "")},
		// lint's coloured text report (the CLIs ask for it on a terminal).
		{CodeRequestInvalid, false, OpLint, `{"payload":{"files":[{"path":"a.json","content":"{\"cardList\":[{\"cardExt\":\"{}\"}]}"}]},"options":{"format":"text","color":true}}`},
		{CodeRequestInvalid, true, v, addReq(nil, `{"color":true}`)},
		{CodeRequestInvalid, true, OpLint, `{"payload":{"files":[]},"options":{"color":"yes"}}`},
		{CodeRequestInvalid, false, OpLint, `{"payload":{"files":[]},"options":{"format":"text","color":false}}`},
		// The CLIs pass the terminal's facts and the core decides.
		{CodeRequestInvalid, false, OpLint, `{"payload":{"files":[{"path":"a.json","content":"{\"cardList\":[{\"cardExt\":\"{}\"}]}"}]},"options":{"format":"text","color":{"tty":false,"NO_COLOR":"","FORCE_COLOR":"1"}}}`},
		{CodeRequestInvalid, false, OpLint, `{"payload":{"files":[{"path":"a.json","content":"{\"cardList\":[{\"cardExt\":\"{}\"}]}"}]},"options":{"format":"text","color":{"tty":true,"NO_COLOR":"1","FORCE_COLOR":""}}}`},
		{CodeRequestInvalid, true, OpLint, `{"payload":{"files":[]},"options":{"format":"text","color":{"tty":true,"TERM":"xterm"}}}`},
	}
}

const goodCouponSign = "A48BFA1CDFFB9DC0A5B382239CC5F41F01D8A0AB03034EFE2BC347826E293708"

// couponFirst is the cardExt text of a batch's first merchant coupon, with
// fields changed as in extText ("-" leaves one out).
func couponFirst(fields map[string]string) string {
	def := map[string]string{"out_request_no": `"1619168471834"`, "send_coupon_merchant": `"1327735401"`, "sign": `"` + goodCouponSign + `"`}
	for k, v := range fields {
		def[k] = v
	}
	return coupon(def)
}

// coupon is a merchant coupon's cardExt text with exactly these fields.
func coupon(fields map[string]string) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if v := fields[k]; v != "-" {
			parts = append(parts, `"`+k+`":`+v)
		}
	}
	return "{" + strings.Join(parts, ",") + "}"
}

// couponReq is a validateCardList request of merchant coupons of stock
// 1222080000000002 with these cardExt texts.
func couponReq(exts ...string) string {
	var items []string
	for _, e := range exts {
		items = append(items, `{"cardId":"1222080000000002","cardExt":`+jsonString(e)+`}`)
	}
	return envelope(`{"cardList":[`+strings.Join(items, ",")+`]}`, "")
}

func codes(out []byte) []string {
	var o struct {
		Diagnostics []Diagnostic `json:"diagnostics"`
	}
	if err := json.Unmarshal(out, &o); err != nil {
		return []string{"<invalid output: " + err.Error() + ">"}
	}
	var cs []string
	for _, d := range o.Diagnostics {
		cs = append(cs, d.Code)
	}
	return cs
}

func TestRules(t *testing.T) {
	for _, tc := range ruleCases() {
		name := tc.code + "/miss"
		if tc.trigger {
			name = tc.code + "/hit"
		}
		t.Run(name, func(t *testing.T) {
			out := Call(tc.op, []byte(tc.input))
			got := codes(out)
			if tc.trigger {
				assert.Contains(t, got, tc.code, "output: %s", out)
			} else {
				assert.NotContains(t, got, tc.code, "output: %s", out)
			}
		})
	}
}

// Every rule of the catalogue is tested with a payload that triggers it and
// one that must not.
func TestEveryRuleHasHitAndMiss(t *testing.T) {
	hit, miss := map[string]bool{}, map[string]bool{}
	for _, tc := range ruleCases() {
		if tc.trigger {
			hit[tc.code] = true
		} else {
			miss[tc.code] = true
		}
	}
	for _, r := range Rules() {
		assert.True(t, hit[r.Code], "no case triggers %s", r.Code)
		assert.True(t, miss[r.Code], "no near-miss case for %s", r.Code)
	}
}

// Every code has both messages, a summary and a fix in both locales.
func TestCatalogueComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		require.False(t, seen[r.Code], "duplicate %s", r.Code)
		seen[r.Code] = true
		for _, s := range []string{r.Summary.En, r.Summary.Zh, r.Fix.En, r.Fix.Zh, r.Why.En, r.Why.Zh} {
			assert.NotEmpty(t, s, r.Code)
		}
		assert.Contains(t, []Severity{SeverityError, SeverityWarning, SeverityInfo}, r.Severity)
	}
	for id := msgNone + 1; id < msgCount; id++ {
		assert.NotEmpty(t, messages[id].En, "message %d has no English", id)
		assert.NotEmpty(t, messages[id].Zh, "message %d has no Chinese", id)
		assert.Equal(t, strings.Count(messages[id].En, "{"), strings.Count(messages[id].Zh, "{"), "placeholders of message %d: %q", id, messages[id].En)
	}
}

// Each code is emitted with the severity the catalogue gives it, except
// the documented warnings: signature-format's uppercase hex,
// secret-in-payload's ticket-like outer_str and url-param-missing's absent
// outer_str.
func TestSeverityMatchesCatalogue(t *testing.T) {
	for _, tc := range ruleCases() {
		var o struct{ Diagnostics []Diagnostic }
		require.NoError(t, json.Unmarshal(Call(tc.op, []byte(tc.input)), &o))
		for _, d := range o.Diagnostics {
			r, ok := LookupRule(d.Code)
			require.True(t, ok, "unknown code %s", d.Code)
			if (d.Code == CodeSignatureFormat || d.Code == CodeSecretInPayload || d.Code == CodeURLParamMissing) && d.Severity == SeverityWarning {
				continue
			}
			assert.Equal(t, r.Severity, d.Severity, "%s: %s", d.Code, d.Message)
		}
	}
}
