# The npm package in js/: Node tests (vectors, API, CLI, types, headless
# Chromium) and its benchmark. Both use the committed wasm/wxcard.wasm; they
# never build it.
TEST_TARGETS  += test-js
BENCH_TARGETS += bench-js

NPM ?= npm
NODE ?= node

.PHONY: test-js bench-js js-deps

js-deps:
	@test -d js/node_modules || { cd js && $(NPM) ci --no-audit --no-fund; }

test-js: js-deps
	@test -f wasm/wxcard.wasm || { echo "wasm/wxcard.wasm is missing (make wasm builds it)"; exit 1; }
	cd js && WXCARD_REQUIRE_VECTORS=1 $(NPM) test

bench-js: js-deps
	@test -f wasm/wxcard.wasm || { echo "wasm/wxcard.wasm is missing (make wasm builds it)"; exit 1; }
	cd js && $(NODE) bench/bench.js
