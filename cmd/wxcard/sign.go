package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/wxcard/wxcard/sign"
	"github.com/wxcard/wxcard/wasm/card"
)

const (
	envTicket      = card.EnvTicket
	envMerchantKey = card.EnvMerchantKey
)

// maxStdin bounds what sign and verify read: a cardList is small.
const maxStdin = 1 << 20

// secretSource is where the CLI finds one kind of secret: an environment
// variable, or the file a flag names. Never an argument.
type secretSource[S interface{ Redact(string) string }] struct {
	what     string // "api_ticket"
	env      string
	flag     string // "--ticket-file"
	fromFile func(string) (S, error)
	fromEnv  func(func(string) string, string) (S, error)
}

var (
	ticketSource = secretSource[sign.Ticket]{"api_ticket", envTicket, "--ticket-file", sign.TicketFromFile, sign.TicketFromEnv}
	keySource    = secretSource[sign.MerchantKey]{"merchant key", envMerchantKey, "--key-file", sign.MerchantKeyFromFile, sign.MerchantKeyFromEnv}
)

// given reports whether the secret was given, by the file flag or the
// environment.
func (src secretSource[S]) given(a *app, file string) bool {
	return file != "" || strings.TrimSpace(a.getenv(src.env)) != ""
}

// load reads the secret from the file flag when given, else from the
// environment. Messages never contain the secret or a path that might be one.
func (src secretSource[S]) load(a *app, cmd, file string) (S, int, bool) {
	var zero S
	if file != "" {
		s, err := src.fromFile(file)
		if err != nil {
			return zero, a.fail(cmd, fmt.Sprintf("%s %s: %v", src.flag, quoteSafe(file), err)), false
		}
		return s, 0, true
	}
	if !src.given(a, file) {
		return zero, a.usageError(cmd, "no "+src.what+": set "+src.env+" or pass "+src.flag+" FILE"), false
	}
	s, err := src.fromEnv(a.getenv, src.env)
	if err != nil {
		return zero, a.fail(cmd, err.Error()), false
	}
	return s, 0, true
}

// loadThenRead loads the secret first, so that nothing written after it
// (an echo of stdin in an error, above all) can carry it, and then reads
// stdin.
func (src secretSource[S]) loadThenRead(a *app, cmd, file string) (S, []byte, int, bool) {
	s, rc, ok := src.load(a, cmd, file)
	if !ok {
		return s, nil, rc, false
	}
	a.redact = s.Redact
	in, rc, ok := a.readStdin(cmd)
	return s, in, rc, ok
}

func (a *app) readStdin(cmd string) ([]byte, int, bool) {
	b, err := io.ReadAll(io.LimitReader(a.stdin, maxStdin+1))
	if err != nil {
		return nil, a.fail(cmd, "reading stdin: "+err.Error()), false
	}
	if len(b) > maxStdin {
		return nil, a.fail(cmd, fmt.Sprintf("stdin is larger than %d bytes", maxStdin)), false
	}
	return b, 0, true
}

// parseFlagsOnly parses a command that takes flags and no positional
// arguments, refusing secret-like ones with the reason refusal gives. It
// returns done with the exit code when the command must stop.
func (a *app) parseFlagsOnly(cmd string, fs *flag.FlagSet, args []string, refusal func() string) (int, bool) {
	pos, rc, done := a.parseCommand(cmd, fs, args)
	if done {
		return rc, true
	}
	for _, p := range pos {
		if looksLikeTicket(p) {
			return a.fail(cmd, refusal()), true
		}
	}
	if len(pos) > 0 {
		return a.usageError(cmd, "unexpected argument "+quoteSafe(pos[0])), true
	}
	return 0, false
}

func (a *app) sign(args []string) int {
	const cmd = "sign"
	fs := newFlags(cmd)
	cardID := fs.String("card-id", "", "")
	code := fs.String("code", "", "")
	openid := fs.String("openid", "", "")
	ticketFile := fs.String("ticket-file", "", "")
	coupon := fs.Bool("coupon", false, "")
	merchant := fs.String("merchant", "", "")
	keyFile := fs.String("key-file", "", "")
	refusal := func() string {
		if *coupon {
			return refusePositionalKey()
		}
		return refusePositional()
	}
	if rc, done := a.parseFlagsOnly(cmd, fs, args, refusal); done {
		return rc
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *coupon {
		if set["card-id"] || set["code"] || set["openid"] || set["ticket-file"] {
			return a.usageError(cmd, "--card-id, --code, --openid and --ticket-file are for cards; with --coupon the coupons (stock_id, out_request_no, …) come on stdin")
		}
		return a.signCoupons(*merchant, *keyFile)
	}
	if set["merchant"] || set["key-file"] {
		return a.usageError(cmd, "--merchant and --key-file go with --coupon (a merchant-coupon batch)")
	}
	if *cardID == "" {
		return a.usageError(cmd, "--card-id is required")
	}
	t, in, rc, ok := ticketSource.loadThenRead(a, cmd, *ticketFile)
	if !ok {
		return rc
	}
	var ext sign.CardExt
	if len(bytes.TrimSpace(in)) > 0 {
		var err error
		if ext, err = sign.ParseCardExt(in); err != nil {
			return a.fail(cmd, "stdin: "+err.Error())
		}
	}
	for _, f := range []struct {
		name string
		flag string
		dst  *string
	}{{"code", *code, &ext.Code}, {"openid", *openid, &ext.OpenID}} {
		if f.flag == "" {
			continue
		}
		if *f.dst != "" && *f.dst != f.flag {
			return a.usageError(cmd, fmt.Sprintf("--%s differs from the %s on stdin", f.name, f.name))
		}
		*f.dst = f.flag
	}
	item, err := sign.Builder{Ticket: t, Now: a.now, Rand: a.rand}.Build(*cardID, ext)
	if err != nil {
		return a.fail(cmd, err.Error())
	}
	return a.printJSON(cmd, item)
}

// signCoupons is sign --coupon: the coupons on stdin, signed with the
// merchant key, printed as wx.addCard's options.
func (a *app) signCoupons(merchant, keyFile string) int {
	const cmd = "sign"
	if merchant == "" {
		return a.usageError(cmd, "--merchant MCHID (the issuing merchant, send_coupon_merchant) is required with --coupon")
	}
	k, in, rc, ok := keySource.loadThenRead(a, cmd, keyFile)
	if !ok {
		return rc
	}
	coupons, err := sign.ParseCouponList(in)
	if err != nil {
		return a.fail(cmd, "stdin: "+err.Error())
	}
	opts, err := sign.BuildCoupons(k, merchant, coupons)
	if err != nil {
		return a.fail(cmd, err.Error())
	}
	return a.printJSON(cmd, opts)
}

// printJSON writes v as one line of JSON, <, > and & as they are (as
// JSON.stringify writes them).
func (a *app) printJSON(cmd string, v any) int {
	out, err := encodeJSON(v)
	if err != nil {
		return a.fail(cmd, err.Error())
	}
	io.WriteString(a.stdout, a.safe(out))
	return exitOK
}

func encodeJSON(v any) (string, error) {
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return out.String(), err
}

// verifyInput is a cardList item, or wx.addCard options holding several.
type verifyInput struct {
	CardID   *string           `json:"cardId"`
	CardExt  json.RawMessage   `json:"cardExt"`
	CardList []json.RawMessage `json:"cardList"`
}

// verifyEntry is one cardList item read from verify's stdin.
type verifyEntry struct {
	label  string
	item   card.CardListItem
	note   string
	coupon bool // a merchant coupon, verified with the batch and the merchant key
}

// readVerifyInput reads verify's stdin into its items, or says why it
// cannot (a message for the user).
func readVerifyInput(in []byte, loc string) ([]verifyEntry, string) {
	var top verifyInput
	if err := json.Unmarshal(in, &top); err != nil {
		return nil, "stdin is not a JSON cardList item {\"cardId\",\"cardExt\"}: " + redactTicketLike(err.Error())
	}
	type raw struct {
		label string
		raw   verifyInput
	}
	var raws []raw
	if top.CardList != nil {
		for i, r := range top.CardList {
			var it verifyInput
			if err := json.Unmarshal(r, &it); err != nil {
				return nil, fmt.Sprintf("cardList[%d] is not an object {\"cardId\",\"cardExt\"}", i)
			}
			raws = append(raws, raw{fmt.Sprintf("cardList[%d]", i), it})
		}
		if len(raws) == 0 {
			return nil, "cardList is empty"
		}
	} else {
		if top.CardID == nil && top.CardExt == nil {
			return nil, "stdin is not a cardList item: it has neither cardId nor cardExt"
		}
		raws = []raw{{"item", top}}
	}
	entries := make([]verifyEntry, len(raws))
	for i, r := range raws {
		e := verifyEntry{label: r.label}
		if r.raw.CardID != nil {
			e.item.CardID = *r.raw.CardID
		}
		ext := bytes.TrimSpace(r.raw.CardExt)
		switch {
		case len(ext) > 0 && ext[0] == '"':
			if err := json.Unmarshal(ext, &e.item.CardExt); err != nil {
				return nil, r.label + ": cardExt is not a valid JSON string"
			}
		case len(ext) > 0 && ext[0] == '{':
			// The signature may be right, but wx.addCard needs cardExt as a
			// JSON string; iOS reports 签名错误 for an object.
			e.item.CardExt = string(ext)
			e.note = message(loc,
				"cardExt is an object; wx.addCard needs it as a JSON string (iOS reports 签名错误)",
				"cardExt 是对象；wx.addCard 要求它是 JSON 字符串（iOS 上会报 签名错误）")
		}
		e.coupon = sign.IsCouponItem(e.item)
		entries[i] = e
	}
	return entries, ""
}

// missingSecrets says which secrets the items need and were not given:
// the api_ticket for cards, the merchant key for merchant coupons.
func missingSecrets(noTicket, noKey, mixed bool) string {
	switch {
	case noTicket && noKey:
		return "no api_ticket and no merchant key: the cards are signed with the api_ticket and the merchant coupons (商家券) " +
			"with the merchant's API v2 key; set " + envTicket + " and " + envMerchantKey + ", or pass --ticket-file FILE and --key-file FILE"
	case noTicket && mixed:
		return "no api_ticket: the cards (not the merchant coupons) are signed with it; set " + envTicket + " or pass --ticket-file FILE"
	case noTicket:
		return "no api_ticket: set " + envTicket + " or pass --ticket-file FILE"
	case noKey:
		return "no merchant key: the merchant coupons (商家券) are signed with the merchant's API v2 key; set " +
			envMerchantKey + " or pass --key-file FILE"
	}
	return ""
}

func (a *app) verify(args []string) int {
	const cmd = "verify"
	fs := newFlags(cmd)
	ticketFile := fs.String("ticket-file", "", "")
	keyFile := fs.String("key-file", "", "")
	format := fs.String("format", "text", "")
	locale := fs.String("locale", "", "")
	if rc, done := a.parseFlagsOnly(cmd, fs, args, refusePositionalSecret); done {
		return rc
	}
	if *format != "text" && *format != "json" {
		return a.usageError(cmd, "--format must be text or json")
	}
	loc, err := a.resolveLocale(*locale)
	if err != nil {
		return a.usageError(cmd, err.Error())
	}
	in, rc, ok := a.readStdin(cmd)
	if !ok {
		return rc
	}
	// What the items are decides which secrets verify needs; nothing is
	// written before every secret it holds can be taken out of it.
	entries, bad := readVerifyInput(in, loc)
	needTicket, needKey := false, false
	if bad != "" {
		// Only to keep them out of the message.
		needTicket, needKey = ticketSource.given(a, *ticketFile), keySource.given(a, *keyFile)
	}
	for _, e := range entries {
		needTicket = needTicket || !e.coupon
		needKey = needKey || e.coupon
	}
	if msg := missingSecrets(needTicket && !ticketSource.given(a, *ticketFile), needKey && !keySource.given(a, *keyFile), needTicket && needKey); msg != "" {
		return a.usageError(cmd, msg)
	}
	var t sign.Ticket
	var k sign.MerchantKey
	if needTicket {
		if t, rc, ok = ticketSource.load(a, cmd, *ticketFile); !ok {
			return rc
		}
	}
	if needKey {
		if k, rc, ok = keySource.load(a, cmd, *keyFile); !ok {
			return rc
		}
	}
	a.redact = func(s string) string { return k.Redact(t.Redact(s)) }
	if bad != "" {
		return a.fail(cmd, bad)
	}

	type verdict struct {
		Item string `json:"item"`
		sign.Result
		Note string `json:"note,omitempty"`
	}
	var verdicts []verdict
	allOK := true
	add := func(v verdict) {
		allOK = allOK && v.OK && v.Note == ""
		verdicts = append(verdicts, v)
	}
	items := make([]card.CardListItem, len(entries))
	var couponLabels []string
	var couponNote string
	for i, e := range entries {
		items[i] = e.item
		if e.coupon {
			couponLabels = append(couponLabels, e.label)
			couponNote = cmp.Or(couponNote, e.note)
		}
	}
	for _, e := range entries {
		switch {
		case !e.coupon:
			add(verdict{Item: e.label, Result: sign.Verify(t, e.item), Note: e.note})
		case e.label == couponLabels[0]:
			// The batch as one, where its first coupon is.
			label := e.label
			if len(entries) > 1 {
				label = "coupons (" + strings.Join(couponLabels, ", ") + ")"
			}
			add(verdict{Item: label, Result: sign.VerifyCoupons(k, items), Note: couponNote})
		}
	}

	var out bytes.Buffer
	if *format == "json" {
		js, err := encodeJSON(verdicts)
		if err != nil {
			return a.fail(cmd, err.Error())
		}
		out.WriteString(js)
	} else {
		for _, v := range verdicts {
			msg := v.Message
			if loc == "zh-CN" {
				msg = v.MessageZH
			}
			status := "ok"
			if !v.OK {
				status = "mismatch"
			}
			fmt.Fprintf(&out, "%s: %s: %s\n", v.Item, status, msg)
			if len(v.Mistakes) > 0 {
				fmt.Fprintf(&out, "  %s: %s\n", message(loc, "reproduced by", "复现原因"), joinMistakes(v.Mistakes))
			}
			if len(v.Likely) > 0 {
				fmt.Fprintf(&out, "  %s: %s\n", message(loc, "likely", "可能原因"), joinMistakes(v.Likely))
			}
			if len(v.Used) > 0 {
				fmt.Fprintf(&out, "  %s: %s\n", message(loc, "wrong signature took", "错误签名使用的值"), joinValues(v.Used))
			}
			if v.Note != "" {
				fmt.Fprintf(&out, "  %s\n", v.Note)
			}
		}
	}
	// The values a verdict explains may be a secret itself (a cardExt
	// that holds it): no secret leaves in them.
	io.WriteString(a.stdout, a.safe(out.String()))
	if !allOK {
		return exitFail
	}
	return exitOK
}

func joinMistakes(ms []sign.Mistake) string {
	s := make([]string, len(ms))
	for i, m := range ms {
		s[i] = string(m)
	}
	return strings.Join(s, ", ")
}

func joinValues(vs []sign.Value) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		if v.Name == "api_ticket" || v.Name == "key" {
			s[i] = v.Name // the secret, redacted
			continue
		}
		s[i] = fmt.Sprintf("%s=%q", v.Name, v.Value)
	}
	return strings.Join(s, ", ")
}

func message(locale, en, zh string) string {
	if locale == "zh-CN" {
		return zh
	}
	return en
}

// resolveLocale validates --locale or derives it from LANG (zh* → zh-CN).
func (a *app) resolveLocale(flagValue string) (string, error) {
	switch flagValue {
	case "en", "zh-CN":
		return flagValue, nil
	case "":
		return card.LocaleFromLang(a.getenv("LANG")), nil
	}
	return "", errors.New("--locale must be en or zh-CN")
}
