package host

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/experimental"

	wxwasm "github.com/wxcard/wxcard/wasm"
)

// ErrClosed is returned by calls on a Runtime after Close.
var ErrClosed = errors.New("host: runtime is closed")

// ErrInputTooLarge is returned (wrapped) for an input over the WithMaxInput
// cap. It never reaches the guest.
var ErrInputTooLarge = errors.New("host: input too large")

// Runtime runs the wxcard module on a pool of instances. It is safe for
// concurrent use.
type Runtime struct {
	// mu is held shared by every call and exclusively by Close, so Close
	// waits for calls under way instead of pulling memory from under them.
	mu     sync.RWMutex
	closed bool

	rt       wazero.Runtime
	compiled wazero.CompiledModule
	modCfg   wazero.ModuleConfig
	maxInput int

	slots chan struct{}  // one token per instance that may exist at once
	idle  chan *instance // instances free to take a call

	instantiations int // for tests: how many instances were created
	countMu        sync.Mutex
}

// New compiles the module, unless this process already did with the same
// options, and starts one instance, so that a broken module or configuration
// fails here rather than on the first call.
func New(ctx context.Context, opts ...Option) (*Runtime, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	bin, sum := cfg.module, wxwasm.SHA256
	if bin == nil {
		bin = wxwasm.Binary
	} else {
		s := sha256.Sum256(bin)
		sum = hex.EncodeToString(s[:])
	}
	cm, err := compile(&cfg, bin, sum)
	if err != nil {
		return nil, err
	}
	r := &Runtime{
		rt:       cm.rt,
		compiled: cm.compiled,
		maxInput: cfg.maxInput,
		slots:    make(chan struct{}, cfg.poolSize),
		idle:     make(chan *instance, cfg.poolSize),
	}
	// Real clocks: with wazero's default fake clock the Go scheduler in the
	// guest never sees time pass, its GC stalls and memory grows without
	// bound. No filesystem, environment or arguments: the core needs none.
	r.modCfg = wazero.NewModuleConfig().
		WithName("").
		WithStartFunctions("_initialize").
		WithSysNanotime().
		WithSysWalltime().
		WithSysNanosleep().
		WithRandSource(rand.Reader)

	inst, err := r.instantiate(ctx)
	if err != nil {
		return nil, err
	}
	r.idle <- inst
	return r, nil
}

func (r *Runtime) instantiate(ctx context.Context) (*instance, error) {
	stderr := &stderrWriter{}
	mod, err := r.rt.InstantiateModule(experimental.WithMemoryAllocator(ctx, memoryAllocator), r.compiled, r.modCfg.WithStderr(stderr))
	if err != nil {
		return nil, &GuestError{Op: "_initialize", Stderr: stderr.String(), Err: err}
	}
	inst, err := newInstance(mod, stderr)
	if err != nil {
		mod.Close(ctx)
		return nil, fmt.Errorf("host: not a wxcard module: %w", err)
	}
	r.countMu.Lock()
	r.instantiations++
	r.countMu.Unlock()
	return inst, nil
}

// Call runs op on input, a JSON request {"payload":...,"options":{...}},
// and returns the module's JSON output, byte for byte what card.Call
// returns natively. A not-ok output is not an error: errors are for the host
// (closed runtime, input over the cap, context done, a guest that crashed).
//
// The context is checked before the call, while waiting for an instance and
// after the call; a call already in the guest is not interrupted.
func (r *Runtime) Call(ctx context.Context, op string, input []byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(input) > r.maxInput {
		return nil, fmt.Errorf("%w: %d bytes, limit %d (host.WithMaxInput)", ErrInputTooLarge, len(input), r.maxInput)
	}
	if len(op) > r.maxInput {
		return nil, fmt.Errorf("%w: op name of %d bytes", ErrInputTooLarge, len(op))
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	if r.closed {
		return nil, ErrClosed
	}
	select {
	case r.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-r.slots }()

	var inst *instance
	select {
	case inst = <-r.idle:
	default:
		var err error
		if inst, err = r.instantiate(ctx); err != nil {
			return nil, err
		}
	}
	out, err := inst.run(ctx, op, input)
	if err != nil {
		// After a trap the guest's heap may be half-updated: never reuse it.
		inst.close(ctx)
		return nil, &GuestError{Op: op, Stderr: inst.stderr.String(), Err: err}
	}
	r.idle <- inst
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Close waits for calls under way, then releases every instance. Calls after
// Close fail with ErrClosed; closing twice is harmless. The compiled module
// stays in the process for the next New.
func (r *Runtime) Close(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil
	}
	r.closed = true
	for {
		select {
		case inst := <-r.idle:
			inst.close(ctx)
		default:
			return nil
		}
	}
}
