// Package wasm holds wxcard.wasm, the core compiled with GOOS=wasip1, so Go
// programs get the exact module that Node and browsers run without reading
// files at run time. The ABI is described in ABI.md; the host package runs it.
package wasm

import (
	_ "embed"
	"strings"
)

// Binary is the module built by build/wasm.sh from this commit's source.
// Treat it as read-only: every user in the process shares it.
//
//go:embed wxcard.wasm
var Binary []byte

//go:embed wxcard.wasm.sha256
var sumFile string

// SHA256 is the lowercase hex SHA-256 of Binary, recorded at build time so
// that caches can be keyed by it without hashing the module at start-up.
var SHA256 = strings.Fields(sumFile)[0]
