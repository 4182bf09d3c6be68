package host

import "runtime"

// Option configures New.
type Option func(*config)

type config struct {
	module      []byte // nil: the embedded wasm.Binary
	cacheDir    string // "": the default under os.UserCacheDir
	noCache     bool
	noBridge    bool // wait for the compiler instead of interpreting meanwhile (tests)
	poolSize    int
	memoryPages uint32
	maxInput    int
}

const (
	pageSize = 64 << 10

	// DefaultMemoryLimit caps one instance's linear memory. The core refuses
	// inputs over 1 MiB without parsing them, so a healthy instance stays
	// far below this; the cap only stops a runaway guest from taking the
	// host down with it.
	DefaultMemoryLimit = 128 << 20

	// DefaultMaxInput is the largest input Call hands to the guest. Larger
	// inputs are refused before they are copied into guest memory.
	DefaultMaxInput = 16 << 20
)

func defaultConfig() config {
	return config{
		poolSize:    runtime.GOMAXPROCS(0),
		memoryPages: DefaultMemoryLimit / pageSize,
		maxInput:    DefaultMaxInput,
	}
}

// WithModule runs the given module bytes instead of the embedded one. It is
// meant for tests (a corrupted or older module); the bytes must not change
// while the Runtime is open.
func WithModule(wasm []byte) Option {
	return func(c *config) { c.module = wasm }
}

// WithCacheDir stores compiled machine code in dir, so the next process
// skips compilation (hundreds of milliseconds) and answers at once. New
// fails if dir cannot be used, because the caller asked for it.
func WithCacheDir(dir string) Option {
	return func(c *config) { c.cacheDir, c.noCache = dir, false }
}

// WithoutCache compiles in memory only: nothing is written to disk. Runtimes
// in one process still share what was compiled.
func WithoutCache() Option {
	return func(c *config) { c.cacheDir, c.noCache = "", true }
}

// WithPoolSize sets how many instances may run at once (default GOMAXPROCS).
// An instance runs one call at a time, so this bounds parallelism; callers
// beyond it wait for a free instance. Values below 1 mean 1.
func WithPoolSize(n int) Option {
	return func(c *config) { c.poolSize = max(n, 1) }
}

// WithMemoryLimit caps each instance's linear memory at the given number of
// bytes (rounded down to 64 KiB pages; default DefaultMemoryLimit). A guest
// that needs more fails its call with an error and is replaced.
func WithMemoryLimit(bytes uint64) Option {
	return func(c *config) {
		pages := bytes / pageSize
		c.memoryPages = uint32(min(max(pages, 1), 65536))
	}
}

// WithMaxInput sets the largest input, in bytes, Call accepts (default
// DefaultMaxInput). Larger inputs fail with ErrInputTooLarge before they
// reach the guest.
func WithMaxInput(bytes int) Option {
	return func(c *config) { c.maxInput = max(bytes, 0) }
}
