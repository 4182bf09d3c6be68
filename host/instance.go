package host

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/sys"
)

// abiVersion is the wxcard_abi_version this host speaks (see wasm/ABI.md).
const abiVersion = 1

const (
	// minBuffer is the smallest input block asked of the guest: most
	// payloads fit, so most calls reuse one block and never allocate.
	minBuffer = 16 << 10
	// keepBuffer is the largest block an instance keeps between calls. A
	// larger one (a rare huge input) is freed after its call so that it
	// does not pin guest memory for the life of the instance.
	keepBuffer = 1<<20 + 64<<10
	// stderrKeep is how much of the start, and of the end, of the guest's
	// stderr an error carries.
	stderrKeep = 4 << 10
)

// instance is one module instance. It runs one call at a time: wazero's
// api.Function is not safe for concurrent use.
type instance struct {
	mod               api.Module
	mem               api.Memory
	alloc, free, call api.Function
	stderr            *stderrWriter
	stack             [4]uint64

	buf, bufCap uint32 // guest block holding op and input, 0 when none

	eng *engine // what it was made from (see compiledModule)
	cm  *compiledModule
}

func newInstance(mod api.Module, stderr *stderrWriter) (*instance, error) {
	inst := &instance{mod: mod, mem: mod.Memory(), stderr: stderr}
	if inst.mem == nil {
		return nil, errors.New("module exports no memory")
	}
	i32, i64 := api.ValueTypeI32, api.ValueTypeI64
	var v api.Function
	for _, e := range []struct {
		name            string
		fn              *api.Function
		params, results []api.ValueType
	}{
		{"wxcard_abi_version", &v, nil, []api.ValueType{i32}},
		{"wxcard_alloc", &inst.alloc, []api.ValueType{i32}, []api.ValueType{i32}},
		{"wxcard_free", &inst.free, []api.ValueType{i32}, nil},
		{"wxcard_call", &inst.call, []api.ValueType{i32, i32, i32, i32}, []api.ValueType{i64}},
	} {
		f := mod.ExportedFunction(e.name)
		if f == nil {
			return nil, fmt.Errorf("module does not export %s", e.name)
		}
		d := f.Definition()
		if !slices.Equal(d.ParamTypes(), e.params) || !slices.Equal(d.ResultTypes(), e.results) {
			return nil, fmt.Errorf("%s has the wrong signature", e.name)
		}
		*e.fn = f
	}
	if err := v.CallWithStack(context.Background(), inst.stack[:]); err != nil {
		return nil, fmt.Errorf("wxcard_abi_version: %w", err)
	}
	if got := uint32(inst.stack[0]); got != abiVersion {
		return nil, fmt.Errorf("module speaks ABI %d, this host speaks %d", got, abiVersion)
	}
	return inst, nil
}

// run hands op and input to the guest and returns a copy of its output.
// Any error leaves the instance in an unknown state: the caller discards it.
func (in *instance) run(ctx context.Context, op string, input []byte) ([]byte, error) {
	in.stderr.Reset()
	n := uint64(len(op)) + uint64(len(input))
	if n > uint64(in.bufCap) {
		if err := in.grow(ctx, n); err != nil {
			return nil, err
		}
	}
	opPtr, inPtr := in.buf, in.buf+uint32(len(op))
	if !in.mem.WriteString(opPtr, op) || !in.mem.Write(inPtr, input) {
		return nil, errors.New("input block lies outside guest memory")
	}
	in.stack[0], in.stack[1], in.stack[2], in.stack[3] = uint64(opPtr), uint64(len(op)), uint64(inPtr), uint64(len(input))
	if err := in.call.CallWithStack(ctx, in.stack[:]); err != nil {
		return nil, err
	}
	ptr, size := uint32(in.stack[0]>>32), uint32(in.stack[0])
	out, ok := in.mem.Read(ptr, size)
	if !ok {
		return nil, fmt.Errorf("output [%d, +%d) lies outside guest memory", ptr, size)
	}
	// The view is only valid until the next call; the caller keeps a copy.
	out = append([]byte(nil), out...)
	if in.bufCap > keepBuffer {
		if err := in.release(ctx); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// grow replaces the input block with one of at least n bytes.
func (in *instance) grow(ctx context.Context, n uint64) error {
	if err := in.release(ctx); err != nil {
		return err
	}
	size := uint64(minBuffer)
	for size < n {
		size *= 2
	}
	if size > keepBuffer {
		size = n // a one-off: exactly what is needed
	}
	if size > 1<<32-1 {
		return fmt.Errorf("input of %d bytes does not fit a 32-bit guest", n)
	}
	in.stack[0] = size
	if err := in.alloc.CallWithStack(ctx, in.stack[:]); err != nil {
		return err
	}
	in.buf, in.bufCap = uint32(in.stack[0]), uint32(size)
	if in.buf == 0 {
		return errors.New("wxcard_alloc returned 0")
	}
	return nil
}

func (in *instance) release(ctx context.Context) error {
	if in.buf == 0 {
		return nil
	}
	in.stack[0] = uint64(in.buf)
	in.buf, in.bufCap = 0, 0
	return in.free.CallWithStack(ctx, in.stack[:])
}

// memoryBytes is the current size of the instance's linear memory.
func (in *instance) memoryBytes() uint32 { return in.mem.Size() }

func (in *instance) close(ctx context.Context) {
	_ = in.mod.Close(ctx)
	if in.cm != nil {
		in.cm.release(in.eng)
		in.cm = nil // closing twice releases once
	}
}

// GuestError is a call that failed inside the module: a trap, a Go panic,
// running out of memory. The instance it ran on has been discarded; the next
// call runs on a fresh one.
type GuestError struct {
	Op     string
	Stderr string // the start and end of what the guest wrote to stderr during the call
	Err    error  // from wazero: a trap, or a *sys.ExitError if the guest exited
}

func (e *GuestError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "host: %s failed in the guest: ", e.Op)
	var exit *sys.ExitError
	if errors.As(e.Err, &exit) {
		fmt.Fprintf(&b, "guest exited with code %d", exit.ExitCode())
	} else {
		b.WriteString(e.Err.Error())
	}
	if s := strings.TrimSpace(e.Stderr); s != "" {
		b.WriteString("\nguest stderr:\n")
		b.WriteString(s)
	}
	return b.String()
}

func (e *GuestError) Unwrap() error { return e.Err }

// stderrWriter keeps the start and the end of what the guest writes: a Go
// fatal error puts its reason first and a long goroutine dump after it, and
// both ends are what a reader needs.
type stderrWriter struct {
	mu      sync.Mutex
	head    []byte
	tail    []byte
	dropped int
}

func (w *stderrWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := len(p)
	if room := stderrKeep - len(w.head); room > 0 {
		k := min(room, len(p))
		w.head = append(w.head, p[:k]...)
		p = p[k:]
	}
	w.tail = append(w.tail, p...)
	if over := len(w.tail) - stderrKeep; over > 0 {
		w.dropped += over
		w.tail = append(w.tail[:0], w.tail[over:]...)
	}
	return n, nil
}

func (w *stderrWriter) Reset() {
	w.mu.Lock()
	w.head, w.tail, w.dropped = w.head[:0], w.tail[:0], 0
	w.mu.Unlock()
}

func (w *stderrWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.dropped == 0 {
		return string(w.head) + string(w.tail)
	}
	return fmt.Sprintf("%s\n… %d bytes left out …\n%s", w.head, w.dropped, w.tail)
}
