#!/usr/bin/env bash
# Fails when js/build.mjs is not reproducible: two builds into fresh
# folders must give the same bytes, and miniprogram_dist/wxcard.wasm.br must
# decompress to the committed wasm/wxcard.wasm (build.mjs checks that too).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
a=$(mktemp -d)
b=$(mktemp -d)
trap 'rm -rf "$a" "$b"' EXIT
(cd js && node build.mjs --out "$a" && node build.mjs --out "$b")
if ! diff -r "$a" "$b" >/dev/null; then
	echo "check-js: js/build.mjs gave different bytes in two runs:" >&2
	diff -rq "$a" "$b" >&2 || true
	exit 1
fi
node -e '
const fs = require("fs"), zlib = require("zlib");
const br = zlib.brotliDecompressSync(fs.readFileSync(process.argv[1]));
if (!br.equals(fs.readFileSync("wasm/wxcard.wasm"))) { console.error("check-js: wxcard.wasm.br is not wasm/wxcard.wasm"); process.exit(1); }
' "$a/miniprogram_dist/wxcard.wasm.br"
echo "check-js: js/build.mjs is reproducible (wxcard.wasm.br $(stat -c %s "$a/miniprogram_dist/wxcard.wasm.br") bytes, sha256 $(sha256sum "$a/miniprogram_dist/wxcard.wasm.br" | cut -c1-16)…)"
