package sign

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"unicode"
)

// The machinery every server secret of this package shares (the card
// api_ticket, the merchant's API v2 key): how it is loaded, refused, kept
// out of every formatting path and redacted from text.

// kind describes one sort of secret.
type kind struct {
	redacted string // what it prints as
	goName   string // its type's name, for %#v
	file     string // how a message names its file: "ticket file"
	empty    error  // the error for an empty value
	maxFile  int64  // the largest file read for it
	// form checks a value once trimmed and found to be one word; nil: any.
	// Its error never quotes the value.
	form func(v string) error
}

// kindOf is implemented by the empty types that name a kind, so that the
// zero value of a secret type still knows what it prints as.
type kindOf interface{ kind() *kind }

// secret holds the value in a closure: fmt prints a secret kept in an
// unexported struct field by reflection, bypassing the methods below, and
// reflection shows a func only as an address.
type secret struct{ get func() string }

// secretValue is what Ticket and MerchantKey embed. The zero value is
// empty and signs nothing.
type secretValue[K kindOf] struct{ s *secret }

func kindInfo[K kindOf]() *kind {
	var k K
	return k.kind()
}

// newSecret trims surrounding white space and refuses a value that is
// empty, spans lines, holds white space inside or fails the kind's form.
func newSecret[K kindOf](v string) (secretValue[K], error) {
	k := kindInfo[K]()
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return secretValue[K]{}, k.empty
	case strings.ContainsAny(v, "\r\n"):
		// A secret is one line, and a value of two is a mistake.
		return secretValue[K]{}, errors.New("more than one line")
	case strings.IndexFunc(v, unicode.IsSpace) >= 0:
		return secretValue[K]{}, errors.New("white space inside the value")
	}
	if k.form != nil {
		if err := k.form(v); err != nil {
			return secretValue[K]{}, err
		}
	}
	return secretValue[K]{s: &secret{get: func() string { return v }}}, nil
}

// secretFromEnv reads the secret from the environment variable name through
// getenv (os.Getenv when nil).
func secretFromEnv[K kindOf](getenv func(string) string, name string) (secretValue[K], error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	s, err := newSecret[K](getenv(name))
	if err != nil {
		return secretValue[K]{}, fmt.Errorf("environment variable %s: %w", name, err)
	}
	return s, nil
}

// secretFromFile reads the secret from a regular file holding only it (a
// trailing newline and surrounding white space are ignored). It looks at
// the file's kind and size before it opens it: a FIFO would block, a
// device or a huge file would not end. Errors name neither the file nor
// its content: a secret passed where the path belongs must not come back
// in an error message.
func secretFromFile[K kindOf](path string) (secretValue[K], error) {
	k := kindInfo[K]()
	fail := func(err error) (secretValue[K], error) {
		return secretValue[K]{}, fmt.Errorf("%s: %w", k.file, err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return fail(withoutPath(err))
	}
	if err := regularFile(info, k.maxFile); err != nil {
		return fail(err)
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(withoutPath(err))
	}
	defer f.Close()
	// The file opened is the one looked at, not one put in its place since.
	if now, err := f.Stat(); err != nil || !os.SameFile(info, now) {
		return fail(errors.New("changed while being read"))
	}
	b, err := io.ReadAll(io.LimitReader(f, k.maxFile+1))
	if err != nil {
		return fail(withoutPath(err))
	}
	if int64(len(b)) > k.maxFile {
		return fail(fmt.Errorf("larger than %d bytes, not a secret", k.maxFile))
	}
	s, err := newSecret[K](string(b))
	if err != nil {
		return fail(err)
	}
	return s, nil
}

// regularFile refuses what a secret file cannot be, by its kind and size.
func regularFile(info fs.FileInfo, max int64) error {
	m := info.Mode()
	switch {
	case m.IsDir():
		return errors.New("is a directory, not a file")
	case m&fs.ModeNamedPipe != 0:
		return errors.New("is a named pipe (FIFO), not a file")
	case m&fs.ModeSocket != 0:
		return errors.New("is a socket, not a file")
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return errors.New("is a device, not a file")
	case !m.IsRegular():
		return errors.New("is not a regular file")
	case info.Size() > max:
		return fmt.Errorf("larger than %d bytes, not a secret", max)
	}
	return nil
}

// withoutPath drops the path an *fs.PathError carries.
func withoutPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// In reports whether s contains the secret, so that callers can refuse to
// send or print a value that holds it.
func (t secretValue[K]) In(s string) bool {
	return !t.IsZero() && strings.Contains(s, t.value())
}

// redactWindow is how long a piece of the secret must be to be redacted
// where it appears in text: long enough that no other value matches it by
// chance, short enough that a cut excerpt of the secret is still caught.
const redactWindow = 12

// Redact returns s with every run of ticket characters ([A-Za-z0-9_-]) that
// shares redactWindow bytes with the secret replaced by the redaction: the
// whole secret, and any excerpt of it a message may quote.
func (t secretValue[K]) Redact(s string) string {
	if t.IsZero() {
		return s
	}
	v, redacted := t.value(), kindInfo[K]().redacted
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if !isTicketByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isTicketByte(s[j]) {
			j++
		}
		if sharesWindow(s[i:j], v) {
			b.WriteString(s[last:i])
			b.WriteString(redacted)
			last = j
		}
		i = j
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

func isTicketByte(c byte) bool {
	return isAlnumByte(c) || c == '_' || c == '-'
}

// sharesWindow tells whether run and v have a common substring of
// redactWindow bytes (or run is all of a shorter v).
func sharesWindow(run, v string) bool {
	if len(v) < redactWindow {
		return strings.Contains(run, v)
	}
	for k := 0; k+redactWindow <= len(run); k++ {
		if strings.Contains(v, run[k:k+redactWindow]) {
			return true
		}
	}
	return false
}

// IsZero reports whether the secret is empty.
func (t secretValue[K]) IsZero() bool { return t.s == nil }

// value is the secret itself; only this package's signing code reads it.
func (t secretValue[K]) value() string {
	if t.s == nil {
		return ""
	}
	return t.s.get()
}

// String implements fmt.Stringer; it never returns the secret.
func (t secretValue[K]) String() string { return kindInfo[K]().redacted }

// GoString implements fmt.GoStringer; it never returns the secret.
func (t secretValue[K]) GoString() string {
	k := kindInfo[K]()
	return k.goName + "{" + k.redacted + "}"
}

// Format implements fmt.Formatter so that every verb (%v, %+v, %#v, %s, %q,
// %x, …) prints the redaction, never the secret.
func (t secretValue[K]) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('#'):
		io.WriteString(f, t.GoString())
	case verb == 'q':
		io.WriteString(f, strconv.Quote(t.String()))
	default:
		io.WriteString(f, t.String())
	}
}

// MarshalJSON implements json.Marshaler; it never returns the secret.
func (t secretValue[K]) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(t.String())), nil }

// MarshalText implements encoding.TextMarshaler; it never returns the secret.
func (t secretValue[K]) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// LogValue implements slog.LogValuer; it never returns the secret.
func (t secretValue[K]) LogValue() slog.Value { return slog.StringValue(t.String()) }
