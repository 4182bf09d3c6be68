package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A ticket planted in every place a user could put it — a stdin value and
// key, the ticket file's name, the environment (with a newline), a linted
// file, a run request — never comes back, whole or in part, in anything
// sign, verify, lint or run write.
func TestTicketNeverInOutput(t *testing.T) {
	const ticket = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg"
	file, asDir, lintDir := plant(t, ticket, `{"api_ticket":"`+ticket+`"}`)

	env := map[string]string{envTicket: ticket}
	item := `{"cardId":"pFS7Fjg8kV1IdDz01r4SQwMkuCKc","cardExt":"{\"timestamp\":1404896688,\"nonce_str\":\"n1\",\"outer_str\":\"` + ticket + `\",\"code\":\"` + ticket[:20] + `\",\"signature\":\"` + strings.Repeat("a", 40) + `\"}"}`
	cases := []cliCase{
		{name: "sign, ticket as a stdin value", args: []string{"sign", "--card-id", "pFS7Fjg8kV1IdDz01r4SQwMkuCKc"}, stdin: `{"outer_str":"` + ticket + `"}`, env: env},
		{name: "sign, ticket as a stdin key", args: []string{"sign", "--card-id", "pFS7Fjg8kV1IdDz01r4SQwMkuCKc"}, stdin: `{"` + ticket + `":"x"}`, env: env},
		{name: "sign, ticket file", args: []string{"sign", "--card-id", "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", "--ticket-file", file}, stdin: `{"code":"` + ticket[10:40] + `"}`},
		{name: "sign, ticket file is a directory named like the ticket", args: []string{"sign", "--card-id", "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", "--ticket-file", asDir}, stdin: `{}`},
		{name: "sign, env ticket with a newline", args: []string{"sign", "--card-id", "pFS7Fjg8kV1IdDz01r4SQwMkuCKc"}, stdin: `{}`, env: map[string]string{envTicket: ticket[:40] + "\n" + ticket[40:]}},
		{name: "verify text, ticket in the cardExt", args: []string{"verify"}, stdin: item, env: env},
		{name: "verify json, ticket in the cardExt", args: []string{"verify", "--format", "json"}, stdin: item, env: env},
		{name: "verify, ticket as a stdin key", args: []string{"verify"}, stdin: `{"cardId":"p","cardExt":"{\"` + ticket + `\":1}"}`, env: env},
		{name: "verify, broken stdin around the ticket", args: []string{"verify"}, stdin: `{"cardId":"` + ticket + `",`, env: env},
		{name: "lint, a file holding the ticket", args: []string{"lint", "--format", "json", lintDir}},
		{name: "run, the ticket in a payload", args: []string{"run", "validateCardList"}, stdin: `{"payload":{"cardList":[{"cardId":"p","cardExt":"{\"api_ticket\":\"` + ticket + `\"}"}]},"options":{}}`},
	}
	runWithout(t, cases, ticket)
}

// plant writes the secret to a file, makes a directory named like it, and
// a folder to lint holding one JSON file, lintJSON.
func plant(t *testing.T, secret, lintJSON string) (file, asDir, lintDir string) {
	t.Helper()
	dir := t.TempDir()
	file = filepath.Join(dir, "secret")
	require.NoError(t, os.WriteFile(file, []byte(secret+"\n"), 0o600))
	asDir = filepath.Join(dir, secret)
	require.NoError(t, os.Mkdir(asDir, 0o700))
	lintDir = filepath.Join(dir, "payloads")
	require.NoError(t, os.Mkdir(lintDir, 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(lintDir, "config.json"), []byte(lintJSON), 0o600))
	return file, asDir, lintDir
}

// runWithout runs the cases and checks that nothing of the secret comes
// back in what the program wrote: not whole, and no 12 bytes of it.
func runWithout(t *testing.T, cases []cliCase, secret string) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := c.run(t)
			// What the program wrote, not the harness's echo of the command line.
			out = out[strings.Index(out, "-- exit --"):]
			for k := 0; k+12 <= len(secret); k++ {
				if !assert.NotContains(t, out, secret[k:k+12], "a piece of the secret at %d", k) {
					t.Log(out)
					break
				}
			}
		})
	}
}

// The merchant key, planted likewise — a stdin value and key, the key
// file's name, the environment (with a newline), an argument, a cardExt
// that verify explains, a linted file, a run request — never comes back.
func TestMerchantKeyNeverInOutput(t *testing.T) {
	const key = "Zr8Lq3Vt6Xw1Ny4Pb7Hc0Jd2Kf5Mg9Sa"
	file, asDir, lintDir := plant(t, key, `{"mch_key":"`+key+`","send_coupon_merchant":"10016226"}`)
	dir := filepath.Dir(file)

	env := map[string]string{envMerchantKey: key}
	sign := []string{"sign", "--coupon", "--merchant", "10016226"}
	batch := func(ext0, ext1 string) string {
		b, _ := json.Marshal(map[string]any{"cardList": []map[string]string{{"cardId": "1234567", "cardExt": ext0}, {"cardId": "2345678", "cardExt": ext1}}})
		return string(b)
	}
	sig := `"sign":"` + strings.Repeat("A", 64) + `"`
	cases := []cliCase{
		{name: "sign, key as a stdin value", args: sign, stdin: `[{"stock_id":"1234567","out_request_no":"` + key + `"}]`, env: env},
		{name: "sign, an excerpt of the key as a stdin value", args: sign, stdin: `[{"stock_id":"1234567","out_request_no":"x` + key[4:24] + `"}]`, env: env},
		{name: "sign, key as a bad stdin value", args: sign, stdin: `[{"stock_id":"` + key + `","out_request_no":"a"}]`, env: env},
		{name: "sign, key as a stdin key", args: sign, stdin: `[{"` + key + `":"x"}]`, env: env},
		{name: "sign, broken stdin around the key", args: sign, stdin: `[{"stock_id":"` + key, env: env},
		{name: "sign, key file", args: append(slices.Clone(sign), "--key-file", file), stdin: `[{"stock_id":"1234567","out_request_no":"` + key[:20] + `"}]`},
		{name: "sign, key file named like the key, missing", args: append(slices.Clone(sign), "--key-file", filepath.Join(dir, "x", key)), stdin: `[]`},
		{name: "sign, key file is a directory named like the key", args: append(slices.Clone(sign), "--key-file", asDir), stdin: `[]`},
		{name: "sign, the key as the key file's name", args: append(slices.Clone(sign), "--key-file", key), stdin: `[]`},
		{name: "sign, env key with a newline", args: sign, stdin: `[]`, env: map[string]string{envMerchantKey: key[:16] + "\n" + key[16:]}},
		{name: "sign, env key with a space", args: sign, stdin: `[]`, env: map[string]string{envMerchantKey: key[:16] + " " + key[16:]}},
		{name: "sign, key as the merchant", args: []string{"sign", "--coupon", "--merchant", key}, stdin: `[{"stock_id":"1","out_request_no":"a"}]`, env: env},
		{name: "sign, key flag", args: append(slices.Clone(sign), "--mch-key", key)},
		{name: "sign, key= flag", args: append(slices.Clone(sign), "--key="+key)},
		{name: "sign, key positional", args: append(slices.Clone(sign), key), env: env},
		{name: "verify, key positional", args: []string{"verify", key}, env: env},
		{name: "verify, key flag", args: []string{"verify", "--api-key", key}, env: env},
		{name: "verify text, key in the cardExts", args: []string{"verify"}, env: env,
			stdin: batch(`{"out_request_no":"`+key+`","coupon_code":"`+key[:20]+`","send_coupon_merchant":"10016226",`+sig+`}`, `{"out_request_no":"`+key[10:]+`","openid":"`+key+`"}`)},
		{name: "verify json, key in the cardExts", args: []string{"verify", "--format", "json"}, env: env,
			stdin: batch(`{"out_request_no":"`+key+`","send_coupon_merchant":"`+key+`",`+sig+`}`, `{"out_request_no":"b","customize_send_time":"`+key+`"}`)},
		{name: "verify, key as the stock_id", args: []string{"verify"}, env: env,
			stdin: `{"cardId":"` + key + `","cardExt":"{\"out_request_no\":\"a\",\"send_coupon_merchant\":\"1\",` + strings.ReplaceAll(sig, `"`, `\"`) + `}"}`},
		{name: "verify, key as the sign", args: []string{"verify"}, env: env,
			stdin: batch(`{"out_request_no":"a","send_coupon_merchant":"1","sign":"`+key+`"}`, `{"out_request_no":"b"}`)},
		{name: "verify, key as a cardExt key", args: []string{"verify"}, env: env, stdin: batch(`{"out_request_no":"a","`+key+`":1}`, `{}`)},
		{name: "verify, broken stdin around the key", args: []string{"verify"}, env: env, stdin: `{"cardId":"` + key + `",`},
		{name: "verify, key file named like the key, missing", args: []string{"verify", "--key-file", filepath.Join(dir, "x", key)}, stdin: batch(`{"out_request_no":"a"}`, `{}`)},
		{name: "verify, env key with a newline", args: []string{"verify"}, env: map[string]string{envMerchantKey: key[:16] + "\n" + key[16:]}, stdin: batch(`{"out_request_no":"a"}`, `{}`)},
		{name: "lint, a file holding the key", args: []string{"lint", "--format", "json", lintDir}},
		{name: "lint text, a file holding the key", args: []string{"lint", lintDir}},
		{name: "run, the key in a payload", args: []string{"run", "validateCardList"},
			stdin: `{"payload":{"cardList":[{"cardId":"1234567","cardExt":"{\"out_request_no\":\"a\",\"mch_key\":\"` + key + `\",\"send_coupon_merchant\":\"1\",\"sign\":\"x\"}"}]},"options":{}}`},
	}
	runWithout(t, cases, key)
}

// A broken file named on the command line is an error, never "no card
// payload"; found by walking a folder it is not ours and passes.
func TestNamedBrokenFileIsAnError(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "payloads"), 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "payloads", "broken.json"), []byte("{ broken json"), 0o600))
	t.Chdir(dir)
	named := cliCase{name: "named", args: []string{"lint", "payloads/broken.json"}}.run(t)
	assert.Contains(t, named, "-- exit --\n1\n")
	assert.Contains(t, named, "lint-file-invalid")
	walked := cliCase{name: "walked", args: []string{"lint", "payloads"}}.run(t)
	assert.Contains(t, walked, "-- exit --\n0\n")
	assert.NotContains(t, walked, "lint-file-invalid")
}
