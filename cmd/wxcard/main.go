// Command wxcard checks, builds, signs and verifies the payloads of the
// WeChat Mini Program card APIs (wx.addCard, wx.openCard, member-card
// activation). See `wxcard --help`.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strings"
	"time"

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
	exitFail  = 1 // lint found errors, verify found a mismatch
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

type command struct {
	name    string
	summary string
	help    string
	run     func(a *app, args []string) int
}

var commands []command

func init() {
	commands = []command{
		{"lint", "check payload files (.json) and report what is wrong", lintHelp, (*app).lint},
		{"run", "run one core operation: input JSON on stdin, output JSON on stdout", runHelp, (*app).runOp},
		{"sign", "sign a cardExt and print the wx.addCard cardList item (server side)", signHelp, (*app).sign},
		{"verify", "verify a signed cardList item and explain a wrong signature", verifyHelp, (*app).verify},
		{"help", "show help for a command", helpHelp, (*app).help},
		{"version", "print the version", versionHelp, (*app).printVersion},
	}
}

func findCommand(name string) *command {
	for i := range commands {
		if commands[i].name == name {
			return &commands[i]
		}
	}
	return nil
}

func (a *app) main(args []string) int {
	if len(args) == 0 {
		a.usageTo(a.stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		a.usage()
		return exitOK
	case "-version", "--version":
		return a.printVersion(nil)
	}
	if reason := ticketArgument(args); reason != "" {
		return a.fail("", reason)
	}
	cmd := findCommand(args[0])
	if cmd == nil {
		if strings.HasPrefix(args[0], "-") {
			return a.usageError("", "unknown flag "+quoteSafe(args[0]))
		}
		return a.usageError("", "unknown command "+quoteSafe(args[0]))
	}
	return cmd.run(a, args[1:])
}

func (a *app) usage() { a.usageTo(a.stdout) }

func (a *app) usageTo(w io.Writer) {
	var b strings.Builder
	b.WriteString(topHelpHead)
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-8s %s\n", c.name, c.summary)
	}
	b.WriteString(topHelpTail)
	io.WriteString(w, b.String())
}

func (a *app) help(args []string) int {
	switch len(args) {
	case 0:
		a.usage()
		return exitOK
	case 1:
		if c := findCommand(args[0]); c != nil {
			io.WriteString(a.stdout, c.help)
			return exitOK
		}
		return a.usageError("help", "unknown command "+quoteSafe(args[0]))
	}
	return a.usageError("help", "takes at most one command")
}

func (a *app) printVersion(args []string) int {
	if len(args) > 0 {
		if len(args) == 1 && isHelpArg(args[0]) {
			io.WriteString(a.stdout, versionHelp)
			return exitOK
		}
		return a.usageError("version", "takes no arguments")
	}
	fmt.Fprintf(a.stdout, "wxcard %s\n", currentVersion())
	return exitOK
}

func currentVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

func isHelpArg(s string) bool { return s == "-h" || s == "-help" || s == "--help" }

// fail reports an error that is not about usage (exit 2 all the same).
func (a *app) fail(cmd, msg string) int {
	fmt.Fprintf(a.stderr, "%s: %s\n", prog(cmd), a.safe(msg))
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
	fmt.Fprintf(a.stderr, "%s: %s\nRun '%s --help' for usage.\n", prog(cmd), a.safe(msg), prog(cmd))
	return exitUsage
}

func prog(cmd string) string {
	if cmd == "" {
		return "wxcard"
	}
	return "wxcard " + cmd
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
			return nil, errors.New(redactTicketLike(err.Error()))
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
		io.WriteString(a.stdout, findCommand(cmd).help)
		return nil, exitOK, true
	}
	if err != nil {
		return nil, a.usageError(cmd, err.Error()), true
	}
	return pos, 0, false
}

// ticketAlphabet: an api_ticket is ~86 characters of these.
var ticketLike = regexp.MustCompile(`^[A-Za-z0-9_-]{20,}$`)
var ticketLikeIn = regexp.MustCompile(`[A-Za-z0-9_-]{20,}`)

func looksLikeTicket(s string) bool { return ticketLike.MatchString(s) }

func redactTicketLike(s string) string { return ticketLikeIn.ReplaceAllString(s, "[redacted]") }

// quoteSafe quotes an argument for a message unless it might be a secret.
func quoteSafe(s string) string {
	if looksLikeTicket(s) || len(s) > 64 {
		return "(argument not shown)"
	}
	return fmt.Sprintf("%q", s)
}

// ticketArgument refuses any flag that would carry a ticket on the command
// line (visible in ps, shell history and CI logs), and for sign and verify
// (the Go-only commands) any that would carry the merchant key. It never
// echoes a value.
func ticketArgument(args []string) string {
	goOnly := args[0] == "sign" || args[0] == "verify"
	for _, arg := range args {
		if arg == "--" {
			break
		}
		if !strings.HasPrefix(arg, "-") {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		norm := strings.ReplaceAll(strings.ToLower(name), "_", "-")
		if strings.Contains(norm, "ticket") && norm != "ticket-file" {
			return fmt.Sprintf("refusing --%s: the api_ticket is a secret and is never taken from the command line "+
				"(it would show in ps, shell history and CI logs); set %s or pass --ticket-file FILE",
				redactTicketLike(name), envTicket)
		}
		if goOnly && norm != "key-file" && (strings.HasSuffix(norm, "key") || strings.Contains(norm, "secret")) {
			return fmt.Sprintf("refusing --%s: the merchant key is a secret and is never taken from the command line "+
				"(it would show in ps, shell history and CI logs); set %s or pass --key-file FILE",
				redactTicketLike(name), envMerchantKey)
		}
	}
	return ""
}

// refusePositional explains why a positional argument that looks like a
// ticket is refused.
func refusePositional() string {
	return "refusing an argument that looks like an api_ticket: the ticket is never taken from the command line; " +
		"set " + envTicket + " or pass --ticket-file FILE"
}

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
