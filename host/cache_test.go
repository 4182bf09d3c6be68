package host

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	wxwasm "github.com/wxcard/wxcard/wasm"
)

func TestDefaultCacheDirIsKeyedByModuleAndWazero(t *testing.T) {
	base, err := os.UserCacheDir()
	require.NoError(t, err)
	dir, err := DefaultCacheDir(wxwasm.SHA256)
	require.NoError(t, err)
	v := wazeroVersion()
	require.True(t, strings.HasPrefix(v, "v1."), "wazero version: %q", v)
	assert.Equal(t, filepath.Join(base, "wxcard", "wazero-"+v, wxwasm.SHA256[:16]), dir)

	_, err = DefaultCacheDir("abc")
	require.Error(t, err)
}

func TestCacheDirIsFilledAndReused(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the module into a new cache dir: slow under -race")
	}
	dir := filepath.Join(t.TempDir(), "cache")
	ctx := context.Background()
	r, err := New(ctx, WithCacheDir(dir))
	require.NoError(t, err)
	<-r.cm.done // New may answer on the bridge before the compiler is done
	require.NoError(t, r.Close(ctx))
	var files int
	require.NoError(t, filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files++
		}
		return err
	}))
	assert.Positive(t, files, "compiled code was written to the cache dir")

	r, err = New(ctx, WithCacheDir(dir))
	require.NoError(t, err)
	_, err = r.Call(ctx, "x", nil)
	require.NoError(t, err)
	require.NoError(t, r.Close(ctx))
}

func TestUnusableCacheDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	_, err := New(context.Background(), WithCacheDir(filepath.Join(file, "sub")))
	require.ErrorContains(t, err, "compilation cache")
}

func TestUnusableDefaultCacheDirFallsBackToMemory(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	t.Setenv("XDG_CACHE_HOME", file) // a file, not a directory
	r, err := New(context.Background())
	require.NoError(t, err)
	_, err = r.Call(context.Background(), "x", nil)
	require.NoError(t, err)
	require.NoError(t, r.Close(context.Background()))
}

func TestWazeroPinMatchesGoMod(t *testing.T) {
	mod, err := os.ReadFile("../go.mod")
	require.NoError(t, err)
	assert.Contains(t, string(mod), "github.com/tetratelabs/wazero "+wazeroPin+"\n",
		"update wazeroPin in host/cache.go when upgrading wazero")
}

func TestNewReusesTheCompiledModule(t *testing.T) {
	a := newTestRuntime(t)
	b := newTestRuntime(t)
	assert.Same(t, a.cm, b.cm, "a second New in the process does not compile again")
	c := newTestRuntime(t, WithMemoryLimit(64<<20))
	assert.NotSame(t, a.cm, c.cm, "a different memory cap is a different module")

	require.NoError(t, a.Close(context.Background()))
	_, err := b.Call(context.Background(), "x", nil)
	require.NoError(t, err, "closing one Runtime leaves the others working")
}
