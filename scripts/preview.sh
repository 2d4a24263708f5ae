#!/usr/bin/env bash
# Serves the release build at http://127.0.0.1:8080/ (or $PORT) exactly as production does: Debian's
# nginx configured by deploy/nginx.conf and the headers the build wrote (precompressed files, caching,
# the Content-Security-Policy). Installs what it needs first (scripts/setup.sh --host). Ctrl-C stops
# it. For editing, scripts/serve.sh rebuilds on every change instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --host
source scripts/env.sh
trunk build --release
exec node scripts/preview.mjs "${PORT:-8080}"
