package host

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"

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

// compiledModule is a wazero runtime holding WASI and one compiled module.
// Runtimes with the same compiledKey share it, so a second New in a process
// only instantiates: decoding and validating a 2 MB module again would cost
// tens of milliseconds, more with the race detector. It lives as long as the
// process; each host.Runtime owns and closes only its instances.
type compiledModule struct {
	rt       wazero.Runtime
	compiled wazero.CompiledModule
}

var compiled = struct {
	sync.Mutex
	m map[compiledKey]*compiledModule
}{m: map[compiledKey]*compiledModule{}}

// compile returns the shared compiled module for cfg and bin (hex SHA-256
// sum), compiling it on first use. Failures are not remembered.
func compile(cfg *config, bin []byte, sum string) (*compiledModule, error) {
	dir, cache, err := cacheFor(cfg, sum)
	if err != nil {
		return nil, fmt.Errorf("host: compilation cache %s: %w", cfg.cacheDir, err)
	}
	key := compiledKey{dir, sum, cfg.memoryPages}
	compiled.Lock()
	defer compiled.Unlock()
	if cm, ok := compiled.m[key]; ok {
		return cm, nil
	}
	// Not the caller's context: this runtime outlives the call to New.
	ctx := context.Background()
	// No WithCloseOnContextDone: it makes every call several times slower.
	// Deadlines are checked around calls instead; the core never loops.
	rt := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfig().
		WithCompilationCache(cache).
		WithMemoryLimitPages(cfg.memoryPages))
	if _, err := wasi_snapshot_preview1.Instantiate(ctx, rt); err != nil {
		rt.Close(ctx)
		return nil, fmt.Errorf("host: WASI: %w", err)
	}
	mod, err := rt.CompileModule(ctx, bin)
	if err != nil {
		rt.Close(ctx)
		return nil, fmt.Errorf("host: compile wxcard module: %w", err)
	}
	cm := &compiledModule{rt: rt, compiled: mod}
	compiled.m[key] = cm
	return cm, nil
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
