# wxcard — see README.md. Each area adds its own targets in build/*.mk and
# appends them to the lists below, so this file stays small.
SHELL := /bin/bash
GO ?= go

TEST_TARGETS  := test-go
BENCH_TARGETS := bench-core
CHECK_TARGETS := check-go

-include $(sort $(wildcard build/*.mk))

.PHONY: run test bench check test-go bench-core check-go
run:
	$(GO) run ./cmd/wxcard-examples examples

test: $(TEST_TARGETS)

bench: $(BENCH_TARGETS)

check: $(CHECK_TARGETS)

test-go:
	$(GO) test ./...

bench-core:
	$(GO) test -run '^$$' -bench . -benchmem ./wasm/card/

check-go:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
