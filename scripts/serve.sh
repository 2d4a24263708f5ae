#!/usr/bin/env bash
# Serves the story at http://127.0.0.1:8080/ and rebuilds it when a file changes.
# Installs what it needs first (scripts/setup.sh). Extra arguments go to `trunk serve`,
# e.g. `scripts/serve.sh --release` to serve the size-optimised build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec trunk serve "$@"
