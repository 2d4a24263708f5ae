#!/usr/bin/env bash
# The WebAssembly is an engine that no story changes. Builds the site again with a second story
# present (the fixture in tests/fixtures/stories, published only in this test site, never in
# dist/), into target/two-stories, and checks that it carries the very Wasm of dist/ (built first,
# by scripts/test.sh), by name and byte for byte: a site's readers download it once for every story
# and edition. The browser tests read the two-story site too (stories.test.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

out=target/two-stories
# Built as published at a public address, so it has the pages' oEmbed responses too
# (tests/browser/stories.test.mjs reads them).
SITE_URL=https://story.example/ STORY_DIRS=tests/fixtures/stories trunk build --release --dist "$out"

one=$(cd dist && ls app-*_bg.wasm)
two=$(cd "$out" && ls app-*_bg.wasm)
if [ "$one" != "$two" ] || ! cmp -s "dist/$one" "$out/$two"; then
  echo "engine check: the WebAssembly changes with a second story present ($two, not $one):" >&2
  echo "something compiled into it reads the stories; islands must get their data from the page." >&2
  exit 1
fi
[ -f "$out/engine-fixture/index.html" ] || { echo "engine check: the second story was not published" >&2; exit 1; }
echo "engine check: the WebAssembly is the same with and without a second story ($one)"
