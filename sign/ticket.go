package sign

import (
	"errors"

	"github.com/wxcard/wxcard/wasm/card"
)

// Redacted is what a Ticket prints as, whatever the formatting path.
const Redacted = "[redacted api_ticket]"

// EnvTicket is the environment variable the CLI reads the api_ticket from.
const EnvTicket = card.EnvTicket

// ErrEmptyTicket is returned when a ticket source holds nothing but space.
var ErrEmptyTicket = errors.New("api_ticket is empty")

// Ticket is the card api_ticket. It never prints: String, GoString,
// Format (every verb), MarshalJSON, MarshalText and LogValue all give
// Redacted, and its value is held in a closure that reflection shows only
// as an address. The zero Ticket is empty and signs nothing.
type Ticket struct {
	secretValue[ticketKind]
}

type ticketKind struct{}

var ticketInfo = kind{
	redacted: Redacted,
	goName:   "sign.Ticket",
	file:     "ticket file",
	empty:    ErrEmptyTicket,
	maxFile:  64 << 10, // a ticket is ~90 bytes
}

func (ticketKind) kind() *kind { return &ticketInfo }

// NewTicket wraps a ticket value, trimming surrounding white space. A value
// of more than one line, or with white space inside, is refused.
func NewTicket(v string) (Ticket, error) {
	s, err := newSecret[ticketKind](v)
	return Ticket{s}, err
}

// TicketFromEnv reads the ticket from the environment variable name through
// getenv (os.Getenv when nil). Errors name the variable, never the value.
func TicketFromEnv(getenv func(string) string, name string) (Ticket, error) {
	s, err := secretFromEnv[ticketKind](getenv, name)
	return Ticket{s}, err
}

// TicketFromFile reads the ticket from a regular file holding only the
// ticket (a trailing newline and surrounding white space are ignored); a
// directory, FIFO, device or a file over 64 KiB is refused unread. Errors
// name neither the file nor its content.
func TicketFromFile(path string) (Ticket, error) {
	s, err := secretFromFile[ticketKind](path)
	return Ticket{s}, err
}
