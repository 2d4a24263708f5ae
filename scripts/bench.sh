#!/usr/bin/env bash
# Measures speed and size: builds the release site, serves it with compression on loopback and
# prints Lighthouse medians, asset sizes, bytes sent and long tasks against the budgets; writes
# docs/benchmarks.md. BENCH_RUNS sets the number of Lighthouse runs (default 7).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh
if [ ! scripts/bench/node_modules/.package-lock.json -nt scripts/bench/package-lock.json ]; then
  (cd scripts/bench && npm ci --no-audit --no-fund)
fi
trunk build --release
# The site again with a second story, the story with ten times its prose in a folder of its own:
# for the engine's time on more prose, and for what a second story costs a reader with the engine.
fixture=$(mktemp -d)
node scripts/bench/tenfold.mjs stories/fushun-2023h1.toml "$fixture/prose-tenfold.toml"
STORY_DIRS="$fixture" trunk build --release --dist target/bench-site
rm -rf "$fixture"
CHROME_PATH=/usr/bin/chromium BENCH_SITE=target/bench-site node scripts/bench/bench.mjs
