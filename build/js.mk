# The npm package in js/: its build (build.mjs: the CommonJS entry and the
# mini program build, from the ES module sources and the committed wasm),
# Node tests (vectors, API, CLI, types, headless Chromium, bundlers, the
# ESLint plugin) and its benchmarks. None of them builds the wasm.
TEST_TARGETS  += test-js
BENCH_TARGETS += bench-js
CHECK_TARGETS += check-js

NPM ?= npm
NODE ?= node

.PHONY: test-js bench-js js-deps js-build check-js

JS_BUILT   := js/index.cjs js/index.d.cts js/testing.cjs js/testing.d.cts js/eslint.cjs js/eslint.d.cts js/miniprogram_dist/index.js js/miniprogram_dist/testing.js js/miniprogram_dist/wxcard.wasm.br
JS_SOURCES := js/build.mjs js/core.js js/guard.js js/mock.js js/rules.js js/testing.js js/testing.d.ts js/eslint.js js/eslint-rules.json js/eslint.d.ts js/index.js js/miniprogram.js js/index.d.ts wasm/wxcard.wasm

js-deps:
	@test -d js/node_modules || { cd js && $(NPM) ci --no-audit --no-fund; }

# One rule makes all the built files; the stamp keeps make from running it per file.
js-build: js/.built
js/.built: $(JS_SOURCES) | js-deps
	@test -f wasm/wxcard.wasm || { echo "wasm/wxcard.wasm is missing (make wasm builds it)"; exit 1; }
	cd js && $(NODE) build.mjs
	@touch $@

test-js: js-build
	@cd js && WXCARD_REQUIRE_VECTORS=1 WXCARD_TEST_SUITE="js (node --test)" $(NODE) --test --test-reporter=$(CURDIR)/build/test-reporter.mjs test/*.test.js

bench-js: js-build
	cd js && $(NODE) bench/bench.js
	cd js && $(NODE) bench/eslint.mjs

# The build is reproducible: two builds into fresh folders give the same
# bytes, and the brotli file holds exactly the committed wasm.
check-js: js-deps
	build/check-js.sh

# The package as npm would publish it, for installing from a checkout:
# dist/wxcard-VERSION.tgz (npm i path/to/dist/wxcard-VERSION.tgz).
JS_VERSION := $(shell sed -n 's/^  "version": "\(.*\)",$$/\1/p' js/package.json)
JS_TARBALL := dist/wxcard-$(JS_VERSION).tgz
JS_PACKED  := $(JS_SOURCES) js/package.json js/README.md js/cli.js js/browser.js js/bin/wxcard.js LICENSE

.PHONY: dist
dist: $(JS_TARBALL)
$(JS_TARBALL): $(JS_PACKED) | js-deps
	@mkdir -p dist
	cd js && $(NPM) pack --silent --pack-destination ../dist >/dev/null
	@echo "$@ (npm i $(CURDIR)/$@)"
