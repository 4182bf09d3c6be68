package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What lint must look at before it reads: a FIFO (it would block forever),
// a 200 MB sparse file (it would take the memory), a device, a socket, a
// directory named like a payload. Named or walked, each is reported, the
// exit status is 0, 1 or 2, and nothing hangs: each run has a deadline.
func TestLintLooksBeforeItReads(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, "payloads", name) }
	require.NoError(t, os.MkdirAll(p("dir.json"), 0o700))
	require.NoError(t, os.WriteFile(p("dir.json/a.json"), []byte(`{"cardList":[]}`), 0o600))
	require.NoError(t, syscall.Mkfifo(p("fifo.json"), 0o600))
	big, err := os.Create(p("sparse.json"))
	require.NoError(t, err)
	require.NoError(t, big.Truncate(200<<20))
	require.NoError(t, big.Close())
	require.NoError(t, os.Symlink("/dev/null", p("device.json")))
	l, err := net.Listen("unix", p("socket.json"))
	require.NoError(t, err)
	defer l.Close()
	t.Chdir(dir)

	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"lint", "payloads/fifo.json"}, []string{"payloads/fifo.json", "this is a fifo", "lint-file-invalid"}},
		{[]string{"lint", "payloads/sparse.json"}, []string{"the file is 209715200 bytes", "payload-limit"}},
		{[]string{"lint", "payloads/device.json"}, []string{"this is a device", "lint-file-invalid"}},
		{[]string{"lint", "payloads/socket.json"}, []string{"this is a socket", "lint-file-invalid"}},
		{[]string{"lint", "payloads/dir.json"}, []string{"payload-shape"}},
		{[]string{"lint", "payloads"}, []string{"this is a fifo", "this is a socket", "this is a device", "209715200 bytes"}},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			done := make(chan string, 1)
			go func() { done <- cliCase{args: c.args}.run(t) }()
			select {
			case out := <-done:
				assert.Regexp(t, `-- exit --\n[012]\n`, out)
				for _, w := range c.want {
					assert.Contains(t, out, w)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("lint hung")
			}
		})
	}
}
