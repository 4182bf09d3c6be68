package host

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/imports/wasi_snapshot_preview1"
)

// caches holds one wazero.CompilationCache per directory for the whole
// process ("" is the in-memory one). Runtimes that share a cache share its
// engine and therefore its compiled code: a second New in a process does not
// compile again. They are never closed, on purpose.
var caches = struct {
	sync.Mutex
	m map[string]wazero.CompilationCache
}{m: map[string]wazero.CompilationCache{}}

func sharedCache(dir string) (wazero.CompilationCache, error) {
	caches.Lock()
	defer caches.Unlock()
	if c, ok := caches.m[dir]; ok {
		return c, nil
	}
	var c wazero.CompilationCache
	if dir == "" {
		c = wazero.NewCompilationCache()
	} else {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		var err error
		if c, err = wazero.NewCompilationCacheWithDir(dir); err != nil {
			return nil, err
		}
	}
	caches.m[dir] = c
	return c, nil
}

// cacheFor picks the compilation cache for cfg and a module with the given
// hex SHA-256, and says which directory it uses ("" in memory).
func cacheFor(cfg *config, moduleSHA string) (string, wazero.CompilationCache, error) {
	switch {
	case cfg.noCache:
		c, err := sharedCache("")
		return "", c, err
	case cfg.cacheDir != "":
		c, err := sharedCache(cfg.cacheDir)
		return cfg.cacheDir, c, err
	}
	if dir, err := DefaultCacheDir(moduleSHA); err == nil {
		if c, err := sharedCache(dir); err == nil {
			return dir, c, nil
		}
	}
	// A default that cannot be used (no home, read-only, sandbox) must not
	// stop the program: it only costs compile time.
	c, err := sharedCache("")
	return "", c, err
}

// compiledKey is what a compiled module depends on: where its machine code
// is cached, which bytes, and the memory cap (applied when decoding).
type compiledKey struct {
	cacheDir string
	sum      string
	pages    uint32
}

// engine is a wazero runtime holding WASI and the compiled module.
type engine struct {
	rt       wazero.Runtime
	compiled wazero.CompiledModule
	bridge   bool // wazero's interpreter, standing in while the compiler works
	live     int  // a bridge's instances not yet closed (under compiledModule.mu)
}

func newEngine(cfg wazero.RuntimeConfig, bin []byte, bridge bool) (*engine, error) {
	// Not the caller's context: this runtime outlives the call to New.
	ctx := context.Background()
	rt := wazero.NewRuntimeWithConfig(ctx, cfg)
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		rt.Close(ctx)
		return nil, fmt.Errorf("host: WASI: %w", err)
	}
	mod, err := rt.CompileModule(ctx, bin)
	if err != nil {
		rt.Close(ctx)
		return nil, fmt.Errorf("host: compile wxcard module: %w", err)
	}
	return &engine{rt: rt, compiled: mod, bridge: bridge}, nil
}

// compiledModule is the module compiled to machine code, shared by the
// Runtimes with the same compiledKey, so a second New in a process only
// instantiates. It lives as long as the process; each host.Runtime owns and
// closes only its instances.
//
// Compiling takes about a second when no cache holds the machine code (a
// first run, a CI machine); wazero's interpreter is ready in a tenth of
// that and gives the same answers, 20–50 times slower. So while the compiler
// works, past a grace that a cached compile stays within, calls run on a
// bridge: the interpreter's instances, closed as they come back once the
// compiler is done, and the bridge with the last of them (it holds ~60 MB).
type compiledModule struct {
	done chan struct{} // closed when the compiler has finished
	fast *engine       // the compiler's, once done without error
	err  error         // the compiler's error, once done

	mu     sync.Mutex
	bridge *engine
}

// bridgeAfter is how long New waits for the compiler before it starts the
// bridge: New with a warm cache answers in about 50 ms in all.
const bridgeAfter = 100 * time.Millisecond

var compiled = struct {
	sync.Mutex
	m map[compiledKey]*compiledModule
}{m: map[compiledKey]*compiledModule{}}

// compile returns the shared compiled module for cfg and bin (hex SHA-256
// sum), ready to instantiate: compiled, or bridged while the compiler works.
// Failures are not remembered.
func compile(cfg *config, bin []byte, sum string) (*compiledModule, error) {
	dir, cache, err := cacheFor(cfg, sum)
	if err != nil {
		return nil, fmt.Errorf("host: compilation cache %s: %w", cfg.cacheDir, err)
	}
	key := compiledKey{dir, sum, cfg.memoryPages}
	compiled.Lock()
	cm, ok := compiled.m[key]
	if !ok {
		cm = &compiledModule{done: make(chan struct{})}
		compiled.m[key] = cm
		// No WithCloseOnContextDone: it makes every call several times
		// slower. Deadlines are checked around calls instead; the core
		// never loops.
		rc := wazero.NewRuntimeConfigCompiler().WithCompilationCache(cache).WithMemoryLimitPages(cfg.memoryPages)
		go cm.compile(key, rc, bin)
	}
	compiled.Unlock()
	if !cfg.noBridge {
		t := time.NewTimer(bridgeAfter)
		defer t.Stop()
		select {
		case <-cm.done:
		case <-t.C:
			if cm.startBridge(cfg.memoryPages, bin) == nil {
				return cm, nil
			}
		}
	}
	<-cm.done
	if cm.err != nil {
		return nil, cm.err
	}
	return cm, nil
}

func (cm *compiledModule) compile(key compiledKey, rc wazero.RuntimeConfig, bin []byte) {
	cm.fast, cm.err = newEngine(rc, bin, false)
	if cm.err != nil {
		compiled.Lock()
		delete(compiled.m, key) // the next New tries again
		compiled.Unlock()
	}
	close(cm.done)
	cm.mu.Lock()
	cm.retire()
	cm.mu.Unlock()
}

// startBridge starts the interpreter's engine, once, unless the compiler
// has finished meanwhile.
func (cm *compiledModule) startBridge(pages uint32, bin []byte) error {
	cm.mu.Lock()
	defer cm.mu.Unlock()
	if cm.bridge != nil || cm.ready() {
		return nil
	}
	e, err := newEngine(wazero.NewRuntimeConfigInterpreter().WithMemoryLimitPages(pages), bin, true)
	if err == nil {
		cm.bridge = e
	}
	return err
}

func (cm *compiledModule) ready() bool {
	select {
	case <-cm.done:
		return cm.fast != nil
	default:
		return false
	}
}

// acquire is the engine a new instance is made from: the compiler's once
// ready, else the bridge (counted, so it is not closed under the instance).
func (cm *compiledModule) acquire() *engine {
	if cm.ready() {
		return cm.fast
	}
	cm.mu.Lock()
	defer cm.mu.Unlock()
	if cm.ready() || cm.bridge == nil {
		<-cm.done // a compiler that failed with no bridge: New reported it
		return cm.fast
	}
	cm.bridge.live++
	return cm.bridge
}

// current reports whether e is still the engine to keep instances of.
func (cm *compiledModule) current(e *engine) bool { return !e.bridge || !cm.ready() }

// release is the end of an instance of e.
func (cm *compiledModule) release(e *engine) {
	if !e.bridge {
		return
	}
	cm.mu.Lock()
	defer cm.mu.Unlock()
	e.live--
	cm.retire()
}

// retire closes the bridge once the compiler is ready and no instance of
// the bridge is left. Under mu.
func (cm *compiledModule) retire() {
	if b := cm.bridge; b != nil && b.live == 0 && cm.ready() {
		b.rt.Close(context.Background())
		cm.bridge = nil
	}
}

// DefaultCacheDir is where New keeps compiled code for a module with the
// given hex SHA-256 when no cache option is given:
// <os.UserCacheDir>/wxcard/wazero-<version>/<first 16 hex digits>. Keying by
// both means a new module or a new wazero never reads stale machine code,
// and old entries can be deleted by directory.
func DefaultCacheDir(moduleSHA string) (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	if len(moduleSHA) < 16 {
		return "", errors.New("host: module hash too short")
	}
	return filepath.Join(base, "wxcard", "wazero-"+wazeroVersion(), moduleSHA[:16]), nil
}

// wazeroPin is the wazero version in go.mod (a test keeps them equal). Test
// binaries carry no module versions in their build info, and wazero then
// stamps its cache entries "dev"; without this, a test run after a wazero
// upgrade could load machine code compiled by the old one.
const wazeroPin = "v1.12.0"

func wazeroVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, d := range info.Deps {
			if d.Path == "github.com/tetratelabs/wazero" {
				if d.Replace != nil && d.Replace.Version != "" {
					return d.Replace.Version
				}
				if d.Version != "" && d.Version != "(devel)" {
					return d.Version
				}
			}
		}
	}
	return wazeroPin
}
