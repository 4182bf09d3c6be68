package host

import (
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"

	"github.com/tetratelabs/wazero"
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
// hex SHA-256.
func cacheFor(cfg *config, moduleSHA string) (wazero.CompilationCache, error) {
	switch {
	case cfg.noCache:
		return sharedCache("")
	case cfg.cacheDir != "":
		return sharedCache(cfg.cacheDir)
	}
	dir, err := DefaultCacheDir(moduleSHA)
	if err != nil {
		return sharedCache("")
	}
	c, err := sharedCache(dir)
	if err != nil {
		// A default that cannot be used (read-only home, sandbox) must not
		// stop the program: it only costs compile time.
		return sharedCache("")
	}
	return c, nil
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
