# wxcard — see README.md. Each area adds its own targets in build/*.mk and
# appends them to the lists below, so this file stays small.
SHELL := /bin/bash
GO ?= go

TEST_TARGETS  := test-go
BENCH_TARGETS := bench-core
CHECK_TARGETS := check-go

-include $(sort $(wildcard build/*.mk))

.PHONY: run test test-suites bench check test-go bench-core check-go
# The examples hold deliberate mistakes, so lint's exit 1 is expected here;
# only a usage or internal error (2) fails the target.
run:
	@echo "Building the Go CLI into bin/wxcard (the first build fetches modules and compiles: up to a minute)..."
	@$(GO) build -o bin/wxcard ./cmd/wxcard
	@echo "Linting examples/ with it:"; echo
	@./bin/wxcard lint examples; rc=$$?; \
	if [ $$rc -gt 1 ]; then exit $$rc; fi; \
	echo; echo "wxcard lint exited $$rc (1: the examples above hold deliberate mistakes)."; \
	echo "Next: ./bin/wxcard lint path/to/your/payloads (--help for the options), or make test for every test."

# Every suite prints little (a dot per ten tests, failures in full) and one
# summary line; make test ends with all of them.
SUMMARY := $(CURDIR)/.test-summary
test:
	@rm -f $(SUMMARY)
	@WXCARD_TEST_SUMMARY=$(SUMMARY) $(MAKE) --no-print-directory test-suites; rc=$$?; \
	echo; echo "make test:"; sed 's/^/  /' $(SUMMARY) 2>/dev/null; \
	if [ $$rc -eq 0 ]; then echo "  every suite passed"; else echo "  FAILED (exit $$rc): see the failures above"; fi; \
	rm -f $(SUMMARY); exit $$rc

test-suites: $(TEST_TARGETS)

bench: $(BENCH_TARGETS)

check: $(CHECK_TARGETS)

test-go:
	@GO=$(GO) WXCARD_TEST_SUITE="go test ./..." build/go-test.sh ./...

bench-core:
	$(GO) test -run '^$$' -bench . -benchmem ./wasm/card/

check-go:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
