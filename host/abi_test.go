package host_test

import (
	"context"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"

	"github.com/wxcard/wxcard/wasm"
)

// documentedImports reads the WASI imports wasm/ABI.md promises hosts need.
func documentedImports(t *testing.T) []string {
	doc, err := os.ReadFile("../wasm/ABI.md")
	require.NoError(t, err)
	var names []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z_]+)` \\| [^|]+\\|$").FindAllSubmatch(doc, -1) {
		names = append(names, string(m[1]))
	}
	require.NotEmpty(t, names)
	return names
}

// The JS shim supplies its own small import object, so a new import in the
// module must show up in ABI.md before it ships.
func TestModuleImports(t *testing.T) {
	ctx := context.Background()
	// The interpreter only decodes: listing imports needs no machine code.
	r := wazero.NewRuntimeWithConfig(ctx, wazero.NewRuntimeConfigInterpreter())
	defer r.Close(ctx)
	cm, err := r.CompileModule(ctx, wasm.Binary)
	require.NoError(t, err)
	documented := documentedImports(t)
	for _, f := range cm.ImportedFunctions() {
		module, name, _ := f.Import()
		t.Logf("import %s.%s %s -> %s", module, name, typeNames(f.ParamTypes()), typeNames(f.ResultTypes()))
		assert.Equal(t, "wasi_snapshot_preview1", module, name)
		assert.Contains(t, documented, name, "import %s is not documented in wasm/ABI.md", name)
	}
	assert.Empty(t, cm.ImportedMemories())

	var exports []string
	for name := range cm.ExportedFunctions() {
		exports = append(exports, name)
	}
	slices.Sort(exports)
	assert.Equal(t, []string{"_initialize", "wxcard_abi_version", "wxcard_alloc", "wxcard_call", "wxcard_free"}, exports)
	assert.Contains(t, cm.ExportedMemories(), "memory")
}

func typeNames(ts []api.ValueType) []string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = api.ValueTypeName(t)
	}
	return names
}
