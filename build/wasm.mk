# The WebAssembly module and its Go host (issue 3).

TEST_TARGETS  += test-race
BENCH_TARGETS += bench-host
CHECK_TARGETS += check-wasm

.PHONY: wasm check-wasm test-race bench-host

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
# test-go runs without the detector.
test-race:
	$(GO) test -race -short -count=1 ./host/...

# wazero against native card.Call, first answer, throughput and scaling.
bench-host:
	$(GO) test -run '^$$' -bench . -benchmem ./host/
