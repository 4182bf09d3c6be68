// Command wasmprof says where the module spends a call under wazero: it
// runs one request many times through a build of wasm/guest that keeps its
// function names and counts the guest's function calls per request, by
// function (a wazero function listener; exact), and times the request
// without the listener. build/profile-wasm.sh runs it beside a sampling
// profile of the same code in V8 (node --cpu-prof), which gives the shares
// of time by function that the listener, costing ~250 ns a call, cannot.
//
//	go run ./build/wasmprof guest.wasm [op request.json]
//
// Without a request it runs the benchmarks' validateCardList of 10 cards.
package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"

	"github.com/wxcard/wxcard/internal/benchdata"
)

// counter counts the calls of every function while on.
type counter struct {
	on    bool
	calls map[string]int
}

type listener struct{ c *counter }

func (l listener) Before(_ context.Context, _ api.Module, def api.FunctionDefinition, _ []uint64, _ experimental.StackIterator) {
	if l.c.on {
		l.c.calls[def.DebugName()]++
	}
}
func (listener) After(context.Context, api.Module, api.FunctionDefinition, []uint64) {}
func (listener) Abort(context.Context, api.Module, api.FunctionDefinition, error)    {}

type factory struct{ c *counter }

func (f factory) NewFunctionListener(api.FunctionDefinition) experimental.FunctionListener {
	return listener{f.c}
}

// guest is one instance, ready to call op on input.
type guest struct {
	ctx  context.Context
	call api.Function
	args []uint64
}

func newGuest(ctx context.Context, bin []byte, op string, input []byte) (*guest, error) {
	r := wazero.NewRuntime(ctx)
	wasi_snapshot_preview1.MustInstantiate(ctx, r)
	mod, err := r.InstantiateWithConfig(ctx, bin, wazero.NewModuleConfig().WithStartFunctions().
		WithSysNanotime().WithSysWalltime().WithSysNanosleep().WithStderr(os.Stderr))
	if err != nil {
		return nil, err
	}
	if _, err := mod.ExportedFunction("_initialize").Call(ctx); err != nil {
		return nil, err
	}
	res, err := mod.ExportedFunction("wxcard_alloc").Call(ctx, uint64(len(op)+len(input)))
	if err != nil {
		return nil, err
	}
	p := uint32(res[0])
	mod.Memory().Write(p, append([]byte(op), input...))
	g := &guest{ctx: ctx, call: mod.ExportedFunction("wxcard_call"),
		args: []uint64{uint64(p), uint64(len(op)), uint64(p) + uint64(len(op)), uint64(len(input))}}
	return g, nil
}

func (g *guest) run(n int) (time.Duration, error) {
	start := time.Now()
	for i := 0; i < n; i++ {
		if _, err := g.call.Call(g.ctx, g.args...); err != nil {
			return 0, err
		}
	}
	return time.Since(start) / time.Duration(n), nil
}

func main() {
	if len(os.Args) != 2 && len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: wasmprof guest.wasm [op request.json]")
		os.Exit(2)
	}
	op, input := "validateCardList", benchdata.ValidateCardList(10)
	var err error
	if len(os.Args) == 4 {
		op = os.Args[2]
		input, err = os.ReadFile(os.Args[3])
	}
	if err == nil {
		err = profile(os.Args[1], op, input)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmprof:", err)
		os.Exit(1)
	}
}

func profile(wasmPath, op string, input []byte) error {
	bin, err := os.ReadFile(wasmPath)
	if err != nil {
		return err
	}
	const warm, runs = 300, 3000
	plain, err := newGuest(context.Background(), bin, op, input)
	if err != nil {
		return err
	}
	if _, err := plain.run(warm); err != nil {
		return err
	}
	per, err := plain.run(runs)
	if err != nil {
		return err
	}
	c := &counter{calls: map[string]int{}}
	counted, err := newGuest(experimental.WithFunctionListenerFactory(context.Background(), factory{c}), bin, op, input)
	if err != nil {
		return err
	}
	if _, err := counted.run(warm); err != nil {
		return err
	}
	c.on = true
	if _, err := counted.run(runs); err != nil {
		return err
	}
	type fn struct {
		name  string
		calls int
	}
	var fns []fn
	total := 0
	for name, n := range c.calls {
		fns = append(fns, fn{name, n})
		total += n
	}
	sort.Slice(fns, func(i, j int) bool {
		return fns[i].calls > fns[j].calls || fns[i].calls == fns[j].calls && fns[i].name < fns[j].name
	})
	fmt.Printf("wazero: %s of %d bytes: %.1f µs a call, %.0f guest function calls a call\n", op, len(input), float64(per.Nanoseconds())/1e3, float64(total)/runs)
	for i, f := range fns {
		if i == 25 {
			break
		}
		fmt.Printf("  %7.1f  %s\n", float64(f.calls)/runs, shortName(f.name))
	}
	return nil
}

// shortName drops the module path from a Go function's wasm name.
func shortName(s string) string {
	s = strings.TrimPrefix(s, ".")
	return strings.TrimPrefix(s, "github.com_wxcard_wxcard_wasm_card.")
}
