package sign

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type holder struct {
	Exported   Ticket
	unexported Ticket
	Ptr        *Ticket
}

func TestTicketNeverPrints(t *testing.T) {
	tk := mustTicket(t, officialTicket)
	h := holder{Exported: tk, unexported: tk, Ptr: &tk}
	var out []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10s", "%-30v", "%T"} {
		out = append(out, fmt.Sprintf(verb, tk), fmt.Sprintf(verb, &tk), fmt.Sprintf(verb, h), fmt.Sprintf(verb, &h), fmt.Sprintf(verb, []Ticket{tk}), fmt.Sprintf(verb, map[string]Ticket{"t": tk}))
	}
	out = append(out, fmt.Sprint(tk), fmt.Sprintln(tk, h), tk.String(), tk.GoString())

	js, err := json.Marshal(map[string]any{"t": tk, "h": h, "p": &tk})
	require.NoError(t, err)
	out = append(out, string(js))
	txt, err := tk.MarshalText()
	require.NoError(t, err)
	out = append(out, string(txt))
	jsKey, err := json.Marshal(map[Ticket]int{tk: 1}) // TextMarshaler keys
	require.NoError(t, err)
	out = append(out, string(jsKey))

	var logBuf bytes.Buffer
	lg := log.New(&logBuf, "", 0)
	lg.Printf("%v %+v %#v %s %q", tk, tk, tk, tk, tk)
	lg.Print(tk, h)
	lg.Println(&tk)
	out = append(out, logBuf.String())

	for _, handler := range []func(*bytes.Buffer) slog.Handler{
		func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var b bytes.Buffer
		l := slog.New(handler(&b))
		l.Info("ticket", "t", tk, "p", &tk, "h", h, slog.Any("any", tk), slog.Group("g", "t", tk))
		l.With("t", tk).Error("with")
		out = append(out, b.String())
	}

	for _, s := range out {
		assert.NotContains(t, s, officialTicket)
		assert.NotContains(t, s, officialTicket[:12])
	}
	assert.Equal(t, Redacted, fmt.Sprint(tk))
	assert.Equal(t, `"`+Redacted+`"`, fmt.Sprintf("%q", tk))
	assert.Equal(t, "sign.Ticket{"+Redacted+"}", fmt.Sprintf("%#v", tk))
	assert.Contains(t, string(js), Redacted)
}

func TestTicketSources(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
		return p
	}
	good := write("good", "  "+officialTicket+"\n")
	crlf := write("crlf", officialTicket+"\r\n")
	empty := write("empty", " \n\t\n")
	twoLines := write("two", officialTicket+"\nsecond\n")

	tests := []struct {
		name    string
		load    func() (Ticket, error)
		wantErr string
	}{
		{"file", func() (Ticket, error) { return TicketFromFile(good) }, ""},
		{"file with CRLF", func() (Ticket, error) { return TicketFromFile(crlf) }, ""},
		{"empty file", func() (Ticket, error) { return TicketFromFile(empty) }, "empty"},
		{"two lines", func() (Ticket, error) { return TicketFromFile(twoLines) }, "more than one line"},
		{"missing file", func() (Ticket, error) { return TicketFromFile(filepath.Join(dir, "nope")) }, "no such file"},
		{"env", func() (Ticket, error) {
			return TicketFromEnv(func(string) string { return officialTicket + "\n" }, EnvTicket)
		}, ""},
		{"empty env", func() (Ticket, error) {
			return TicketFromEnv(func(string) string { return "  " }, EnvTicket)
		}, EnvTicket},
		{"value", func() (Ticket, error) { return NewTicket(officialTicket) }, ""},
		{"empty value", func() (Ticket, error) { return NewTicket("") }, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tk, err := tt.load()
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.NotContains(t, err.Error(), officialTicket)
				assert.NotContains(t, err.Error(), dir, "errors never name the path")
				assert.True(t, tk.IsZero())
				return
			}
			require.NoError(t, err)
			assert.False(t, tk.IsZero())
			assert.Equal(t, officialSignature, Sign(tk, officialParams()))
		})
	}
}

func TestZeroTicket(t *testing.T) {
	var tk Ticket
	assert.True(t, tk.IsZero())
	assert.Equal(t, Redacted, fmt.Sprint(tk))
	_, err := Builder{}.Build(officialCardID, CardExt{})
	assert.ErrorIs(t, err, ErrEmptyTicket)
}

func TestRedactTakesOutTheTicketAndItsExcerpts(t *testing.T) {
	const v = "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg"
	tk, err := NewTicket(v)
	require.NoError(t, err)
	for in, want := range map[string]string{
		"api_ticket=" + v + "&x=1":                   "api_ticket=" + Redacted + "&x=1",
		`unknown key "` + v[:40] + `…"`:              `unknown key "` + Redacted + `…"`,
		"values: " + v[30:50] + ", nonce_str=n1":     "values: " + Redacted + ", nonce_str=n1",
		"nothing here: pFS7Fjg8kV1IdDz01r4SQwMkuCKc": "nothing here: pFS7Fjg8kV1IdDz01r4SQwMkuCKc",
		"a short piece " + v[:11] + " stays":         "a short piece " + v[:11] + " stays",
	} {
		assert.Equal(t, want, tk.Redact(in), in)
	}
	assert.Equal(t, "x", Ticket{}.Redact("x"))
}

func TestTicketFromEnvRefusesTwoLines(t *testing.T) {
	_, err := TicketFromEnv(func(string) string { return "abc\ndef" }, "WXCARD_API_TICKET")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "more than one line")
	assert.NotContains(t, err.Error(), "abc")
	tk, err := TicketFromEnv(func(string) string { return " abcdef\n" }, "WXCARD_API_TICKET")
	require.NoError(t, err, "a trailing newline is fine")
	assert.False(t, tk.IsZero())
}
