#!/usr/bin/env bash
# Installs everything the story needs to build (with --test, to be tested; with --host, the nginx
# that serves it as production does) on a fresh Debian machine with only Rust, Node and npm. Every
# step first checks whether its tool is already there at the right version, so a second run takes
# seconds. Versions are pinned because Trunk runs offline and refuses a tool whose `--version`
# differs from Trunk.toml (see shared/TOOLCHAIN.md).
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130 # must equal the `wasm-bindgen` crate pinned in Cargo.toml
BINARYEN_VERSION=132.0.0
GECKODRIVER_VERSION=0.37.1 # Firefox's WebDriver; npm's package downloads it from elsewhere, so cargo builds it

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/env.sh
source "$root/scripts/env.sh"

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

has_version() { # has_version CMD EXPECTED: true when `CMD --version` mentions EXPECTED
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qF "$2"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! has_version trunk "trunk $TRUNK_VERSION"; then
  step "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! has_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  # Not --locked: the registry lacks one crate of its lock file (shared/TOOLCHAIN.md).
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! has_version wasm-opt "version_${BINARYEN_VERSION%%.*}"; then
  # Debian's binaryen is too old for what wasm-bindgen 0.2.130 emits; npm's build is current.
  step "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm"
  npm install --global --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

# Debian packages: the CJK font the build draws the share image with (and Chromium renders
# Chinese with); for the tests, the three engines readers use (tests/browser/engines.mjs):
# Chromium and its driver, WebKitGTK's WebDriver (its MiniBrowser under a virtual display) and
# Firefox ESR; and nginx with the module that sends the build's .br files, for the tests and for
# scripts/preview.sh (--host): they run it as deploy/nginx.conf says, under a folder of their own;
# the system's nginx configuration is not touched; and a Java runtime for the HTML checker.
missing=()
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [ "${1:-}" = "--test" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  [ -x /usr/bin/xvfb-run ] || missing+=(xvfb)
  [ -x /usr/bin/xauth ] || missing+=(xauth)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  # The W3C's HTML checker (vnu-jar, from npm) is a Java program.
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
fi
if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--host" ]; then
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
fi
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--test" ] && ! has_version geckodriver "geckodriver $GECKODRIVER_VERSION"; then
  step "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

if [ "${1:-}" = "--test" ]; then
  # npm writes node_modules/.package-lock.json on install: newer than the lock file means current.
  if [ ! "$root/tests/browser/node_modules/.package-lock.json" -nt "$root/tests/browser/package-lock.json" ]; then
    step "installing the browser-test drivers (playwright-core, selenium-webdriver; no browser download)"
    (cd "$root/tests/browser" && npm ci --no-audit --no-fund)
  fi
fi

# Trunk builds offline (Trunk.toml), so every crate must be in the local registry first.
# A no-op taking about a second when they already are.
(cd "$root" && cargo fetch --locked --quiet)
