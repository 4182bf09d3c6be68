package sign

import (
	"errors"
	"fmt"

	"github.com/wxcard/wxcard/wasm/card"
)

// RedactedKey is what a MerchantKey prints as, whatever the formatting path.
const RedactedKey = "[redacted merchant key]"

// EnvMerchantKey is the environment variable the CLI reads the merchant's
// API v2 key from.
const EnvMerchantKey = card.EnvMerchantKey

// ErrEmptyMerchantKey is returned when a key source holds nothing but space.
var ErrEmptyMerchantKey = errors.New("merchant key is empty")

// MerchantKeyLen is the length of a WeChat Pay API v2 key (API密钥): 32
// ASCII letters and digits, set by the merchant in 商户平台 → 账户中心 →
// API安全.
const MerchantKeyLen = 32

// MerchantKey is a WeChat Pay merchant's API v2 key, the secret merchant
// coupons (商家券) sent through wx.addCard are signed with. It is handled
// exactly like a Ticket: it never prints (String, GoString, Format, JSON,
// text and slog all give RedactedKey), it loads from an environment
// variable or a file, never from an argument, and errors never show it.
// The zero MerchantKey is empty and signs nothing.
type MerchantKey struct {
	secretValue[merchantKeyKind]
}

type merchantKeyKind struct{}

var merchantKeyInfo = kind{
	redacted: RedactedKey,
	goName:   "sign.MerchantKey",
	file:     "key file",
	empty:    ErrEmptyMerchantKey,
	maxFile:  1 << 10, // a key is 32 bytes and a newline
	form:     merchantKeyForm,
}

func (merchantKeyKind) kind() *kind { return &merchantKeyInfo }

// merchantKeyForm refuses what cannot be an API v2 key. It says how long
// the value is, never what it holds.
func merchantKeyForm(v string) error {
	switch {
	case !isAlnum(v):
		return fmt.Errorf("not an API v2 key: a key is %d ASCII letters and digits, and this value holds other characters", MerchantKeyLen)
	case len(v) != MerchantKeyLen:
		return fmt.Errorf("not an API v2 key: a key is %d letters and digits, and this value has %d", MerchantKeyLen, len(v))
	}
	return nil
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnumByte(s[i]) {
			return false
		}
	}
	return true
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// NewMerchantKey wraps a key value, trimming surrounding white space. A
// value that is not 32 ASCII letters and digits is refused.
func NewMerchantKey(v string) (MerchantKey, error) {
	s, err := newSecret[merchantKeyKind](v)
	return MerchantKey{s}, err
}

// MerchantKeyFromEnv reads the key from the environment variable name
// (EnvMerchantKey for the CLI) through getenv (os.Getenv when nil). Errors
// name the variable, never the value.
func MerchantKeyFromEnv(getenv func(string) string, name string) (MerchantKey, error) {
	s, err := secretFromEnv[merchantKeyKind](getenv, name)
	return MerchantKey{s}, err
}

// MerchantKeyFromFile reads the key from a regular file holding only the
// key (a trailing newline and surrounding white space are ignored); a
// directory, FIFO, device or a file over 1 KiB is refused unread. Errors
// name neither the file nor its content.
func MerchantKeyFromFile(path string) (MerchantKey, error) {
	s, err := secretFromFile[merchantKeyKind](path)
	return MerchantKey{s}, err
}
