# The WebAssembly module and its Go host (issue 3).

TEST_TARGETS  += test-race
BENCH_TARGETS += bench-host bench-core-wasm
CHECK_TARGETS += check-wasm

.PHONY: wasm check-wasm test-race bench-host bench-core-wasm profile-wasm

# Rebuild wasm/wxcard.wasm with the pinned toolchain; commit the result.
wasm:
	build/wasm.sh

# Vet the guest as it is built (check-go vets natively, where the guest's
# wasip1-only files are skipped), then fail if the committed module is not
# what the source builds to.
check-wasm:
	GOOS=wasip1 GOARCH=wasm $(GO) vet ./wasm/...
	build/check-wasm.sh

# The host under the race detector; -short skips the long soak, which
# test-go runs without the detector. The detector needs cgo and a C
# compiler; without one this says so loudly and runs the tests plainly,
# so that make test still works on a bare machine.
test-race:
	@cc=$$(CGO_ENABLED=1 $(GO) env CC); \
	if command -v "$${cc%% *}" >/dev/null 2>&1; then \
		echo "$(GO) test -race -short -count=1 ./host/..."; \
		CGO_ENABLED=1 GO=$(GO) WXCARD_TEST_SUITE="go test -race ./host/..." build/go-test.sh -race -short -count=1 ./host/...; \
	else \
		echo "test-race: WARNING: no C compiler ('$$cc') for the race detector; install gcc." >&2; \
		echo "test-race: running ./host/... without -race." >&2; \
		CGO_ENABLED=0 GO=$(GO) WXCARD_TEST_SUITE="go test ./host/... (no race detector)" build/go-test.sh -short -count=1 ./host/...; \
	fi

# wazero against native card.Call, first answer, throughput and scaling.
bench-host:
	$(GO) test -run '^$$' -bench . -benchmem ./host/

# The core's benchmarks compiled to wasm and run by the wazero CLI (the
# version go.mod pins), beside the same benchmarks run natively by
# bench-core: where the module loses time, stage by stage.
WAZERO_BIN := $(CURDIR)/bin/wazero-tools
bench-core-wasm:
	@v=$$(awk '$$1 == "github.com/tetratelabs/wazero" { print $$2 }' go.mod); \
	GOBIN=$(WAZERO_BIN) $(GO) install github.com/tetratelabs/wazero/cmd/wazero@$$v
	PATH="$(WAZERO_BIN):$$PATH" GOWASIRUNTIME=wazero GOOS=wasip1 GOARCH=wasm \
		$(GO) test -exec="$$($(GO) env GOROOT)/lib/wasm/go_wasip1_wasm_exec" \
		-run '^$$' -bench 'Stages|FixedCost|Call/cards=10/' -benchmem ./wasm/card/

# Where a call's time goes in wasm: guest calls by function under wazero,
# self time by function in V8 (build/profile-wasm.sh).
profile-wasm:
	build/profile-wasm.sh
