package card

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every spelling of a server secret that real code uses, as a key and as
// query text in a value (plain and percent-encoded), in every operation
// that takes objects and in lint of a JSON file without card payloads; the
// near-misses stay quiet everywhere.
func TestSecretSpellingsEverywhere(t *testing.T) {
	secrets := []string{"api_ticket", "api_ticket:", "api_ticket ", "api_ticket_", "AppSecret ", "api.ticket", "my_api_ticket",
		"jsapi_ticket", "ticket", "access_token", "component_access_token", "authorizer_access_token", "client_secret",
		"session_key", "refresh_token", "appsecret", "secret", "mch_key", "api_key", "apiv3_key", "private_key"}
	nearMisses := []string{"activate_ticket", "ticket_id", "card_ticket_count", "token_type", "public_key", "secretary"}

	// Each place: a request with the member named {K} holding the value {V}.
	ext := func(inner string) string {
		return jsonString(`{"timestamp":1404896688,"signature":"` + goodSig + `",` + inner + `}`)
	}
	places := []struct{ name, op, req string }{
		{"addCard options", OpValidateCardList, `{"payload":{"cardList":[{"cardId":"` + goodID + `","cardExt":` + ext(`"nonce_str":"a"`) + `}],{K}:{V}}}`},
		{"addCard cardExt", OpValidateCardList, `{"payload":{"cardList":[{"cardId":"` + goodID + `","cardExt":` + ext(`{K}:{V}`) + `}]}}`},
		{"buildAddCard item", OpBuildAddCard, `{"payload":{"cardList":[{"cardId":"` + goodID + `","cardExt":{"timestamp":1404896688,"signature":"` + goodSig + `"},{K}:{V}}]}}`},
		{"openCard item", OpBuildOpenCard, `{"payload":{"cardList":[{"cardId":"` + goodID + `","code":"1434008071",{K}:{V}}]}}`},
		{"addCard result", OpParseAddCardResult, `{"payload":{"errMsg":"addCard:ok","cardList":[],{K}:{V}}}`},
		{"member-card launch", OpValidateMemberCardLaunch, `{"payload":{"appId":"wxeb490c6f9b154ef9","extraData":{"encrypt_card_id":"a","outer_str":"b","biz":"MzI0MDAxNTU3MQ==",{K}:{V}}}}`},
		{"referrerInfo", OpParseReferrerInfo, `{"payload":{"referrerInfo":{"appId":"wxeb490c6f9b154ef9","extraData":{"activate_ticket":"t","card_id":"c","code":"1",{K}:{V}}}}}`},
		{"lint config.json", OpLint, `{"payload":{"files":[{"path":"config.json","content":` + `{FILE}` + `}]}}`},
	}
	build := func(req, key, val string) string {
		if strings.Contains(req, "{FILE}") {
			return strings.Replace(req, "{FILE}", jsonString(`{"appid":"wx1","server":{`+jsonString(key)+`:`+jsonString(val)+`}}`), 1)
		}
		if strings.Contains(req, `"cardExt":"`) && strings.Contains(req, "{K}") && !strings.Contains(req, `,{K}:{V}}}}`) && !strings.Contains(req, `}],{K}`) {
			// Inside the cardExt string: the member is JSON text within a string.
			k, v := jsonString(key), jsonString(val)
			k, v = k[1:len(k)-1], v[1:len(v)-1] // escaped once more by the string
			k, v = `\"`+strings.ReplaceAll(k, `"`, `\"`)+`\"`, `\"`+strings.ReplaceAll(v, `"`, `\"`)+`\"`
			return strings.Replace(strings.Replace(req, "{K}", k, 1), "{V}", v, 1)
		}
		return strings.Replace(strings.Replace(req, "{K}", jsonString(key), 1), "{V}", jsonString(val), 1)
	}
	forms := func(name string) [][2]string {
		q := strings.TrimSpace(name)
		return [][2]string{
			{name, "x-secret-value"},
			{"note", "https://api.weixin.qq.com/cgi-bin/x?" + q + "=AbC123"},
			{"note", "https://x.example/cb?next=%2Fcgi-bin%2Fx%3Fa%3D1%26" + q + "%3DAbC123"},
		}
	}
	for _, p := range places {
		for _, name := range secrets {
			for i, kv := range forms(name) {
				in := build(p.req, kv[0], kv[1])
				got := codes(Call(p.op, []byte(in)))
				assert.Contains(t, got, CodeSecretInPayload, "%s, %q, form %d: %s", p.name, name, i, in)
			}
		}
		for _, name := range nearMisses {
			for i, kv := range forms(name) {
				in := build(p.req, kv[0], kv[1])
				got := codes(Call(p.op, []byte(in)))
				assert.NotContains(t, got, CodeSecretInPayload, "%s, %q, form %d: %s", p.name, name, i, in)
			}
		}
	}
}
