package card

import (
	"bytes"
	"strings"
)

// OpCLI is the command line of both wxcard CLIs (cmd/wxcard and the npm
// package's bin/wxcard.js). The core parses the arguments, words every
// message, lints and decides the exit status; a CLI only walks the file
// system, reads files and stdin, and writes what the core answers. One
// definition of every word, so the two CLIs cannot drift apart.
//
// The exchange (wasm/ABI.md has it in full): the host sends a header, one
// line of JSON {"host","version","args","env","tty"}; the core answers
// either {"do":"exit","exit":N,"stdout":n,"stderr":m}, a newline and the n +
// m bytes to write, or a plan, {"do":"walk",…} or {"do":"stdin",…} (and, to
// the Go CLI, {"do":"sign"} or {"do":"verify"}: its own commands). For a
// plan the host sends the header again with what it found (walked, stdin),
// a newline and the bytes it read, and gets the exit answer.
const OpCLI = "cli"

// The environment variables the Go CLI reads its secrets from (never an
// argument). The sign package uses the same names.
const (
	EnvTicket      = "WXCARD_API_TICKET"
	EnvMerchantKey = "WXCARD_MCH_KEY"
)

// Exit statuses of both CLIs.
const (
	exitOK    = 0
	exitFail  = 1 // lint found errors (or warnings over --max-warnings)
	exitUsage = 2 // usage, input or internal error
)

// cliLimit bounds a cli request: the header (a path per file) and every
// file's bytes, MaxLintInput in all.
const cliLimit = 2 * MaxLintInput

// cliRequest is a parsed cli header, with the bytes it announced.
type cliRequest struct {
	host, version string
	args          []string
	lang          string
	noColor       string
	forceColor    string
	tty           bool
	maxInput      int64 // the host's own limit on one request; 0: none
	cwd           string
	walked        bool
	over          int64 // walked: the host stopped reading past the plan's maxBytes
	files, cards  []cliEntry
	stdin         *cliEntry
}

// cliEntry is one path the host walked to, or its stdin.
type cliEntry struct {
	path     string
	rel      string // path relative to cwd, as reports name it
	explicit bool   // named as an argument, not found in a directory
	text     []byte // its bytes, which follow the header
	bytes    int64  // how many: len(text)
	// pathBytes: the path is not UTF-8 and its bytes precede the text's.
	pathBytes int64
	size      int64  // not read: the file is this large
	special   string // not opened: fifo, device, socket, directory
	err       string // not read: an errno name (ENOENT) or the error's text
}

type cliCommand struct {
	name, summary, help string
	hostOnly            bool // the Go CLI runs it itself (it needs a secret)
}

var cliCommands = [...]cliCommand{
	{"lint", "check payload files (.json) and report what is wrong", cliLintHelp, false},
	{"run", "run one core operation: input JSON on stdin, output JSON on stdout", cliRunHelp, false},
	{"sign", "sign a cardExt and print the wx.addCard cardList item (server side)", cliSignHelp, true},
	{"verify", "verify a signed cardList item and explain a wrong signature", cliVerifyHelp, true},
	{"help", "show help for a command", cliHelpHelp, false},
	{"version", "print the version", cliVersionHelp, false},
}

func findCLICommand(name string) *cliCommand {
	for i := range cliCommands {
		if cliCommands[i].name == name {
			return &cliCommands[i]
		}
	}
	return nil
}

// cliRun is one answer being made.
type cliRun struct {
	k              *Caller
	c              *checker
	r              *cliRequest
	stdout, stderr []byte
	exit           int
	plan           []byte // a plan instead of an exit answer
}

func (k *Caller) cli(input []byte) []byte {
	c := k.prepare(input, cliLimit)
	a := &cliRun{k: k, c: c}
	if len(input) > cliLimit {
		a.fail("", "internal error: the request to the core is "+itoa(len(input))+" bytes, over its "+itoa(cliLimit)+"-byte limit")
	} else if r, bad := c.readCLI(input); bad != "" {
		a.fail("", "internal error: the CLI's request to the core is malformed: "+bad)
	} else {
		a.r = &r
		a.main()
	}
	if a.plan != nil {
		return append(append(k.out[:0], a.plan...), '\n')
	}
	return appendCLIExit(k.out[:0], a.exit, a.stdout, a.stderr)
}

func appendCLIExit(b []byte, exit int, stdout, stderr []byte) []byte {
	b = appendField(b, `{"do":"exit","exit":`, exit)
	b = appendField(b, `,"stdout":`, len(stdout))
	b = appendField(b, `,"stderr":`, len(stderr))
	b = append(b, "}\n"...)
	return append(append(b, stdout...), stderr...)
}

//go:noinline
func appendField(b []byte, name string, n int) []byte {
	return appendInt(append(b, name...), int64(n))
}

// CLIUsageError is how both CLIs report a usage error: the message and
// where to read about usage. cmd is "" for wxcard itself.
//
//go:noinline
func CLIUsageError(cmd, msg string) string {
	p := cliProg(cmd)
	return p + ": " + msg + "\nRun '" + p + " --help' for usage.\n"
}

//go:noinline
func cliProg(cmd string) string {
	if cmd == "" {
		return "wxcard"
	}
	return "wxcard " + cmd
}

//go:noinline
func (a *cliRun) usageError(cmd, msg string) {
	a.stderr = append(a.stderr, CLIUsageError(cmd, msg)...)
	a.exit = exitUsage
}

// fail reports an error that is not about usage (exit 2 all the same).
//
//go:noinline
func (a *cliRun) fail(cmd, msg string) {
	a.stderr = append(append(append(append(a.stderr, cliProg(cmd)...), ": "...), msg...), '\n')
	a.exit = exitUsage
}

//go:noinline
func (a *cliRun) out(s string) { a.stdout = append(a.stdout, s...) }

func cliUsage() string {
	b := []byte(cliTopHead)
	for _, c := range cliCommands {
		b = append(append(b, "  "...), c.name...)
		b = append(b, "         "[len(c.name):]...)
		b = append(append(b, c.summary...), '\n')
	}
	return string(append(b, cliTopTail...))
}

func isHelpArg(s string) bool { return s == "-h" || s == "-help" || s == "--help" }

func (a *cliRun) main() {
	args := a.r.args
	if len(args) == 0 {
		a.stderr = append(a.stderr, cliUsage()...)
		a.exit = exitUsage
		return
	}
	switch args[0] {
	case "-h", "-help", "--help":
		a.out(cliUsage())
		return
	case "-version", "--version":
		a.version(nil)
		return
	}
	if reason := secretArgument(args); reason != "" {
		a.fail("", reason)
		return
	}
	cmd := findCLICommand(args[0])
	switch {
	case cmd == nil && args[0] != "" && args[0][0] == '-':
		a.usageError("", "unknown flag "+CLIQuoteArg(args[0]))
	case cmd == nil:
		a.usageError("", "unknown command "+CLIQuoteArg(args[0]))
	case cmd.hostOnly:
		a.hostOnly(cmd.name)
	case cmd.name == "lint":
		a.lint(args[1:])
	case cmd.name == "run":
		a.run(args[1:])
	case cmd.name == "help":
		a.help(args[1:])
	case cmd.name == "version":
		a.version(args[1:])
	}
}

// hostOnly: sign and verify need a secret, which only the Go CLI, on a
// server, may hold; it runs them itself.
func (a *cliRun) hostOnly(name string) {
	if a.r.host == "go" {
		a.plan = append([]byte(`{"do":`), appendString(nil, name)...)
		a.plan = append(a.plan, '}')
		return
	}
	a.fail(name, name+" is only in the Go CLI: it needs the api_ticket, a server secret that never belongs in the npm package; run the Go wxcard "+name+" on your server")
}

func (a *cliRun) help(args []string) {
	switch len(args) {
	case 0:
		a.out(cliUsage())
	case 1:
		c := findCLICommand(args[0])
		switch {
		case c == nil:
			a.usageError("help", "unknown command "+CLIQuoteArg(args[0]))
		case c.hostOnly && a.r.host != "go":
			a.hostOnly(c.name)
		default:
			a.out(c.help)
		}
	default:
		a.usageError("help", "takes at most one command")
	}
}

func (a *cliRun) version(args []string) {
	switch {
	case len(args) == 1 && isHelpArg(args[0]):
		a.out(cliVersionHelp)
	case len(args) > 0:
		a.usageError("version", "takes no arguments")
	default:
		v := a.r.version
		if v == "" {
			v = "(devel)"
		}
		a.out("wxcard " + v + "\n")
	}
}

// run OP: stdin to the op, its output and a newline to stdout, exit 0 once
// it ran (its "ok" says how it went).
func (a *cliRun) run(args []string) {
	const cmd = "run"
	pos, help, msg := parseCLIFlags(args, nil, nil)
	if a.flagsDone(cmd, cliRunHelp, help, msg) {
		return
	}
	secretLike := func(p string) bool { return LooksLikeSecretArg(p) && opFunc(p) == nil }
	for _, p := range pos {
		if secretLike(p) {
			a.fail(cmd, CLIRefuseTicketArg)
			return
		}
	}
	if len(pos) != 1 {
		a.usageError(cmd, "want exactly one OP")
		return
	}
	limit := a.inputLimit(MaxLintInput)
	in := a.r.stdin
	switch {
	case in == nil:
		a.plan = appendInt([]byte(`{"do":"stdin","maxBytes":`), limit)
		a.plan = append(a.plan, '}')
	case in.err != "":
		a.fail(cmd, "reading stdin: "+errnoText(in.err))
	case in.size > 0 || int64(len(in.text)) > limit:
		a.fail(cmd, "stdin is larger than "+itoa64(limit)+" bytes ("+mib(limit)+"), the most a request may be")
	default:
		// This Caller is done with the request (what it needs is copied
		// out, stdin's bytes are the input's): it runs the op.
		a.stdout = append(append(a.stdout, a.k.Call(pos[0], in.text)...), '\n')
	}
}

// LocaleFromLang is the locale a LANG value implies: zh… gives zh-CN,
// anything else en.
func LocaleFromLang(lang string) string {
	if len(lang) >= 2 && lang[0]|0x20 == 'z' && lang[1]|0x20 == 'h' {
		return LocaleZh
	}
	return LocaleEn
}

// flagsDone answers --help or a usage error of parseCLIFlags, if any.
func (a *cliRun) flagsDone(cmd, helpText string, help bool, msg string) bool {
	switch {
	case help:
		a.out(helpText)
	case msg != "":
		a.usageError(cmd, msg)
	default:
		return false
	}
	return true
}

// inputLimit is limit, or the host's own when that is smaller.
func (a *cliRun) inputLimit(limit int64) int64 {
	if a.r.maxInput > 0 && a.r.maxInput < limit {
		return a.r.maxInput
	}
	return limit
}

// mib words a limit (a whole number of MiB).
func mib(n int64) string { return itoa64(n>>20) + " MiB" }

// lintArgs are lint's parsed arguments.
type lintArgs struct {
	format, locale string
	cards, paths   []string
	maxWarnings    int64
}

var lintFlags = [...]string{"format", "locale", "cards", "max-warnings"}

func (a *cliRun) lint(args []string) {
	const cmd = "lint"
	o := lintArgs{format: "text", maxWarnings: -1}
	pos, help, msg := parseCLIFlags(args, lintFlags[:], func(name, value string) string {
		switch name {
		case "format":
			o.format = value
		case "locale":
			o.locale = value
		case "cards":
			o.cards = append(o.cards, value)
		case "max-warnings":
			n, err := parseFlagInt(value)
			if err != "" {
				return err
			}
			o.maxWarnings = n
		}
		return ""
	})
	if a.flagsDone(cmd, cliLintHelp, help, msg) {
		return
	}
	switch {
	case !isFormat(o.format):
		a.usageError(cmd, "--format must be text, json, sarif or github")
		return
	case o.locale == "":
		o.locale = LocaleFromLang(a.r.lang)
	case o.locale != LocaleEn && o.locale != LocaleZh:
		a.usageError(cmd, "--locale must be en or zh-CN")
		return
	}
	switch {
	case o.maxWarnings < -1:
		a.usageError(cmd, "--max-warnings must be a number of warnings (or -1 for no limit)")
		return
	case len(pos) == 0:
		a.usageError(cmd, "no PATH given")
		return
	}
	o.paths = pos
	if !a.r.walked {
		a.plan = a.walkPlan(o)
		return
	}
	a.lintWalked(o)
}

// walkPlan tells the host what to walk and read: every PATH and --cards
// root (a file as it is, a directory for its *.json files, below it neither
// node_modules nor hidden directories), no file over maxFileBytes (its
// size instead), no FIFO, device or socket opened, and no more than
// maxBytes in all.
func (a *cliRun) walkPlan(o lintArgs) []byte {
	b := []byte(`{"do":"walk","paths":`)
	b = appendStrings(b, o.paths)
	b = append(b, `,"cards":`...)
	b = appendStrings(b, o.cards)
	b = append(b, `,"ext":".json","skipDirs":["node_modules"],"skipHidden":true,"maxFileBytes":`...)
	b = appendInt(b, MaxInput)
	b = append(b, `,"maxBytes":`...)
	b = appendInt(b, a.inputLimit(MaxLintInput))
	return append(b, '}')
}

func appendStrings(b []byte, ss []string) []byte {
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// CLIRefuseTicketArg explains why an argument that looks like an
// api_ticket is refused.
const CLIRefuseTicketArg = "refusing an argument that looks like an api_ticket: the ticket is never taken from the command line; " +
	"set " + EnvTicket + " or pass --ticket-file FILE"

// secretArgument refuses any flag that would carry the api_ticket on the
// command line (visible in ps, shell history and CI logs), and for sign and
// verify any that would carry the merchant key. It never echoes a value.
func secretArgument(args []string) string {
	withKey := args[0] == "sign" || args[0] == "verify"
	for _, arg := range args {
		if arg == "--" {
			break
		}
		if arg == "" || arg[0] != '-' {
			continue
		}
		name := arg
		for name != "" && name[0] == '-' {
			name = name[1:]
		}
		if eq := strings.IndexByte(name, '='); eq >= 0 {
			name = name[:eq]
		}
		b := []byte(name)
		for i, ch := range b {
			switch {
			case ch >= 'A' && ch <= 'Z':
				b[i] = ch + 32
			case ch == '_':
				b[i] = '-'
			}
		}
		norm := string(b)
		if strings.Contains(norm, "ticket") && norm != "ticket-file" {
			return "refusing --" + CLIRedact(name) + ": the api_ticket is a secret and is never taken from the command line " +
				"(it would show in ps, shell history and CI logs); set " + EnvTicket + " or pass --ticket-file FILE"
		}
		if withKey && norm != "key-file" && (len(norm) >= 3 && norm[len(norm)-3:] == "key" || strings.Contains(norm, "secret")) {
			return "refusing --" + CLIRedact(name) + ": the merchant key is a secret and is never taken from the command line " +
				"(it would show in ps, shell history and CI logs); set " + EnvMerchantKey + " or pass --key-file FILE"
		}
	}
	return ""
}

// isTicketByte: an api_ticket is about 86 of these.
func isTicketByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// LooksLikeSecretArg reports an argument that might be an api_ticket or a
// key: 20 or more of [A-Za-z0-9_-] and nothing else.
func LooksLikeSecretArg(s string) bool {
	if len(s) < 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isTicketByte(s[i]) {
			return false
		}
	}
	return true
}

// CLIRedact replaces every run of 20 or more [A-Za-z0-9_-] in s, which
// might be a secret, with "[redacted]".
func CLIRedact(s string) string {
	var b []byte
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && isTicketByte(s[i]) {
			run++
			continue
		}
		if run >= 20 {
			b = append(b, "[redacted]"...)
		} else {
			b = append(b, s[i-run:i]...)
		}
		if i < len(s) {
			b = append(b, s[i])
		}
		run = 0
	}
	return string(b)
}

// CLIQuoteArg quotes an argument for a message, unless it might be a
// secret (or is too long to be useful).
//
//go:noinline
func CLIQuoteArg(s string) string {
	if LooksLikeSecretArg(s) || len(s) > 64 {
		return "(argument not shown)"
	}
	return quote(s)
}

// parseCLIFlags parses flags placed anywhere among args (flags after a PATH
// are common; "--" ends them) with the words of Go's flag package, which
// sign and verify use. names are the flags, each taking a value, which set
// takes (and may refuse with a reason). It returns the positional
// arguments, or help for -h/-help/--help, or a usage message.
func parseCLIFlags(args []string, names []string, set func(name, value string) (err string)) (pos []string, help bool, msg string) {
	for i := 0; i < len(args); i++ {
		s := args[i]
		if len(s) < 2 || s[0] != '-' {
			pos = append(pos, s)
			continue
		}
		name := s[1:]
		if name[0] == '-' {
			name = name[1:]
			if name == "" { // "--"
				return append(pos, args[i+1:]...), false, ""
			}
		}
		if name[0] == '-' || name[0] == '=' {
			return nil, false, CLIRedact("bad flag syntax: " + s)
		}
		value, hasValue := "", false
		if eq := strings.IndexByte(name[1:], '='); eq >= 0 {
			name, value, hasValue = name[:eq+1], name[eq+2:], true
		}
		known := false
		for _, n := range names {
			known = known || n == name
		}
		if !known {
			if name == "help" || name == "h" {
				return nil, true, ""
			}
			return nil, false, CLIRedact("flag provided but not defined: -" + name)
		}
		if !hasValue {
			if i+1 == len(args) {
				return nil, false, CLIRedact("flag needs an argument: -" + name)
			}
			i++
			value = args[i]
		}
		if err := set(name, value); err != "" {
			return nil, false, CLIRedact("invalid value " + quote(value) + " for flag -" + name + ": " + err)
		}
	}
	return pos, false, ""
}

// parseFlagInt reads a flag's whole number: decimal digits with an optional
// sign, in int64.
func parseFlagInt(s string) (int64, string) {
	d := s
	neg := false
	if d != "" && (d[0] == '+' || d[0] == '-') {
		neg, d = d[0] == '-', d[1:]
	}
	if d == "" {
		return 0, "parse error"
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return 0, "parse error"
		}
	}
	for len(d) > 1 && d[0] == '0' {
		d = d[1:]
	}
	if len(d) > 19 {
		return 0, "value out of range"
	}
	var n uint64
	for i := 0; i < len(d); i++ {
		n = n*10 + uint64(d[i]-'0')
	}
	switch {
	case !neg && n > 1<<63-1, neg && n > 1<<63:
		return 0, "value out of range"
	case neg:
		return -int64(n), ""
	}
	return int64(n), ""
}

// errnoText is the text of an errno name a host passes (Node's err.code);
// anything else is already a text (Go's error strings).
func errnoText(e string) string {
	for rest := errnoTexts; rest != ""; {
		line := rest[:strings.IndexByte(rest, '\n')]
		rest = rest[len(line)+1:]
		if eq := strings.IndexByte(line, '='); line[:eq] == e {
			return line[eq+1:]
		}
	}
	return e
}

// errnoTexts are Linux's texts, as Go's syscall package has them.
const errnoTexts = `EPERM=operation not permitted
ENOENT=no such file or directory
EINTR=interrupted system call
EIO=input/output error
ENXIO=no such device or address
EBADF=bad file descriptor
EAGAIN=resource temporarily unavailable
ENOMEM=cannot allocate memory
EACCES=permission denied
EBUSY=device or resource busy
ENOTDIR=not a directory
EISDIR=is a directory
EINVAL=invalid argument
ENFILE=too many open files in system
EMFILE=too many open files
EFBIG=file too large
ENAMETOOLONG=file name too long
ELOOP=too many levels of symbolic links
EOVERFLOW=value too large for defined data type
ESTALE=stale file handle
`

// The bytes that follow a cli header: every entry's, in the order files,
// cards, stdin.
func splitCLI(input []byte) (header, blob []byte) {
	if i := bytes.IndexByte(input, '\n'); i >= 0 {
		return input[:i], input[i+1:]
	}
	return input, nil
}
