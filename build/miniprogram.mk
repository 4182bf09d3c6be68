# The packed npm package inside the mini program toolchain (tests/miniprogram):
# miniprogram-ci's packNpm and the devtools' compilers, a mini program
# sandbox running every vector, Jest with miniprogram-simulate. Its test
# tools (miniprogram-ci is ~330 MB) stay in that project's node_modules.
TEST_TARGETS += test-miniprogram

.PHONY: test-miniprogram miniprogram-deps

miniprogram-deps:
	@test -d tests/miniprogram/node_modules || { cd tests/miniprogram && $(NPM) ci --no-audit --no-fund; }

test-miniprogram: $(JS_TARBALL) miniprogram-deps
	@cd tests/miniprogram && WXCARD_TARBALL=$(CURDIR)/$(JS_TARBALL) WXCARD_TEST_SUITE="mini program toolchain" $(NODE) --test --test-reporter=$(CURDIR)/build/test-reporter.mjs test/*.test.js
