package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// The walk the core plans for lint: this CLI finds and reads the files, the
// core does the rest (paths relative to the working directory, order,
// repeats, card definitions, the report, the exit status).

// plan is how the core wants the paths walked.
type plan struct {
	Ext          string   `json:"ext"`
	SkipDirs     []string `json:"skipDirs"`
	SkipHidden   bool     `json:"skipHidden"`
	MaxFileBytes int64    `json:"maxFileBytes"`
}

// entry is one path walked to (or stdin), for the core: its bytes follow
// the header, or why there are none.
type entry struct {
	Path      string `json:"path,omitempty"`
	PathBytes int    `json:"pathBytes,omitempty"` // a name not UTF-8: its bytes lead the entry's in the blob
	Explicit  bool   `json:"explicit,omitempty"`
	Bytes     *int   `json:"bytes,omitempty"`
	Size      int64  `json:"size,omitempty"`    // too large: not read
	Special   string `json:"special,omitempty"` // fifo, device, socket, directory: not opened
	Error     string `json:"error,omitempty"`
}

type walked struct {
	Files []entry `json:"files"`
	Cards []entry `json:"cards"`
	Over  int64   `json:"over,omitempty"` // more than maxBytes in all: reading stopped
}

// at makes the entry of path p: its name as text, or, when that would not
// be UTF-8 (JSON would change it), as bytes ahead of the content's.
func (w *walker) at(p string, explicit bool) entry {
	p = filepath.ToSlash(p)
	if utf8.ValidString(p) {
		return entry{Path: p, Explicit: explicit}
	}
	w.blob = append(w.blob, p...)
	return entry{PathBytes: len(p), Explicit: explicit}
}

// walker reads what a plan asks for.
type walker struct {
	plan
	max   int64
	total int64
	over  bool
	blob  []byte
}

func (a *app) walk(ans answer) (cwd string, w *walked, blob []byte) {
	cwd, _ = os.Getwd()
	files := &walker{plan: ans.plan, max: ans.MaxBytes}
	w = &walked{Files: files.roots(ans.Paths)}
	cards := &walker{plan: ans.plan, max: ans.MaxBytes - files.total}
	w.Cards = cards.roots(ans.Cards)
	if files.over || cards.over {
		return filepath.ToSlash(cwd), &walked{Files: []entry{}, Cards: []entry{}, Over: files.total + cards.total}, nil
	}
	return filepath.ToSlash(cwd), w, append(files.blob, cards.blob...)
}

// roots walks every root: a file as it is, a directory for its files named
// *<ext> (not below skipped directories).
func (w *walker) roots(paths []string) []entry {
	es := []entry{}
	for _, root := range paths {
		info, err := os.Stat(root)
		switch {
		case err != nil:
			e := w.at(root, true)
			e.Error = errText(err)
			es = append(es, e)
			continue
		case !info.IsDir():
			es = append(es, w.read(root, true))
			continue
		}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				e := w.at(p, false)
				e.Error = errText(err)
				es = append(es, e)
			case d.IsDir() && p != root && (slices.Contains(w.SkipDirs, d.Name()) || w.SkipHidden && strings.HasPrefix(d.Name(), ".")):
				return filepath.SkipDir
			case !d.IsDir() && strings.HasSuffix(d.Name(), w.Ext):
				es = append(es, w.read(p, false))
			}
			return nil
		})
	}
	return es
}

// read reads one file: its kind and size first (a FIFO named x.json would
// block forever, a 2 GB file would take the memory), then at most
// MaxFileBytes of it.
func (w *walker) read(p string, explicit bool) entry {
	e := w.at(p, explicit)
	info, err := os.Stat(p)
	switch {
	case err != nil:
		e.Error = errText(err)
	case specialKind(info.Mode()) != "":
		e.Special = specialKind(info.Mode())
	case info.Size() > w.MaxFileBytes:
		e.Size = info.Size()
	case w.over:
	default:
		b, err := readBounded(p, w.MaxFileBytes)
		switch {
		case err != nil:
			e.Error = errText(err)
		case int64(len(b)) > w.MaxFileBytes:
			e.Size = int64(len(b))
		default:
			if w.total += int64(len(b)); w.total > w.max {
				w.over = true
				break
			}
			e.Bytes = ptr(len(b))
			w.blob = append(w.blob, b...)
		}
	}
	return e
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

// readBounded reads at most max+1 bytes of a file (one that grew, or whose
// size stat gives as 0, as /proc's do).
func readBounded(p string, max int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, max+1))
}

// errText is an error as the core words it: the system's text, without
// the operation and path (the core names the path).
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
