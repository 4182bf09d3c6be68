package tests

import (
	"encoding/json"
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxcard/wxcard/wasm/card"
)

var update = flag.Bool("update", false, "rewrite the expected outputs from native Go")

// TestVectorsNative runs every vector through native card.Call: the output
// must be byte-identical to the committed one.
func TestVectorsNative(t *testing.T) {
	vs, err := Load(Dir())
	require.NoError(t, err)
	require.NotEmpty(t, vs)
	for _, v := range vs {
		t.Run(v.Name, func(t *testing.T) {
			got := card.Call(v.Op, v.Input)
			if *update {
				require.NoError(t, os.WriteFile(v.OutputPath, got, 0o644))
				return
			}
			require.NotNil(t, v.Output, "no expected output: run go test ./tests -update")
			assert.Equal(t, string(v.Output), string(got))
		})
	}
}

// The vectors cover every op and every rule of the catalogue.
func TestVectorsCoverEveryRuleAndOp(t *testing.T) {
	vs, err := Load(Dir())
	require.NoError(t, err)
	codes, ops := map[string]bool{}, map[string]bool{}
	for _, v := range vs {
		ops[v.Op] = true
		if v.Op == card.OpCLI {
			continue // answers words and bytes, not diagnostics
		}
		var o struct{ Diagnostics []card.Diagnostic }
		require.NoError(t, json.Unmarshal(v.Output, &o), v.Name)
		for _, d := range o.Diagnostics {
			codes[d.Code] = true
		}
	}
	for _, r := range card.Rules() {
		assert.True(t, codes[r.Code], "no vector reports %s", r.Code)
	}
	for _, op := range []string{card.OpValidateCardList, card.OpBuildAddCard, card.OpBuildOpenCard, card.OpParseAddCardResult,
		card.OpParseActivateURL, card.OpValidateMemberCardLaunch, card.OpParseReferrerInfo, card.OpCLI} {
		assert.True(t, ops[op], "no vector for %s", op)
	}
}
