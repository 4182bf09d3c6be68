package sign

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMerchantKeySources(t *testing.T) {
	dir := t.TempDir()
	write := fileWriter(t, dir)
	good := write("good", "  "+testKey+"\n")
	crlf := write("crlf", testKey+"\r\n")
	empty := write("empty", " \n\t\n")
	twoLines := write("two", testKey+"\n"+testKey+"\n")
	spaced := write("spaced", testKey[:16]+" "+testKey[16:])
	short := write("short", testKey[:31])
	v3 := write("v3", testKey[:30]+"+/")
	env := func(v string) func() (MerchantKey, error) {
		return func() (MerchantKey, error) {
			return MerchantKeyFromEnv(func(string) string { return v }, EnvMerchantKey)
		}
	}

	tests := []struct {
		name    string
		load    func() (MerchantKey, error)
		wantErr string
	}{
		{"file", func() (MerchantKey, error) { return MerchantKeyFromFile(good) }, ""},
		{"file with CRLF", func() (MerchantKey, error) { return MerchantKeyFromFile(crlf) }, ""},
		{"empty file", func() (MerchantKey, error) { return MerchantKeyFromFile(empty) }, "key file: merchant key is empty"},
		{"two lines", func() (MerchantKey, error) { return MerchantKeyFromFile(twoLines) }, "key file: more than one line"},
		{"white space inside", func() (MerchantKey, error) { return MerchantKeyFromFile(spaced) }, "key file: white space inside the value"},
		{"31 characters", func() (MerchantKey, error) { return MerchantKeyFromFile(short) }, "key file: not an API v2 key: a key is 32 letters and digits, and this value has 31"},
		{"other characters", func() (MerchantKey, error) { return MerchantKeyFromFile(v3) }, "holds other characters"},
		{"missing file", func() (MerchantKey, error) { return MerchantKeyFromFile(filepath.Join(dir, testKey)) }, "key file: no such file"},
		{"env", env(testKey + "\n"), ""},
		{"env with a newline inside", env(testKey[:10] + "\n" + testKey[10:]), "environment variable WXCARD_MCH_KEY: more than one line"},
		{"env with a tab inside", env(testKey[:10] + "\t" + testKey[10:]), "white space inside"},
		{"empty env", env("  "), "environment variable WXCARD_MCH_KEY: merchant key is empty"},
		{"value", func() (MerchantKey, error) { return NewMerchantKey(testKey) }, ""},
		{"empty value", func() (MerchantKey, error) { return NewMerchantKey("") }, "merchant key is empty"},
		{"an api_ticket", func() (MerchantKey, error) { return NewMerchantKey(officialTicket) }, "not an API v2 key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := tt.load()
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				for i := 0; i+redactWindow <= len(testKey); i++ {
					assert.NotContains(t, err.Error(), testKey[i:i+redactWindow])
				}
				assert.NotContains(t, err.Error(), dir, "errors never name the path")
				assert.True(t, k.IsZero())
				return
			}
			require.NoError(t, err)
			assert.False(t, k.IsZero())
			assert.Equal(t, "5452AF698616A2E3B2C929CE76DA60E9BE3AB0EEEBA562962ADAB310061EC090", SignCoupons(k, testMerchant, oneCoupon))
		})
	}
	_, err := NewMerchantKey("")
	assert.ErrorIs(t, err, ErrEmptyMerchantKey)
}

// fileWriter returns a function that writes a file in dir and returns its path.
func fileWriter(t *testing.T, dir string) func(name, content string) string {
	return func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
		return p
	}
}

func TestRedactTakesOutTheKey(t *testing.T) {
	k := mustKey(t, testKey)
	for in, want := range map[string]string{
		"key=" + testKey + "&x=1":       "key=" + RedactedKey + "&x=1",
		`"` + testKey[5:25] + `"`:       `"` + RedactedKey + `"`,
		"stock_id0=1234567890123":       "stock_id0=1234567890123",
		"short " + testKey[:11] + " ok": "short " + testKey[:11] + " ok",
	} {
		assert.Equal(t, want, k.Redact(in), in)
	}
	assert.True(t, k.In("x"+testKey+"y"))
	assert.False(t, k.In(testKey[1:]))
	assert.False(t, MerchantKey{}.In(""))
	assert.Equal(t, "x", MerchantKey{}.Redact("x"))
}
