# Lint at scale: 10,000 payload files through both CLIs.
BENCH_TARGETS += bench-lint

.PHONY: bench-lint
bench-lint:
	build/bench-lint.sh 10000
