#!/usr/bin/env bash
# Builds wasm/wxcard.wasm (or the path given as $1) reproducibly: the pinned
# toolchain from go.mod, no cgo, no VCS stamping, no paths, no build id. The
# same source must give the same bytes on every machine, because the .wasm is
# committed and `make check-wasm` compares it byte for byte.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out=${1:-wasm/wxcard.wasm}
want=$(awk '$1 == "toolchain" { print $2 }' go.mod)
if [[ -z "$want" ]]; then
	echo "build/wasm.sh: go.mod has no toolchain line; cannot pin the compiler" >&2
	exit 1
fi

# Exactly this toolchain: the go command uses it if it is the local one and
# fetches it from the module proxy otherwise; it never picks a newer one.
export GOTOOLCHAIN=$want
got=$(go env GOVERSION 2>&1) || true
if [[ "$got" != "$want" ]]; then
	echo "build/wasm.sh: need $want (the toolchain line of go.mod), but the go command gives:" >&2
	echo "$got" | sed 's/^/    /' >&2
	echo "  Install $want or let the go command fetch it (GOTOOLCHAIN=$want, module proxy reachable)." >&2
	exit 1
fi

# Everything that changes the output is fixed here, whatever the caller's
# environment says.
export GOOS=wasip1 GOARCH=wasm CGO_ENABLED=0
export GOFLAGS=-mod=readonly GOWASM= GOEXPERIMENT= GOAMD64=
tmp=$(mktemp "${out}.XXXXXX")
trap 'rm -f "$tmp" "$tmp.go"' EXIT
# WASM_NAMES=1 keeps the function names (no -s -w) for profiles and for
# host/firstcall_test.go; the committed module never has them.
ldflags="-s -w -buildid="
if [[ "${WASM_NAMES:-}" == 1 ]]; then
	ldflags="-buildid="
fi
go build -buildmode=c-shared -trimpath -buildvcs=false -ldflags="$ldflags" -o "$tmp.go" ./wasm/guest

# Pre-initialize: run the Go runtime's _initialize once, here, in a fixed
# world (no clock, no entropy), and ship the memory and globals it leaves.
# Every instance then starts initialized; see build/preinit. The tool runs on
# the build machine, with the same pinned toolchain and wazero from go.mod.
GOOS= GOARCH= go run ./build/preinit "$tmp.go" "$tmp"
rm -f "$tmp.go"
chmod 644 "$tmp"
mv "$tmp" "$out"
trap - EXIT

# The checksum travels with the module: wasm/embed.go embeds it, so nothing
# has to hash 2 MB at start-up, and `sha256sum -c` verifies it.
(cd "$(dirname "$out")" && sha256sum "$(basename "$out")" > "$(basename "$out").sha256")

raw=$(stat -c %s "$out")
gz=$(gzip -9 -c "$out" | wc -c)
echo "built $out with $got: $raw bytes raw, $gz bytes gzip -9, sha256 $(cut -d' ' -f1 "$out.sha256")"
