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

	"github.com/wxcard/wxcard/internal/cliwire"
)

// The walk the core plans for lint: this CLI finds and reads the files, the
// core does the rest (paths relative to the working directory, order,
// repeats, card definitions, the report, the exit status).

// at makes the entry of path p: its name as text, or, when that would not
// be UTF-8 (JSON would change it), as bytes ahead of the content's.
func (w *walker) at(p string, explicit bool) cliwire.Entry {
	p = filepath.ToSlash(p)
	if utf8.ValidString(p) {
		return cliwire.Entry{Path: p, Explicit: explicit}
	}
	w.blob = append(w.blob, p...)
	return cliwire.Entry{PathBytes: len(p), Explicit: explicit}
}

// walker reads what a plan asks for.
type walker struct {
	cliwire.Answer // the plan
	max            int64
	total          int64
	over           bool
	blob           []byte
}

func (a *app) walk(ans cliwire.Answer) (cwd string, w *cliwire.Walked, blob []byte) {
	cwd, _ = os.Getwd()
	files := &walker{Answer: ans, max: ans.MaxBytes}
	w = &cliwire.Walked{Files: files.roots(ans.Paths)}
	cards := &walker{Answer: ans, max: ans.MaxBytes - files.total}
	w.Cards = cards.roots(ans.Cards)
	if files.over || cards.over {
		return filepath.ToSlash(cwd), &cliwire.Walked{Files: []cliwire.Entry{}, Cards: []cliwire.Entry{}, Over: files.total + cards.total}, nil
	}
	return filepath.ToSlash(cwd), w, append(files.blob, cards.blob...)
}

// roots walks every root: a file as it is, a directory for its files named
// *<ext> (not below skipped directories).
func (w *walker) roots(paths []string) []cliwire.Entry {
	es := []cliwire.Entry{}
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
func (w *walker) read(p string, explicit bool) cliwire.Entry {
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
