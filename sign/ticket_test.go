package sign

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type holder[T any] struct {
	Exported   T
	unexported T
	Ptr        *T
}

// printings formats a secret, and structs, slices and maps holding it,
// every way fmt, encoding/json, log and slog can.
func printings[T comparable](t *testing.T, v T) []string {
	t.Helper()
	h := holder[T]{Exported: v, unexported: v, Ptr: &v}
	var out []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d", "%10s", "%-30v", "%T"} {
		out = append(out, fmt.Sprintf(verb, v), fmt.Sprintf(verb, &v), fmt.Sprintf(verb, h), fmt.Sprintf(verb, &h), fmt.Sprintf(verb, []T{v}), fmt.Sprintf(verb, map[string]T{"t": v}))
	}
	out = append(out, fmt.Sprint(v), fmt.Sprintln(v, h))
	if s, ok := any(v).(interface{ GoString() string }); ok {
		out = append(out, s.GoString(), any(v).(fmt.Stringer).String())
	}

	js, err := json.Marshal(map[string]any{"t": v, "h": h, "p": &v})
	require.NoError(t, err)
	out = append(out, string(js))
	txt, err := any(v).(interface{ MarshalText() ([]byte, error) }).MarshalText()
	require.NoError(t, err)
	out = append(out, string(txt))
	jsKey, err := json.Marshal(map[T]int{v: 1}) // TextMarshaler keys
	require.NoError(t, err)
	out = append(out, string(jsKey))

	var logBuf bytes.Buffer
	lg := log.New(&logBuf, "", 0)
	a := any(v)
	lg.Printf("%v %+v %#v %s %q", a, a, a, a, a)
	lg.Print(v, h)
	lg.Println(&v)
	out = append(out, logBuf.String())

	for _, handler := range []func(*bytes.Buffer) slog.Handler{
		func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) },
		func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) },
	} {
		var b bytes.Buffer
		l := slog.New(handler(&b))
		l.Info("secret", "t", v, "p", &v, "h", h, slog.Any("any", v), slog.Group("g", "t", v))
		l.With("t", v).Error("with")
		out = append(out, b.String())
	}
	return out
}

func TestSecretsNeverPrint(t *testing.T) {
	tests := []struct {
		name, value, redacted, goName string
		printings                     func(t *testing.T) []string
	}{
		{"ticket", officialTicket, Redacted, "sign.Ticket",
			func(t *testing.T) []string { return printings(t, mustTicket(t, officialTicket)) }},
		{"merchant key", testKey, RedactedKey, "sign.MerchantKey",
			func(t *testing.T) []string { return printings(t, mustKey(t, testKey)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := tt.printings(t)
			for _, s := range out {
				assert.NotContains(t, s, tt.value)
				assert.NotContains(t, s, tt.value[:12])
			}
			joined := strings.Join(out, "\n")
			assert.Contains(t, joined, `"`+tt.redacted+`"`)
			assert.Contains(t, joined, tt.goName+"{"+tt.redacted+"}")
		})
	}
	tk := mustTicket(t, officialTicket)
	assert.Equal(t, Redacted, fmt.Sprint(tk))
	assert.Equal(t, `"`+Redacted+`"`, fmt.Sprintf("%q", tk))
	assert.Equal(t, "sign.Ticket{"+Redacted+"}", fmt.Sprintf("%#v", tk))
	k := mustKey(t, testKey)
	assert.Equal(t, RedactedKey, fmt.Sprint(k))
	assert.Equal(t, `"`+RedactedKey+`"`, fmt.Sprintf("%q", k))
	assert.Equal(t, "sign.MerchantKey{"+RedactedKey+"}", fmt.Sprintf("%#v", k))
	assert.Equal(t, RedactedKey, fmt.Sprint(MerchantKey{}))
}

func TestTicketSources(t *testing.T) {
	dir := t.TempDir()
	write := fileWriter(t, dir)
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
