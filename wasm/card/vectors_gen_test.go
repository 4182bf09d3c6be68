package card

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestWriteVectorInputs writes every rule case as a conformance vector input
// under $WXCARD_WRITE_VECTORS (tests/vectors); `go test ./tests -update`
// then writes the expected outputs. Without the variable it only checks that
// every case is small enough to be a vector or is deliberately left out.
func TestWriteVectorInputs(t *testing.T) {
	dir := os.Getenv("WXCARD_WRITE_VECTORS")
	seen := map[string]int{}
	for _, tc := range ruleCases() {
		if len(tc.input) > 64<<10 {
			continue // the size limit is tested natively; vectors stay small
		}
		kind := "miss"
		if tc.trigger {
			kind = "hit"
		}
		key := tc.code + "." + kind
		seen[key]++
		name := fmt.Sprintf("%s.%d", key, seen[key])
		op := tc.op
		if opFunc(op) == nil {
			op = "_request"
		}
		if dir == "" {
			continue
		}
		d := filepath.Join(dir, op)
		require.NoError(t, os.MkdirAll(d, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(d, name+".input.json"), []byte(tc.input), 0o644))
		if op == "_request" {
			require.NoError(t, os.WriteFile(filepath.Join(d, name+".op"), []byte(tc.op), 0o644))
		}
	}
	require.NotEmpty(t, seen)
}
