#!/usr/bin/env bash
# Measures the height of every frame's page at every width from 280 to 648 px in Chromium and
# writes static/embed-heights.json, which the build puts into embed.js (so a host's page keeps the
# space of each embed before it loads), then builds again with it. Run it after changing the
# story's text or the stylesheet: the browser tests fail while the file is out of date.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
source scripts/env.sh
trunk build --release
node tests/browser/heights.mjs
trunk build --release
