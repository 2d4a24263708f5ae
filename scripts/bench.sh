#!/usr/bin/env bash
# Measures speed and size: builds the release site, serves it with compression on loopback and
# prints Lighthouse medians, asset sizes and long tasks against the budgets; writes
# docs/benchmarks.md. BENCH_RUNS sets the number of Lighthouse runs (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh
if [ ! scripts/bench/node_modules/.package-lock.json -nt scripts/bench/package-lock.json ]; then
  (cd scripts/bench && npm ci --no-audit --no-fund)
fi
trunk build --release
CHROME_PATH=/usr/bin/chromium node scripts/bench/bench.mjs
