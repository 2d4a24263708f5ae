#!/usr/bin/env bash
# Runs every test: formatting and lints, native tests, the release build, and the browser tests
# in headless Chromium. Installs what it needs first (scripts/setup.sh --test).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --check

step "lints (native with the prerenderer, and the browser entry for wasm32)"
cargo clippy --locked --all-targets --features ssr -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --features hydration --bin app -- -D warnings

step "native tests"
cargo test --locked --features ssr

step "release build (with the prerender hook)"
trunk build --release

step "the site again with a second story: the same WebAssembly (an engine no story changes)"
scripts/engine-check.sh

step "browser tests (headless Chromium)"
(cd tests/browser && npm test)
