// Command wxcard checks, builds, signs and verifies the payloads of the
// WeChat Mini Program card APIs (wx.addCard, wx.openCard, member-card
// activation). See `wxcard --help`.
//
// Its words are the core's (card.OpCLI), the same as the npm CLI's: this
// file passes the arguments to the core and does what it answers (walk and
// read the files, read stdin, write and exit). sign and verify, which need
// a secret, are this CLI's own (sign.go).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"github.com/wxcard/wxcard/internal/cliwire"
	"github.com/wxcard/wxcard/wasm/card"
)

// version is set with -ldflags "-X main.version=v1.2.3"; without it the
// module version from the build info is used.
var version string

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1 // verify found a mismatch
	exitUsage = 2 // usage, input or internal error
)

// run is the whole CLI, testable: arguments without the program name.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, getenv: getenv, now: time.Now, call: card.Call}
	return a.main(args)
}

// app carries the process' surroundings; now and rand are swapped in tests.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
	rand           io.Reader // nil: crypto/rand
	call           func(op string, input []byte) []byte
	// redact, once sign or verify holds the ticket, takes it (and any
	// excerpt of it) out of everything written.
	redact func(string) string
}

func (a *app) main(args []string) int {
	if args == nil {
		args = []string{}
	}
	if a.getenv == nil {
		a.getenv = func(string) string { return "" }
	}
	h := cliwire.Header{Host: "go", Version: currentVersion(), Args: args, TTY: isTerminal(a.stdout), Env: map[string]string{}}
	for _, k := range []string{"LANG", "NO_COLOR", "FORCE_COLOR"} {
		if v := a.getenv(k); v != "" {
			h.Env[k] = v
		}
	}
	ans, ok := a.cli(&h, nil)
	var blob []byte
	switch {
	case !ok:
		return exitUsage
	case ans.Do == "walk":
		h.Cwd, h.Walked, blob = a.walk(ans)
	case ans.Do == "stdin":
		h.Stdin, blob = readStdin(a.stdin, ans.MaxBytes)
	case ans.Do == "sign":
		return a.sign(args[1:])
	case ans.Do == "verify":
		return a.verify(args[1:])
	}
	if ans.Do != "exit" {
		if ans, ok = a.cli(&h, blob); !ok || ans.Do != "exit" {
			return a.fail("", "internal error: the core answered a plan to a plan's result")
		}
	}
	a.stdout.Write(ans.Out)
	a.stderr.Write(ans.Err)
	return ans.Exit
}

// cli sends the header (and the bytes it announces) to the core and reads
// its answer.
func (a *app) cli(h *cliwire.Header, blob []byte) (cliwire.Answer, bool) {
	in, err := cliwire.Encode(h, blob)
	if err == nil {
		var ans cliwire.Answer
		if ans, err = cliwire.Decode(a.call(card.OpCLI, in)); err == nil {
			return ans, true
		}
	}
	return cliwire.Answer{}, a.fail("", "internal error: "+err.Error()) == 0
}

// readStdin reads at most max bytes of stdin; over that, only its size.
func readStdin(r io.Reader, max int64) (*cliwire.Entry, []byte) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	switch {
	case err != nil:
		return &cliwire.Entry{Error: errText(err)}, nil
	case int64(len(b)) > max:
		return &cliwire.Entry{Size: int64(len(b))}, nil
	}
	return &cliwire.Entry{Bytes: ptr(len(b))}, b
}

func ptr(n int) *int { return &n }

func currentVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// help writes a command's help, which the core holds.
func (a *app) help(cmd string) int {
	ans, ok := a.cli(&cliwire.Header{Host: "go", Version: currentVersion(), Args: []string{"help", cmd}, Env: map[string]string{}}, nil)
	if !ok {
		return exitUsage
	}
	a.stdout.Write(ans.Out)
	return ans.Exit
}

// fail reports an error that is not about usage (exit 2 all the same).
func (a *app) fail(cmd, msg string) int {
	prog := "wxcard"
	if cmd != "" {
		prog += " " + cmd
	}
	fmt.Fprintf(a.stderr, "%s: %s\n", prog, a.safe(msg))
	return exitUsage
}

func (a *app) safe(s string) string {
	if a.redact != nil {
		return a.redact(s)
	}
	return s
}

// usageError reports a usage error and where to read about usage.
func (a *app) usageError(cmd, msg string) int {
	io.WriteString(a.stderr, card.CLIUsageError(cmd, a.safe(msg)))
	return exitUsage
}

// newFlags returns a flag set that reports nothing itself: errors are
// worded (and kept free of secrets) by parse.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses flags placed anywhere among the arguments (flags after a
// PATH are common) and returns the positional arguments. "--" ends flags.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errors.New(card.CLIRedact(err.Error()))
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// parseCommand parses a command's flags and handles --help. It returns
// done with the exit code when the command must stop.
func (a *app) parseCommand(cmd string, fs *flag.FlagSet, args []string) (pos []string, code int, done bool) {
	pos, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil, a.help(cmd), true
	}
	if err != nil {
		return nil, a.usageError(cmd, err.Error()), true
	}
	return pos, 0, false
}

func looksLikeTicket(s string) bool { return card.LooksLikeSecretArg(s) }

func redactTicketLike(s string) string { return card.CLIRedact(s) }

func quoteSafe(s string) string { return card.CLIQuoteArg(s) }

// refusePositional explains why a positional argument that looks like a
// ticket is refused.
func refusePositional() string { return card.CLIRefuseTicketArg }

// refusePositionalKey is refusePositional where the secret is the
// merchant key (sign --coupon).
func refusePositionalKey() string {
	return "refusing an argument that looks like a merchant key: the key is never taken from the command line; " +
		"set " + envMerchantKey + " or pass --key-file FILE"
}

// refusePositionalSecret is refusePositional where the secret may be
// either (verify).
func refusePositionalSecret() string {
	return "refusing an argument that looks like a secret: the api_ticket and the merchant key are never taken from the command line; " +
		"set " + envTicket + " or " + envMerchantKey + ", or pass --ticket-file FILE or --key-file FILE"
}
