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

	cm       *compiledModule
	modCfg   wazero.ModuleConfig
	maxInput int

	slots chan struct{}  // one token per instance that may exist at once
	idle  chan *instance // instances free to take a call

	instantiations int // for tests: how many instances were created
	countMu        sync.Mutex
}

// New compiles the module, unless this process already did with the same
// options, and starts one instance, so that a broken module or configuration
// fails here rather than on the first call. Without machine code in a cache
// it does not wait the second the compiler takes: past a short grace, calls
// run on wazero's interpreter until the compiled module is ready (the same
// answers, slower), and on compiled instances from then on.
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
	return newRuntime(ctx, &cfg, cm)
}

// newRuntime is New once the module is compiled.
func newRuntime(ctx context.Context, cfg *config, cm *compiledModule) (*Runtime, error) {
	r := &Runtime{
		cm:       cm,
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
	eng := r.cm.acquire()
	mod, err := eng.rt.InstantiateModule(experimental.WithMemoryAllocator(ctx, memoryAllocator), eng.compiled, r.modCfg.WithStderr(stderr))
	if err != nil {
		r.cm.release(eng)
		return nil, &GuestError{Op: "_initialize", Stderr: stderr.String(), Err: err}
	}
	inst, err := newInstance(mod, stderr)
	if err != nil {
		mod.Close(ctx)
		r.cm.release(eng)
		return nil, fmt.Errorf("host: not a wxcard module: %w", err)
	}
	inst.eng, inst.cm = eng, r.cm
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
	r.putBack(ctx, inst)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// putBack returns inst to the pool, unless it ran on the bridge and the
// compiled module is ready: then it makes way for a compiled instance.
func (r *Runtime) putBack(ctx context.Context, inst *instance) {
	if !r.cm.current(inst.eng) {
		inst.close(ctx)
		return
	}
	r.idle <- inst
}

// Close waits for calls under way, then releases every instance. Calls after
// Close fail with ErrClosed; closing twice is harmless. The compiled module
// stays in the process for the next New. If the compiler is still at work
// (calls ran on the bridge), Close waits for it, or for ctx, so that even a
// short-lived process leaves the machine code in the cache for the next.
func (r *Runtime) Close(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil
	}
	r.closed = true
	for done := false; !done; {
		select {
		case inst := <-r.idle:
			inst.close(ctx)
		default:
			done = true
		}
	}
	select {
	case <-r.cm.done:
	case <-ctx.Done():
	}
	return nil
}
