#!/usr/bin/env bash
# Lint 10,000 generated payload files with the Go CLI and the npm CLI and
# print both wall times (target: Go CLI ≤ 2 s). One in ten files holds a
# millisecond timestamp, so the report is not empty.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/wxcard" ./cmd/wxcard
mkdir -p "$dir/tree"
node - "$dir/tree" "$n" <<'JS'
const fs = require('fs'), path = require('path');
const [root, n] = [process.argv[2], +process.argv[3]];
for (let i = 0; i < n; i++) {
  const d = path.join(root, 'd' + Math.floor(i / 500));
  fs.mkdirSync(d, { recursive: true });
  const ext = { code: String(1434008071 + i), timestamp: i % 10 ? 1404896688 : 1404896688000, nonce_str: 'n' + i,
    signature: 'f137ab68b7f8112d20ee528ab6074564e2796250' };
  fs.writeFileSync(path.join(d, `p${i}.json`),
    JSON.stringify({ cardList: [{ cardId: 'pFS7Fjg8kV1IdDz01r4SQwMkuCKc', cardExt: JSON.stringify(ext) }] }, null, 2));
}
JS
time_it() { # prints the wall milliseconds of "$@" run in the tree
  local start end
  start=$(date +%s%N)
  (cd "$dir/tree" && "$@" >/dev/null) || [ $? -eq 1 ]
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
go_s=$(time_it "$dir/wxcard" lint .)
npm_s=$(time_it node "$PWD/js/bin/wxcard.js" lint .)
echo "lint $n files: Go CLI ${go_s} ms, npm CLI ${npm_s} ms, npm/Go $(awk "BEGIN{printf \"%.2f\", $npm_s/$go_s}") (target: Go CLI ≤ 2000 ms)"
