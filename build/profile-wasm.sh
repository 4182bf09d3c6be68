#!/usr/bin/env bash
# Where a call's time goes in wasm (make profile-wasm): the guest's function
# calls per request under wazero, counted exactly, and the shares of time by
# function in V8, sampled, for the benchmarks' 10-card validateCardList.
# (For wazero's own time by function, perf with a perfmap: DEVELOPERS.md.)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The shipped module, but with its function names.
WASM_NAMES=1 build/wasm.sh "$tmp/guest.wasm" >/dev/null
go run ./build/wasmprof "$tmp/guest.wasm"
GOOS=wasip1 GOARCH=wasm go test -c -o "$tmp/card.test.wasm" ./wasm/card
node --no-warnings --cpu-prof --cpu-prof-dir="$tmp/prof" build/profile-v8.mjs "$tmp/card.test.wasm" \
	-test.run='^$' -test.bench='Stages/call$' -test.benchtime=3s
node --no-warnings build/profile-v8.mjs --summary "$tmp/prof"
