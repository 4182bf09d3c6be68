package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/wxcard/wxcard/wasm/card"
)

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

type lintFile struct {
	Path    string `json:"path"`
	Content string `json:"content"`
	// Explicit: named on the command line, not found in a folder; the core
	// never passes such a file over silently.
	Explicit bool `json:"explicit,omitempty"`
	// Size: the file's size when it is over the core's limit and was not
	// read; Special: a FIFO, device or socket, never opened.
	Size    int64  `json:"size,omitempty"`
	Special string `json:"special,omitempty"`
}

// specialKind names a file the CLI must not open for reading, or "".
func specialKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "fifo"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return "device"
	case m.IsDir():
		return "directory"
	}
	return ""
}

// readBounded reads a regular file of at most card.MaxInput bytes; a larger
// one (by its size, or by what it turns out to hold) comes back as its size
// alone, unread, so a huge or endless file costs nothing.
func readBounded(p string, info fs.FileInfo) (content string, size int64, err error) {
	if info.Size() > card.MaxInput {
		return "", info.Size(), nil
	}
	f, err := os.Open(p)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, card.MaxInput+1))
	if err != nil {
		return "", 0, err
	}
	if len(b) > card.MaxInput {
		return "", int64(len(b)), nil
	}
	return string(b), 0, nil
}

type lintRequest struct {
	Payload struct {
		Files []lintFile `json:"files"`
	} `json:"payload"`
	Options struct {
		Format string                     `json:"format"`
		Locale string                     `json:"locale"`
		Color  *terminal                  `json:"color,omitempty"`
		Cards  map[string]json.RawMessage `json:"cards,omitempty"`
	} `json:"options"`
}

func (a *app) lint(args []string) int {
	const cmd = "lint"
	flags := newFlags(cmd)
	format := flags.String("format", "text", "")
	locale := flags.String("locale", "", "")
	maxWarnings := flags.Int("max-warnings", -1, "")
	var cards listFlag
	flags.Var(&cards, "cards", "")
	pos, rc, done := a.parseCommand(cmd, flags, args)
	if done {
		return rc
	}
	switch *format {
	case "text", "json", "sarif", "github":
	default:
		return a.usageError(cmd, "--format must be text, json, sarif or github")
	}
	loc, err := a.resolveLocale(*locale)
	if err != nil {
		return a.usageError(cmd, err.Error())
	}
	if *maxWarnings < -1 {
		return a.usageError(cmd, "--max-warnings must be a number of warnings (or -1 for no limit)")
	}
	if len(pos) == 0 {
		return a.usageError(cmd, "no PATH given")
	}
	for _, p := range pos {
		if _, err := os.Stat(p); err != nil && looksLikeTicket(p) {
			return a.fail(cmd, refusePositional())
		}
	}

	var req lintRequest
	req.Options.Format = *format
	req.Options.Locale = loc
	// The facts, when there are any (none means no colour either way).
	if term := (terminal{TTY: isTerminal(a.stdout), NoColor: a.getenv("NO_COLOR"), ForceColor: a.getenv("FORCE_COLOR")}); term != (terminal{}) {
		req.Options.Color = &term
	}
	if req.Options.Cards, err = readCards(cards); err != nil {
		return a.fail(cmd, err.Error())
	}
	if req.Payload.Files, err = readLintFiles(pos); err != nil {
		return a.fail(cmd, err.Error())
	}
	if req.Payload.Files == nil {
		req.Payload.Files = []lintFile{}
	}
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	enc.SetEscapeHTML(false) // file text goes in as written
	if err := enc.Encode(req); err != nil {
		return a.fail(cmd, "internal error: "+err.Error())
	}

	// Only what the exit status needs is decoded of each diagnostic: a
	// lint of many files answers with hundreds of thousands of them.
	var out struct {
		OK          *bool   `json:"ok"`
		Diagnostics []brief `json:"diagnostics"`
		Output      string  `json:"output"`
	}
	raw := a.call(card.OpLint, bytes.TrimSuffix(in.Bytes(), []byte("\n")))
	in = bytes.Buffer{}
	if err := json.Unmarshal(raw, &out); err != nil || out.OK == nil {
		return a.fail(cmd, "internal error: the core returned output that is not {\"ok\",\"diagnostics\"}")
	}
	// whole decodes the diagnostics in full, for the rare answers that
	// print them.
	whole := func() []card.Diagnostic {
		var w struct {
			Diagnostics []card.Diagnostic `json:"diagnostics"`
		}
		_ = json.Unmarshal(raw, &w) // it decoded once already
		return w.Diagnostics
	}
	if out.Output == "" && !*out.OK {
		// No report: the core refused the request as a whole (too large,
		// malformed). Say why instead of printing nothing.
		for _, d := range whole() {
			fmt.Fprintf(a.stderr, "wxcard lint: %s (%s)\n", d.Message, d.Code)
		}
		return exitUsage
	}
	if out.Output != "" {
		report := out.Output
		if !strings.HasSuffix(report, "\n") {
			report += "\n"
		}
		a.stdout.Write([]byte(report))
	}
	for _, d := range out.Diagnostics {
		if d.Code == "request-invalid" {
			for _, d := range whole() {
				if d.Code == "request-invalid" {
					return a.fail(cmd, "internal error: the core refused the request: "+d.Message)
				}
			}
		}
	}
	raw, out.Output = nil, "" // what is left to do needs neither
	warnings := 0
	for _, d := range out.Diagnostics {
		if d.Severity == card.SeverityWarning {
			warnings++
		}
	}
	switch {
	case !*out.OK:
		return exitFail
	case *maxWarnings >= 0 && warnings > *maxWarnings:
		fmt.Fprintf(a.stderr, "wxcard lint: %d warnings, more than --max-warnings %d\n", warnings, *maxWarnings)
		return exitFail
	}
	return exitOK
}

// terminal is what the core decides the report's colour from: whether
// stdout is a terminal, and the colour variables as the environment has them.
type terminal struct {
	TTY        bool   `json:"tty"`
	NoColor    string `json:"NO_COLOR"`
	ForceColor string `json:"FORCE_COLOR"`
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// brief is what lint's exit status needs of a diagnostic.
type brief struct {
	Code     string        `json:"code"`
	Severity card.Severity `json:"severity"`
}

// readLintFiles reads every PATH: a file as given, a directory recursively
// for *.json files (skipping node_modules and hidden directories). Paths in
// the request are slash paths relative to the working directory, sorted and
// without duplicates.
func readLintFiles(paths []string) ([]lintFile, error) {
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var files []lintFile
	add := func(p string, explicit bool) error {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(cwd, abs)
		if err != nil {
			rel = abs
		}
		rel = filepath.ToSlash(rel)
		if seen[rel] {
			return nil
		}
		seen[rel] = true
		// Kind and size before any read: a FIFO named x.json would block
		// forever, a 2 GB file would take the memory.
		info, err := os.Stat(p)
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", rel, unwrapPath(err))
		}
		if kind := specialKind(info.Mode()); kind != "" {
			files = append(files, lintFile{Path: rel, Explicit: explicit, Special: kind})
			return nil
		}
		content, size, err := readBounded(p, info)
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", rel, unwrapPath(err))
		}
		files = append(files, lintFile{Path: rel, Content: content, Explicit: explicit, Size: size})
		return nil
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", filepath.ToSlash(root), unwrapPath(err))
		}
		if !info.IsDir() {
			if err := add(root, true); err != nil {
				return nil, err
			}
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("cannot read %s: %w", filepath.ToSlash(p), unwrapPath(err))
			}
			if d.IsDir() {
				if p != root && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(d.Name(), ".json") {
				return add(p, false)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(files, func(x, y lintFile) int { return strings.Compare(x.Path, y.Path) })
	return files, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readCards merges the card definitions of every --cards file or
// directory (*.json). A file is either an object keyed by cardId, or one
// raw card/get response, keyed by its card.<type>.base_info.id. A cardId
// defined twice is an error.
func readCards(roots []string) (map[string]json.RawMessage, error) {
	if len(roots) == 0 {
		return nil, nil
	}
	files, err := readLintFiles(roots)
	if err != nil {
		return nil, fmt.Errorf("--cards: %w", err)
	}
	cards := map[string]json.RawMessage{}
	from := map[string]string{}
	for _, f := range files {
		defs, err := cardDefs([]byte(f.Content))
		if err != nil {
			return nil, fmt.Errorf("--cards %s: %w", f.Path, err)
		}
		// In byte order of cardId, so a file repeating several ids always
		// names the same one (the npm CLI does the same).
		for _, id := range slices.Sorted(maps.Keys(defs)) {
			def := defs[id]
			if prev, dup := from[id]; dup {
				return nil, fmt.Errorf("--cards: card %s is defined in both %s and %s", strconv.Quote(id), prev, f.Path)
			}
			cards[id], from[id] = def, f.Path
		}
	}
	return cards, nil
}

func cardDefs(b []byte) (map[string]json.RawMessage, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(b, &obj); err != nil || obj == nil {
		return nil, errors.New("not a JSON object of card definitions keyed by cardId")
	}
	raw, ok := obj["card"]
	if !ok {
		return obj, nil
	}
	// A card/get response: {"errcode":0,"card":{"card_type":"GROUPON","groupon":{"base_info":{"id":…}}}}
	var c map[string]json.RawMessage
	var typ string
	if json.Unmarshal(raw, &c) != nil || json.Unmarshal(c["card_type"], &typ) != nil || typ == "" {
		return nil, errors.New(`a card/get response without card.card_type`)
	}
	var body struct {
		BaseInfo struct {
			ID string `json:"id"`
		} `json:"base_info"`
	}
	if json.Unmarshal(c[strings.ToLower(typ)], &body) != nil || body.BaseInfo.ID == "" {
		return nil, fmt.Errorf("a card/get response without card.%s.base_info.id", strings.ToLower(typ))
	}
	return map[string]json.RawMessage{body.BaseInfo.ID: bytes.TrimSpace(b)}, nil
}
