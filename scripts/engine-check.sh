#!/usr/bin/env bash
# The WebAssembly is an engine that no story changes: built with a second story present (the
# fixture in tests/fixtures/stories, never published), it must be byte for byte the one built
# without it, so a site's readers download it once for every story and edition. Builds the release
# Wasm as Trunk does, with and without the fixture, and compares them. Run by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

wasm=target/wasm32-unknown-unknown/release/app.wasm
build() {
  cargo build --quiet --locked --offline --release --target wasm32-unknown-unknown --features hydration --bin app
}

STORY_DIRS=tests/fixtures/stories build
with=$(sha256sum "$wasm" | cut -d' ' -f1)
STORY_DIRS= build
without=$(sha256sum "$wasm" | cut -d' ' -f1)

if [ "$with" != "$without" ]; then
  echo "engine check: the WebAssembly changes with a second story present ($with, not $without):" >&2
  echo "something compiled into it reads the stories; islands must get their data from the page." >&2
  exit 1
fi
echo "engine check: the WebAssembly is the same with and without a second story ($without)"
