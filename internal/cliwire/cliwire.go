// Package cliwire is the Go side of the exchange with the core's cli
// operation (wasm/ABI.md, "The cli operation"): the header a host sends, the
// entries of what it walked to, and the answer it gets back. The Go CLI
// speaks it; the core's tests read answers with it.
package cliwire

import (
	"bytes"
	"encoding/json"
	"errors"
)

// Header is the first line of a request to the cli op.
type Header struct {
	Host     string            `json:"host"`
	Version  string            `json:"version"`
	Args     []string          `json:"args"`
	Env      map[string]string `json:"env"`
	TTY      bool              `json:"tty"`
	Cwd      string            `json:"cwd,omitempty"`
	Walked   *Walked           `json:"walked,omitempty"`
	Stdin    *Entry            `json:"stdin,omitempty"`
	MaxInput int64             `json:"maxInput,omitempty"`
}

// Entry is one path walked to (or stdin): its bytes follow the header, or
// it says why there are none.
type Entry struct {
	Path      string `json:"path,omitempty"`
	PathBytes int    `json:"pathBytes,omitempty"` // a name not UTF-8: its bytes lead the entry's
	Explicit  bool   `json:"explicit,omitempty"`
	Bytes     *int   `json:"bytes,omitempty"`
	Size      int64  `json:"size,omitempty"`    // too large: not read
	Special   string `json:"special,omitempty"` // fifo, device, socket, directory: not opened
	Error     string `json:"error,omitempty"`
}

// Walked is what a host found for a walk plan.
type Walked struct {
	Files []Entry `json:"files"`
	Cards []Entry `json:"cards"`
	Over  int64   `json:"over,omitempty"` // more than maxBytes in all: reading stopped
}

// Answer is the core's: a plan (walk, stdin, and to the Go CLI sign or
// verify) or, with Do "exit", the status and what to write.
type Answer struct {
	Do     string `json:"do"`
	Exit   int    `json:"exit"`
	Stdout int    `json:"stdout"` // lengths of Out and Err
	Stderr int    `json:"stderr"`
	// A walk plan.
	Paths        []string `json:"paths"`
	Cards        []string `json:"cards"`
	Ext          string   `json:"ext"`
	SkipDirs     []string `json:"skipDirs"`
	SkipHidden   bool     `json:"skipHidden"`
	MaxFileBytes int64    `json:"maxFileBytes"`
	MaxBytes     int64    `json:"maxBytes"` // of a walk's or stdin's bytes in all

	Out, Err []byte `json:"-"`
}

// Encode is a request: the header on one line, then blob.
func Encode(h *Header, blob []byte) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b) // one line, ending in the newline the bytes follow
	enc.SetEscapeHTML(false)
	if err := enc.Encode(h); err != nil {
		return nil, err
	}
	return append(b.Bytes(), blob...), nil
}

// Decode reads an answer: its header line and, for an exit, the bytes to
// write, which must be exactly as many as it says.
func Decode(out []byte) (Answer, error) {
	head, rest, ok := bytes.Cut(out, []byte("\n"))
	var a Answer
	if err := json.Unmarshal(head, &a); !ok || err != nil || a.Do == "" {
		return Answer{}, errors.New(`the core's answer is not {"do",…}`)
	}
	if a.Stdout < 0 || a.Stderr < 0 || a.Stdout+a.Stderr != len(rest) {
		return Answer{}, errors.New("the core's answer does not hold the bytes it announces")
	}
	a.Out, a.Err = rest[:a.Stdout], rest[a.Stdout:]
	return a, nil
}
