package host_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/wasm/card"
)

const vectorsDir = "../tests/vectors"

// vector is one conformance case (format: tests/vectors/README.md).
type vector struct {
	name, op   string
	input      []byte
	outputPath string
}

// loadVectors walks tests/vectors/<op>/<name>.input.json. Under _request the
// op is in <name>.op instead. Every input must have its output next to it.
func loadVectors(t *testing.T) []vector {
	t.Helper()
	var vs []vector
	err := filepath.WalkDir(vectorsDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".input.json") {
			return err
		}
		rel, _ := filepath.Rel(vectorsDir, path)
		dir := filepath.Dir(rel)
		require.NotContains(t, dir, string(filepath.Separator), "vector %s is nested too deep", rel)
		base := strings.TrimSuffix(path, ".input.json")
		v := vector{name: strings.TrimSuffix(rel, ".input.json"), op: dir, outputPath: base + ".output.json"}
		if dir == "_request" {
			op, err := os.ReadFile(base + ".op")
			require.NoError(t, err, "vector %s needs %s", rel, base+".op")
			v.op = strings.TrimRight(string(op), "\r\n")
		}
		v.input, err = os.ReadFile(path)
		require.NoError(t, err)
		vs = append(vs, v)
		return nil
	})
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	return vs
}

// TestConformanceVectors runs every vector through the wasm in wazero:
// its output must be byte-identical to the committed output and to native
// card.Call.
func TestConformanceVectors(t *testing.T) {
	vs := loadVectors(t)
	if len(vs) == 0 {
		t.Skip("no vectors under tests/vectors yet")
	}
	rt := newRuntime(t)
	for _, v := range vs {
		t.Run(v.name, func(t *testing.T) {
			want, err := os.ReadFile(v.outputPath)
			require.NoError(t, err, "every input needs its output file")
			native := card.Call(v.op, v.input)
			got, err := rt.Call(context.Background(), v.op, v.input)
			require.NoError(t, err)
			assert.True(t, bytes.Equal(native, want), "native output differs from %s (stale vector?)\nnative: %s\nwant:   %s", v.outputPath, native, want)
			assert.True(t, bytes.Equal(got, native), "wasm output differs from native (stale wasm/wxcard.wasm? run make wasm)\nwasm:   %s\nnative: %s", got, native)
		})
	}
}
