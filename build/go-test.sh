#!/usr/bin/env bash
# Runs go test with the given arguments, passes its output through, and
# appends one summary line (packages passed and failed) to
# $WXCARD_TEST_SUMMARY for make test's closing summary.
set -o pipefail
suite=${WXCARD_TEST_SUITE:-go test}
start=$(date +%s)
out=$(mktemp)
"${GO:-go}" test "$@" 2>&1 | tee "$out"
rc=${PIPESTATUS[0]}
ok=$(grep -c '^ok ' "$out")
failed=$(grep -c '^FAIL[[:space:]]' "$out")
rm -f "$out"
line="$suite: $ok packages passed, $failed failed ($(( $(date +%s) - start )) s)"
echo "$line"
[ -n "$WXCARD_TEST_SUMMARY" ] && echo "$line" >> "$WXCARD_TEST_SUMMARY"
exit "$rc"
