package wasm

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSHA256MatchesBinary(t *testing.T) {
	sum := sha256.Sum256(Binary)
	require.Equal(t, hex.EncodeToString(sum[:]), SHA256, "wxcard.wasm.sha256 is stale: run make wasm")
}

func TestBinaryIsWasm(t *testing.T) {
	require.Greater(t, len(Binary), 8)
	require.Equal(t, []byte("\x00asm\x01\x00\x00\x00"), Binary[:8])
}
