# sign/: server-side cardExt signing (native Go only).
BENCH_TARGETS += bench-sign
CHECK_TARGETS += check-sign-boundary

.PHONY: bench-sign check-sign-boundary
bench-sign:
	$(GO) test -run '^$$' -bench . -benchmem ./sign/

# The wasm guest and the JS package must not be able to sign.
check-sign-boundary:
	$(GO) test -count=1 -run '^TestBoundary' ./sign/
