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
)

// Redacted is what a Ticket prints as, whatever the formatting path.
const Redacted = "[redacted api_ticket]"

// EnvTicket is the environment variable the CLI reads the api_ticket from.
const EnvTicket = "WXCARD_API_TICKET"

// ErrEmptyTicket is returned when a ticket source holds nothing but space.
var ErrEmptyTicket = errors.New("api_ticket is empty")

// Ticket is the card api_ticket. Its value is held by a closure: fmt prints
// a Ticket kept in an unexported struct field by reflection, bypassing the
// methods below, and reflection shows a func only as an address.
// The zero Ticket is empty and signs nothing.
type Ticket struct {
	s *secret
}

type secret struct{ get func() string }

// NewTicket wraps a ticket value, trimming surrounding white space.
func NewTicket(v string) (Ticket, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return Ticket{}, ErrEmptyTicket
	}
	return Ticket{s: &secret{get: func() string { return v }}}, nil
}

// TicketFromEnv reads the ticket from the environment variable name through
// getenv (os.Getenv when nil).
func TicketFromEnv(getenv func(string) string, name string) (Ticket, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	v := strings.TrimSpace(getenv(name))
	if strings.ContainsAny(v, "\r\n") {
		// As for a ticket file: a ticket is one line, and a value of two is a mistake.
		return Ticket{}, fmt.Errorf("environment variable %s: more than one line", name)
	}
	t, err := NewTicket(v)
	if err != nil {
		return Ticket{}, fmt.Errorf("environment variable %s: %w", name, err)
	}
	return t, nil
}

// maxTicketFile bounds what TicketFromFile reads: a ticket is ~90 bytes.
const maxTicketFile = 64 << 10

// TicketFromFile reads the ticket from a file holding only the ticket
// (a trailing newline and surrounding white space are ignored). Errors name
// neither the file nor its content.
func TicketFromFile(path string) (Ticket, error) {
	// Errors never name the path: a ticket passed where the path belongs
	// must not come back in an error message.
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return Ticket{}, fmt.Errorf("ticket file: %w", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxTicketFile+1))
	if err != nil {
		// A directory fails here, as "read PATH: is a directory": drop the path.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return Ticket{}, fmt.Errorf("ticket file: %w", err)
	}
	if len(b) > maxTicketFile {
		return Ticket{}, fmt.Errorf("ticket file: larger than %d bytes, not a ticket", maxTicketFile)
	}
	v := strings.TrimSpace(string(b))
	if strings.ContainsAny(v, "\r\n") {
		return Ticket{}, errors.New("ticket file: more than one line")
	}
	t, err := NewTicket(v)
	if err != nil {
		return Ticket{}, fmt.Errorf("ticket file: %w", err)
	}
	return t, nil
}

// In reports whether s contains the ticket, so that callers can refuse to
// send or print a value that holds it.
func (t Ticket) In(s string) bool {
	return !t.IsZero() && strings.Contains(s, t.value())
}

// redactWindow is how long a piece of the ticket must be to be redacted
// where it appears in text: long enough that no other value matches it by
// chance, short enough that a cut excerpt of the ticket is still caught.
const redactWindow = 12

// Redact returns s with every run of ticket characters ([A-Za-z0-9_-]) that
// shares redactWindow bytes with the ticket replaced by [redacted]: the
// whole ticket, and any excerpt of it a message may quote.
func (t Ticket) Redact(s string) string {
	if t.IsZero() {
		return s
	}
	v := t.value()
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
			b.WriteString(Redacted)
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
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
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

// IsZero reports whether the ticket is empty.
func (t Ticket) IsZero() bool { return t.s == nil }

// value is the secret itself; only this package's signing code reads it.
func (t Ticket) value() string {
	if t.s == nil {
		return ""
	}
	return t.s.get()
}

// String implements fmt.Stringer; it never returns the ticket.
func (t Ticket) String() string { return Redacted }

// GoString implements fmt.GoStringer; it never returns the ticket.
func (t Ticket) GoString() string { return "sign.Ticket{" + Redacted + "}" }

// Format implements fmt.Formatter so that every verb (%v, %+v, %#v, %s, %q,
// %x, …) prints the redaction, never the ticket.
func (t Ticket) Format(f fmt.State, verb rune) {
	switch verb {
	case 'v':
		if f.Flag('#') {
			io.WriteString(f, t.GoString())
			return
		}
		io.WriteString(f, Redacted)
	case 'q':
		io.WriteString(f, strconv.Quote(Redacted))
	default:
		io.WriteString(f, Redacted)
	}
}

// MarshalJSON implements json.Marshaler; it never returns the ticket.
func (t Ticket) MarshalJSON() ([]byte, error) { return []byte(strconv.Quote(Redacted)), nil }

// MarshalText implements encoding.TextMarshaler; it never returns the ticket.
func (t Ticket) MarshalText() ([]byte, error) { return []byte(Redacted), nil }

// LogValue implements slog.LogValuer; it never returns the ticket.
func (t Ticket) LogValue() slog.Value { return slog.StringValue(Redacted) }
