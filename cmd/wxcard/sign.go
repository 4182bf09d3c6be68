package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/wxcard/wxcard/sign"
	"github.com/wxcard/wxcard/wasm/card"
)

const envTicket = sign.EnvTicket

// maxStdin bounds what sign and verify read: a cardList is small.
const maxStdin = 1 << 20

// loadTicket reads the ticket from --ticket-file when given, else from the
// environment. Messages never contain the ticket or a path that might be one.
func (a *app) loadTicket(cmd, file string) (sign.Ticket, int, bool) {
	if file != "" {
		t, err := sign.TicketFromFile(file)
		if err != nil {
			name := quoteSafe(file)
			return sign.Ticket{}, a.fail(cmd, fmt.Sprintf("--ticket-file %s: %v", name, err)), false
		}
		return t, 0, true
	}
	if strings.TrimSpace(a.getenv(envTicket)) == "" {
		return sign.Ticket{}, a.usageError(cmd, "no api_ticket: set "+envTicket+" or pass --ticket-file FILE"), false
	}
	t, err := sign.TicketFromEnv(a.getenv, envTicket)
	if err != nil {
		return sign.Ticket{}, a.fail(cmd, err.Error()), false
	}
	return t, 0, true
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
// arguments, refusing ticket-like ones with the reason. It returns done with
// the exit code when the command must stop.
func (a *app) parseFlagsOnly(cmd string, fs *flag.FlagSet, args []string) (int, bool) {
	pos, rc, done := a.parseCommand(cmd, fs, args)
	if done {
		return rc, true
	}
	for _, p := range pos {
		if looksLikeTicket(p) {
			return a.fail(cmd, refusePositional()), true
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
	if rc, done := a.parseFlagsOnly(cmd, fs, args); done {
		return rc
	}
	if *cardID == "" {
		return a.usageError(cmd, "--card-id is required")
	}
	// The ticket first, so that nothing written after it (an echo of stdin
	// in an error, above all) can carry it.
	t, rc, ok := a.loadTicket(cmd, *ticketFile)
	if !ok {
		return rc
	}
	a.redact = t.Redact
	in, rc, ok := a.readStdin(cmd)
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
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(item); err != nil {
		return a.fail(cmd, err.Error())
	}
	io.WriteString(a.stdout, a.safe(out.String()))
	return exitOK
}

// verifyInput is a cardList item, or wx.addCard options holding several.
type verifyInput struct {
	CardID   *string           `json:"cardId"`
	CardExt  json.RawMessage   `json:"cardExt"`
	CardList []json.RawMessage `json:"cardList"`
}

func (a *app) verify(args []string) int {
	const cmd = "verify"
	fs := newFlags(cmd)
	ticketFile := fs.String("ticket-file", "", "")
	format := fs.String("format", "text", "")
	locale := fs.String("locale", "", "")
	if rc, done := a.parseFlagsOnly(cmd, fs, args); done {
		return rc
	}
	if *format != "text" && *format != "json" {
		return a.usageError(cmd, "--format must be text or json")
	}
	loc, err := a.resolveLocale(*locale)
	if err != nil {
		return a.usageError(cmd, err.Error())
	}
	t, rc, ok := a.loadTicket(cmd, *ticketFile)
	if !ok {
		return rc
	}
	a.redact = t.Redact
	in, rc, ok := a.readStdin(cmd)
	if !ok {
		return rc
	}
	var top verifyInput
	if err := json.Unmarshal(in, &top); err != nil {
		return a.fail(cmd, "stdin is not a JSON cardList item {\"cardId\",\"cardExt\"}: "+redactTicketLike(err.Error()))
	}
	type entry struct {
		label string
		raw   verifyInput
	}
	var entries []entry
	if top.CardList != nil {
		for i, raw := range top.CardList {
			var it verifyInput
			if err := json.Unmarshal(raw, &it); err != nil {
				return a.fail(cmd, fmt.Sprintf("cardList[%d] is not an object {\"cardId\",\"cardExt\"}", i))
			}
			entries = append(entries, entry{fmt.Sprintf("cardList[%d]", i), it})
		}
		if len(entries) == 0 {
			return a.fail(cmd, "cardList is empty")
		}
	} else {
		if top.CardID == nil && top.CardExt == nil {
			return a.fail(cmd, "stdin is not a cardList item: it has neither cardId nor cardExt")
		}
		entries = []entry{{"item", top}}
	}

	type verdict struct {
		Item string `json:"item"`
		sign.Result
		Note string `json:"note,omitempty"`
	}
	var verdicts []verdict
	allOK := true
	for _, e := range entries {
		item := card.CardListItem{}
		if e.raw.CardID != nil {
			item.CardID = *e.raw.CardID
		}
		var note string
		ext := bytes.TrimSpace(e.raw.CardExt)
		switch {
		case len(ext) > 0 && ext[0] == '"':
			if err := json.Unmarshal(ext, &item.CardExt); err != nil {
				return a.fail(cmd, e.label+": cardExt is not a valid JSON string")
			}
		case len(ext) > 0 && ext[0] == '{':
			// The signature may be right, but wx.addCard needs cardExt as a
			// JSON string; iOS reports 签名错误 for an object.
			item.CardExt = string(ext)
			note = message(loc,
				"cardExt is an object; wx.addCard needs it as a JSON string (iOS reports 签名错误)",
				"cardExt 是对象；wx.addCard 要求它是 JSON 字符串（iOS 上会报 签名错误）")
		}
		r := sign.Verify(t, item)
		if !r.OK || note != "" {
			allOK = false
		}
		verdicts = append(verdicts, verdict{Item: e.label, Result: r, Note: note})
	}

	var out bytes.Buffer
	if *format == "json" {
		enc := json.NewEncoder(&out)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(verdicts); err != nil {
			return a.fail(cmd, err.Error())
		}
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
	// The values a verdict explains may be the ticket itself (a cardExt
	// that holds it): the ticket never leaves in them.
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
		if v.Name == "api_ticket" {
			s[i] = v.Name
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
		if strings.HasPrefix(strings.ToLower(a.getenv("LANG")), "zh") {
			return "zh-CN", nil
		}
		return "en", nil
	}
	return "", errors.New("--locale must be en or zh-CN")
}
