#!/usr/bin/env bash
# Fails when the committed wasm/wxcard.wasm is not what the current source
# builds to, so nobody ships a module that disagrees with the Go core.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

committed=wasm/wxcard.wasm
if [[ ! -f $committed ]]; then
	echo "check-wasm: $committed is missing; run 'make wasm' and commit it" >&2
	exit 1
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
build/wasm.sh "$dir/wxcard.wasm" >/dev/null

if ! cmp -s "$dir/wxcard.wasm" "$committed"; then
	echo "check-wasm: $committed is stale: the source builds to different bytes." >&2
	echo "  committed: $(stat -c %s "$committed") bytes, sha256 $(sha256sum "$committed" | cut -d' ' -f1)" >&2
	echo "  rebuilt:   $(stat -c %s "$dir/wxcard.wasm") bytes, sha256 $(sha256sum "$dir/wxcard.wasm" | cut -d' ' -f1)" >&2
	echo "  Run 'make wasm' and commit wasm/wxcard.wasm and wasm/wxcard.wasm.sha256." >&2
	exit 1
fi
if ! cmp -s "$dir/wxcard.wasm.sha256" "$committed.sha256"; then
	echo "check-wasm: $committed.sha256 does not match $committed; run 'make wasm' and commit both" >&2
	exit 1
fi
echo "check-wasm: $committed matches the source ($(stat -c %s "$committed") bytes)"
