package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/wasm/card"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const (
	ticket = "ojZ8YtyVyr30HheH3CM73y7h4jJE"
	cardID = "pjZ8Yt1XGILfi-FUsewpnnolGgZk"
	// mchKey is a made-up merchant API v2 key (testdata/mchkey.txt), and
	// mchID WeChat Pay's example merchant.
	mchKey = "Wx7kP2qR9sT4uV6wY8zA1bC3dE5fG7hJ"
	mchID  = "10016226"
)

// couponList is wx.addCard's options for a batch of merchant coupons: the
// first cardExt gets send_coupon_merchant and sign, exts are the others.
func couponList(sig string, exts ...string) string {
	first := `{"out_request_no":"abc123","send_coupon_merchant":"` + mchID + `","sign":"` + sig + `"}`
	items := []card.CardListItem{{CardID: "1234567", CardExt: first}}
	for i, e := range exts {
		items = append(items, card.CardListItem{CardID: fmt.Sprint(2345678 + i), CardExt: e})
	}
	b, _ := json.Marshal(card.AddCardOptions{CardList: items})
	return string(b)
}

// Signs of the batch of one coupon (1234567, abc123) by 10016226, made
// with openssl: right, and as MD5 and without the indexes by mistake.
const (
	couponSign           = "5452AF698616A2E3B2C929CE76DA60E9BE3AB0EEEBA562962ADAB310061EC090"
	couponSignMD5        = "F07A4A02A2D611B1F5CC82EB7C3DFEE5"
	couponSignNotIndexed = "66DBBA1DB0BD5067EFA4249EE8C89A1107A02C2AFBAC5D5188DDD3E098F67718"
)

// item is a cardList item of the official vector with the given signature.
func item(sig string) string {
	ext := `{"code":"1434008071","timestamp":1404896688,"nonce_str":"123","signature":"` + sig + `"}`
	b, _ := json.Marshal(card.CardListItem{CardID: cardID, CardExt: ext})
	return string(b)
}

// zeroReader makes every generated nonce character 'A'.
type zeroReader struct{}

func (zeroReader) Read(b []byte) (int, error) { clear(b); return len(b), nil }

type cliCase struct {
	name  string
	args  []string
	stdin string
	env   map[string]string
	// core, when set, stands in for card.Call.
	core func(op string, in []byte) []byte
	// record writes the headers of the requests to the core in the golden
	// file: what this CLI found and read.
	record bool
	dir    string // working directory, relative to testdata
}

func (c cliCase) run(t *testing.T) string {
	t.Helper()
	if c.dir != "" {
		t.Chdir(filepath.Join("testdata", c.dir))
	}
	var stdout, stderr bytes.Buffer
	var requests []string
	call := card.Call
	if c.core != nil {
		call = c.core
	}
	if c.record {
		call = func(op string, in []byte) []byte {
			head, blob, _ := bytes.Cut(in, []byte("\n"))
			wd, _ := os.Getwd()
			head = bytes.ReplaceAll(head, []byte(`"cwd":"`+filepath.ToSlash(wd)+`"`), []byte(`"cwd":"$PWD"`))
			requests = append(requests, fmt.Sprintf("%s %s\n+ %d bytes", op, head, len(blob)))
			return card.Call(op, in)
		}
	}
	a := &app{
		stdin: strings.NewReader(c.stdin), stdout: &stdout, stderr: &stderr,
		getenv: func(k string) string { return c.env[k] },
		now:    func() time.Time { return time.Unix(1404896688, 0) },
		rand:   zeroReader{},
		call:   call,
	}
	code := a.main(c.args)
	var g strings.Builder
	fmt.Fprintf(&g, "$ wxcard %s\n-- exit --\n%d\n-- stdout --\n%s-- stderr --\n%s", strings.Join(c.args, " "), code, stdout.String(), stderr.String())
	for _, r := range requests {
		fmt.Fprintf(&g, "-- core request --\n%s\n", r)
	}
	return g.String()
}

func TestCLI(t *testing.T) {
	withTicket := map[string]string{"WXCARD_API_TICKET": ticket + "\n"}
	withKey := map[string]string{"WXCARD_MCH_KEY": mchKey + "\n"}
	withBoth := map[string]string{"WXCARD_API_TICKET": ticket, "WXCARD_MCH_KEY": mchKey}
	oneCoupon := `[{"stock_id":"1234567","out_request_no":"abc123"}]`
	cardItem := item("f137ab68b7f8112d20ee528ab6074564e2796250")
	mixed := `{"cardList":[` + cardItem + `,` + strings.TrimSuffix(strings.TrimPrefix(couponList(couponSign), `{"cardList":[`), `]}`) + `]}`
	cases := []cliCase{
		{name: "help", args: []string{"--help"}},
		{name: "no-args"},
		{name: "version", args: []string{"--version"}},
		{name: "version-command", args: []string{"version"}},
		{name: "unknown-command", args: []string{"frobnicate"}},
		{name: "unknown-flag", args: []string{"--frob"}},
		{name: "help-lint", args: []string{"help", "lint"}},
		{name: "help-unknown", args: []string{"help", "nope"}},
		{name: "lint-help", args: []string{"lint", "--help"}},
		{name: "run-help", args: []string{"run", "-h"}},
		{name: "sign-help", args: []string{"sign", "--help"}},
		{name: "verify-help", args: []string{"verify", "--help"}},

		{name: "run", args: []string{"run", "validateCardList"}, stdin: `{"payload":{"cardList":[]}}`},
		{name: "run-raw-bytes", args: []string{"run", "parseActivateUrl"}, stdin: "{\xff}", record: true},
		{name: "run-long-op-name", args: []string{"run", "validateMemberCardLaunch"}, stdin: "{}"},
		{name: "run-no-op", args: []string{"run"}},
		{name: "run-two-ops", args: []string{"run", "lint", "lint"}},
		{name: "run-ticket-positional", args: []string{"run", ticket}},

		{name: "sign-official", args: []string{"sign", "--card-id", cardID}, env: withTicket,
			stdin: `{"code":"1434008071","timestamp":1404896688,"nonce_str":"123"}`},
		{name: "sign-fills-timestamp-nonce", args: []string{"sign", "--card-id=" + cardID, "--code", "1434008071"}, env: withTicket, stdin: "{}"},
		{name: "sign-empty-stdin", args: []string{"sign", "--card-id", cardID, "--openid", "oXYZ"}, env: withTicket},
		{name: "sign-unsigned-fields", args: []string{"sign", "--card-id", cardID}, env: withTicket,
			stdin: `{"timestamp":"1404896688","nonce_str":"n1","outer_str":"<chan>&\"x\"","fixed_begintimestamp":1404900000}`},
		{name: "sign-ticket-file", args: []string{"sign", "--card-id", cardID, "--ticket-file", "testdata/ticket.txt"},
			stdin: `{"code":"1434008071","timestamp":1404896688,"nonce_str":"123"}`},
		{name: "sign-ticket-file-missing", args: []string{"sign", "--card-id", cardID, "--ticket-file", ticket}, stdin: "{}"},
		{name: "sign-no-ticket", args: []string{"sign", "--card-id", cardID}, stdin: "{}"},
		{name: "sign-no-card-id", args: []string{"sign"}, env: withTicket, stdin: "{}"},
		{name: "sign-code-conflict", args: []string{"sign", "--card-id", cardID, "--code", "2"}, env: withTicket, stdin: `{"code":"1"}`},
		{name: "sign-unknown-key", args: []string{"sign", "--card-id", cardID}, env: withTicket, stdin: `{"nonceStr":"1"}`},
		{name: "sign-secret-in-stdin", args: []string{"sign", "--card-id", cardID}, env: withTicket, stdin: `{"api_ticket":"` + ticket + `"}`},
		{name: "sign-ticket-in-value", args: []string{"sign", "--card-id", cardID, "--openid", ticket}, env: withTicket, stdin: `{}`},
		{name: "sign-not-json", args: []string{"sign", "--card-id", cardID}, env: withTicket, stdin: `code=1`},
		{name: "sign-flag-ticket", args: []string{"sign", "--card-id", cardID, "--ticket", ticket}, env: withTicket},
		{name: "sign-flag-api-ticket", args: []string{"sign", "--api-ticket=" + ticket}},
		{name: "sign-flag-api_ticket", args: []string{"sign", "-api_ticket", ticket}},
		{name: "sign-flag-jsapi-ticket", args: []string{"verify", "--jsapi-ticket=" + ticket}},
		{name: "sign-positional-ticket", args: []string{"sign", "--card-id", cardID, ticket}, env: withTicket},
		{name: "sign-bad-flag-value", args: []string{"lint", "--max-warnings", ticket, "x"}},

		{name: "verify-ok", args: []string{"verify"}, env: withTicket, stdin: item("f137ab68b7f8112d20ee528ab6074564e2796250")},
		{name: "verify-sorted-by-key", args: []string{"verify"}, env: withTicket, stdin: item("51deb509ad5b93968c4d5789d0c7f30f4368fd62")},
		{name: "verify-nonce-not-signed", args: []string{"verify"}, env: withTicket, stdin: item("8df4640f99e5aa257e14ca23895075323e280bc1")},
		{name: "verify-uppercase", args: []string{"verify"}, env: withTicket, stdin: item("F137AB68B7F8112D20EE528AB6074564E2796250")},
		{name: "verify-wrong-ticket", args: []string{"verify"}, env: map[string]string{"WXCARD_API_TICKET": "another-ticket-0123456789"}, stdin: item("f137ab68b7f8112d20ee528ab6074564e2796250")},
		{name: "verify-zh", args: []string{"verify"}, env: map[string]string{"WXCARD_API_TICKET": ticket, "LANG": "zh_CN.UTF-8"}, stdin: item("ae1f89734f2f5f9e53a6233e7abbad1f1b2a54a3")},
		{name: "verify-json", args: []string{"verify", "--format", "json"}, env: withTicket, stdin: item("3cf63277bd29f8b72f2341a5d9f3b3310de211cd")},
		{name: "verify-cardlist", args: []string{"verify", "--ticket-file", "testdata/ticket.txt"},
			stdin: `{"cardList":[` + item("f137ab68b7f8112d20ee528ab6074564e2796250") + `,` + item("de7136853a2c1caf9eb003f4bd51fa9f595ad9f4") + `]}`},
		{name: "verify-object-cardext", args: []string{"verify"}, env: withTicket,
			stdin: `{"cardId":"` + cardID + `","cardExt":{"code":"1434008071","timestamp":1404896688,"nonce_str":"123","signature":"f137ab68b7f8112d20ee528ab6074564e2796250"}}`},
		{name: "verify-not-json", args: []string{"verify"}, env: withTicket, stdin: `{"cardId":`},
		{name: "verify-not-item", args: []string{"verify"}, env: withTicket, stdin: `{"foo":1}`},
		{name: "verify-no-ticket", args: []string{"verify"}, stdin: item("f137ab68b7f8112d20ee528ab6074564e2796250")},
		{name: "verify-bad-format", args: []string{"verify", "--format", "xml"}, env: withTicket},

		{name: "sign-coupon", args: []string{"sign", "--coupon", "--merchant", mchID}, env: withKey, stdin: oneCoupon},
		{name: "sign-coupon-three", args: []string{"sign", "--coupon", "--merchant=" + mchID}, env: withKey,
			stdin: `[{"stock_id":"1234567","out_request_no":"abc123","coupon_code":"CODE-0"},{"stock_id":"2345678","out_request_no":"123abc","customize_send_time":"2021-06-01T12:00:00+08:00"},{"stock_id":"3456789","out_request_no":"x_y-z|9*"}]`},
		{name: "sign-coupon-key-file", args: []string{"sign", "--coupon", "--merchant", mchID, "--key-file", "testdata/mchkey.txt"}, stdin: oneCoupon},
		{name: "sign-coupon-key-file-missing", args: []string{"sign", "--coupon", "--merchant", mchID, "--key-file", mchKey}, stdin: oneCoupon},
		{name: "sign-coupon-ticket-as-key", args: []string{"sign", "--coupon", "--merchant", mchID, "--key-file", "testdata/ticket.txt"}, stdin: oneCoupon},
		{name: "sign-coupon-no-key", args: []string{"sign", "--coupon", "--merchant", mchID}, env: withTicket, stdin: oneCoupon},
		{name: "sign-coupon-no-merchant", args: []string{"sign", "--coupon"}, env: withKey, stdin: oneCoupon},
		{name: "sign-coupon-bad-merchant", args: []string{"sign", "--coupon", "--merchant", "mch-1"}, env: withKey, stdin: oneCoupon},
		{name: "sign-coupon-card-flags", args: []string{"sign", "--coupon", "--merchant", mchID, "--card-id", cardID}, env: withKey, stdin: oneCoupon},
		{name: "sign-merchant-without-coupon", args: []string{"sign", "--card-id", cardID, "--merchant", mchID}, env: withBoth, stdin: "{}"},
		{name: "sign-coupon-not-array", args: []string{"sign", "--coupon", "--merchant", mchID}, env: withKey, stdin: `{"stock_id":"1234567"}`},
		{name: "sign-coupon-empty-stdin", args: []string{"sign", "--coupon", "--merchant", mchID}, env: withKey},
		{name: "sign-coupon-reused", args: []string{"sign", "--coupon", "--merchant", mchID}, env: withKey,
			stdin: `[{"stock_id":"1234567","out_request_no":"abc123"},{"stock_id":"1234567","out_request_no":"abc123"}]`},
		{name: "sign-coupon-unknown-key", args: []string{"sign", "--coupon", "--merchant", mchID}, env: withKey,
			stdin: `[{"stock_id":"1234567","outRequestNo":"abc123"}]`},
		{name: "sign-coupon-key-in-stdin", args: []string{"sign", "--coupon", "--merchant", mchID}, env: withKey,
			stdin: `[{"stock_id":"1234567","out_request_no":"` + mchKey + `"}]`},
		{name: "sign-flag-mch-key", args: []string{"sign", "--coupon", "--merchant", mchID, "--mch-key", mchKey}},
		{name: "sign-flag-key", args: []string{"verify", "--key=" + mchKey}},
		{name: "sign-flag-api-secret", args: []string{"sign", "-api_secret", mchKey}},
		{name: "sign-coupon-positional-key", args: []string{"sign", "--coupon", "--merchant", mchID, mchKey}, env: withKey},
		{name: "verify-positional-secret", args: []string{"verify", mchKey}, env: withKey},

		{name: "verify-coupon-ok", args: []string{"verify"}, env: withKey, stdin: couponList(couponSign)},
		{name: "verify-coupon-md5", args: []string{"verify"}, env: withKey, stdin: couponList(couponSignMD5)},
		{name: "verify-coupon-lowercase", args: []string{"verify", "--key-file", "testdata/mchkey.txt"}, stdin: couponList(strings.ToLower(couponSign))},
		{name: "verify-coupon-not-indexed-zh", args: []string{"verify", "--locale", "zh-CN"}, env: withKey, stdin: couponList(couponSignNotIndexed)},
		{name: "verify-coupon-json", args: []string{"verify", "--format", "json"}, env: withKey, stdin: couponList(couponSignNotIndexed)},
		{name: "verify-coupon-batch", args: []string{"verify"}, env: withKey,
			stdin: couponList("0000000000000000000000000000000000000000000000000000000000000000", `{"out_request_no":"123abc"}`)},
		{name: "verify-coupon-misplaced", args: []string{"verify"}, env: withKey,
			stdin: couponList(couponSign, `{"out_request_no":"123abc","sign":"`+couponSign+`"}`)},
		{name: "verify-coupon-item", args: []string{"verify"}, env: withKey,
			stdin: `{"cardId":"1234567","cardExt":{"out_request_no":"abc123","send_coupon_merchant":"10016226","sign":"` + couponSign + `"}}`},
		{name: "verify-coupon-no-key", args: []string{"verify"}, env: withTicket, stdin: couponList(couponSign)},
		{name: "verify-mixed", args: []string{"verify"}, env: withBoth, stdin: mixed},
		{name: "verify-mixed-no-ticket", args: []string{"verify"}, env: withKey, stdin: mixed},
		{name: "verify-mixed-no-key", args: []string{"verify", "--ticket-file", "testdata/ticket.txt"}, stdin: mixed},
		{name: "verify-mixed-no-secret", args: []string{"verify"}, stdin: mixed},
		{name: "verify-card-bad-key-unused", args: []string{"verify"}, env: map[string]string{"WXCARD_API_TICKET": ticket, "WXCARD_MCH_KEY": "short"}, stdin: cardItem},

		{name: "lint-request", args: []string{"lint", "pay", "dup1.json", "--cards", "cards"}, dir: "lint", record: true},
		{name: "lint-request-zh", args: []string{"lint", "--format", "sarif", "pay/a.json"}, dir: "lint", env: map[string]string{"LANG": "zh_TW.UTF-8"}, record: true},
		{name: "lint-locale-flag", args: []string{"lint", "--locale", "en", "--format=github", "errors.json"}, dir: "lint", env: map[string]string{"LANG": "zh_CN.UTF-8"}},
		{name: "lint-errors", args: []string{"lint", "errors.json"}, dir: "lint"},
		{name: "lint-warnings-over", args: []string{"lint", "--max-warnings", "1", "warnings.json"}, dir: "lint"},
		{name: "lint-warnings-under", args: []string{"lint", "--max-warnings=2", "warnings.json"}, dir: "lint"},
		{name: "lint-core-garbage", args: []string{"lint", "pay/a.json"}, dir: "lint", core: func(string, []byte) []byte { return []byte("oops") }},
		{name: "lint-real-core", args: []string{"lint", "pay/a.json"}, dir: "lint"},
		{name: "lint-missing-path", args: []string{"lint", "pay", "missing.json"}, dir: "lint"},
		{name: "lint-no-path", args: []string{"lint"}},
		{name: "lint-bad-format", args: []string{"lint", "--format", "xml", "x"}},
		{name: "lint-bad-locale", args: []string{"lint", "--locale", "fr", "x"}},
		{name: "lint-bad-max-warnings", args: []string{"lint", "--max-warnings", "many", "x"}},
		{name: "lint-cards-duplicate", args: []string{"lint", "--cards", "dup1.json", "--cards", "dup2.json", "pay/a.json"}, dir: "lint"},
		{name: "lint-cards-not-object", args: []string{"lint", "--cards", "pay/sub/broken.json", "pay/a.json"}, dir: "lint"},
		{name: "lint-ticket-positional", args: []string{"lint", ticket}},
		{name: "lint-existing-long-dir", args: []string{"lint", "a-directory_with-name-12"}, dir: "lint"},
	}
	names := map[string]bool{}
	for _, c := range cases {
		require.False(t, names[c.name], "duplicate case %s", c.name)
		names[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			got := c.run(t)
			assert.NotContains(t, got[strings.Index(got, "\n"):], ticket, "the ticket was printed")
			assert.NotContains(t, got[strings.Index(got, "\n"):], mchKey[:12], "the merchant key was printed")
			golden := filepath.Join(goldenDir, c.name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test ./cmd/wxcard -update")
			assert.Equal(t, string(want), got)
		})
	}
}

var goldenDir = func() string {
	wd, _ := os.Getwd()
	return filepath.Join(wd, "testdata", "golden")
}()

// run, the entry point main uses, wires the real core and environment.
func TestRunEntryPoint(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"run", "validateCardList"}, strings.NewReader(`{"payload":{"cardList":[]}}`), &stdout, &stderr, func(string) string { return "" })
	assert.Equal(t, 0, code)
	assert.Equal(t, string(card.Call("validateCardList", []byte(`{"payload":{"cardList":[]}}`)))+"\n", stdout.String())
	assert.Empty(t, stderr.String())

	stdout.Reset()
	code = run([]string{"--version"}, nil, &stdout, &stderr, nil)
	assert.Equal(t, 0, code)
	assert.Regexp(t, `^wxcard \S+\n$`, stdout.String())
}

// The item sign prints verifies, and passes the core's validateCardList.
func TestSignThenVerify(t *testing.T) {
	env := func(k string) string {
		if k == "WXCARD_API_TICKET" {
			return ticket
		}
		return ""
	}
	var signed, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"sign", "--card-id", cardID, "--code", "1434008071"}, strings.NewReader(`{"outer_str":"x"}`), &signed, &stderr, env), stderr.String())
	require.True(t, strings.HasSuffix(signed.String(), "}\n"))
	assert.Equal(t, 1, strings.Count(signed.String(), "\n"), "one line")

	var out bytes.Buffer
	assert.Equal(t, 0, run([]string{"verify"}, bytes.NewReader(signed.Bytes()), &out, &stderr, env), out.String())
	assert.Contains(t, out.String(), "item: ok: signature verifies.")

	var it card.CardListItem
	require.NoError(t, json.Unmarshal(signed.Bytes(), &it))
	req, _ := json.Marshal(map[string]any{"payload": map[string]any{"cardList": []card.CardListItem{it}}})
	var res struct{ OK bool }
	require.NoError(t, json.Unmarshal(card.Call(card.OpValidateCardList, req), &res))
	assert.True(t, res.OK)
}

// The batch sign --coupon prints verifies, with a card beside it too.
func TestSignCouponsThenVerify(t *testing.T) {
	env := func(k string) string {
		return map[string]string{"WXCARD_API_TICKET": ticket, "WXCARD_MCH_KEY": mchKey}[k]
	}
	var signed, stderr bytes.Buffer
	in := `[{"stock_id":"1234567","out_request_no":"a1"},{"stock_id":"2345678","out_request_no":"b2","coupon_code":"c2","customize_send_time":"2021-06-01T12:00:00+08:00"}]`
	require.Equal(t, 0, run([]string{"sign", "--coupon", "--merchant", mchID}, strings.NewReader(in), &signed, &stderr, env), stderr.String())
	assert.Equal(t, 1, strings.Count(signed.String(), "\n"), "one line")

	var out bytes.Buffer
	assert.Equal(t, 0, run([]string{"verify"}, bytes.NewReader(signed.Bytes()), &out, &stderr, env), out.String())
	assert.Contains(t, out.String(), "coupons (cardList[0], cardList[1]): ok: signature verifies.")

	var opts card.AddCardOptions
	require.NoError(t, json.Unmarshal(signed.Bytes(), &opts))
	opts.CardList = append([]card.CardListItem{{CardID: cardID, CardExt: `{"code":"1434008071","timestamp":1404896688,"nonce_str":"123","signature":"f137ab68b7f8112d20ee528ab6074564e2796250"}`}}, opts.CardList...)
	both, _ := json.Marshal(opts)
	out.Reset()
	assert.Equal(t, 0, run([]string{"verify", "--format", "json"}, bytes.NewReader(both), &out, &stderr, env), out.String())
	var verdicts []struct {
		Item string `json:"item"`
		OK   bool   `json:"ok"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &verdicts))
	assert.Equal(t, []string{"cardList[0]", "coupons (cardList[1], cardList[2])"}, []string{verdicts[0].Item, verdicts[1].Item})

	opts.CardList = opts.CardList[1:]
	req, _ := json.Marshal(map[string]any{"payload": opts})
	var res struct{ OK bool }
	require.NoError(t, json.Unmarshal(card.Call(card.OpValidateCardList, req), &res))
	assert.True(t, res.OK)
}

func TestLooksLikeTicket(t *testing.T) {
	for s, want := range map[string]bool{
		ticket: true,
		"kgt8ON7yVITDhtdwci0qeWAqxUMmnsmPTyUB0rTWl3WOfPlW6Ng3O-2HhBA4qwGTAg": true,
		"validateCardList":         false, // 16 characters
		"examples/cards.json":      false,
		"1404896688":               false,
		"a-directory_with-name-12": true, // refused unless it exists (lint)
	} {
		assert.Equal(t, want, looksLikeTicket(s), s)
	}
}
