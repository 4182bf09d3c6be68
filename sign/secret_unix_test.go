//go:build unix

package sign

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What a secret file cannot be is refused before it is opened, for either
// secret: a directory, a FIFO (opening it would block), a device, a file
// too large.
func TestSecretFileKinds(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	big := fileWriter(t, dir)("big", strings.Repeat("a", 64<<10+1))
	asDir := filepath.Join(dir, testKey)
	require.NoError(t, os.Mkdir(asDir, 0o700))

	loaders := map[string]func(string) error{
		"ticket":       func(p string) error { _, err := TicketFromFile(p); return err },
		"merchant key": func(p string) error { _, err := MerchantKeyFromFile(p); return err },
	}
	files := []struct{ path, want string }{
		{asDir, "is a directory, not a file"},
		{fifo, "is a named pipe (FIFO), not a file"},
		{"/dev/zero", "is a device, not a file"},
		{big, "larger than"},
	}
	for name, load := range loaders {
		for _, f := range files {
			t.Run(name+" "+filepath.Base(f.path), func(t *testing.T) {
				done := make(chan error, 1)
				go func() { done <- load(f.path) }()
				select {
				case err := <-done:
					require.Error(t, err)
					assert.Contains(t, err.Error(), f.want)
					assert.NotContains(t, err.Error(), dir)
					assert.NotContains(t, err.Error(), testKey[:12])
				case <-time.After(10 * time.Second):
					t.Fatal("reading the secret file hung")
				}
			})
		}
	}
	// A key file's bound is smaller: a key is 32 bytes.
	_, err := MerchantKeyFromFile(fileWriter(t, dir)("kilobyte", strings.Repeat("a", 1025)))
	assert.ErrorContains(t, err, "key file: larger than 1024 bytes, not a secret")
}
