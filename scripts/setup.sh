#!/usr/bin/env bash
# Installs what building and testing Wegmarke needs, skipping whatever is already there, so a
# warm run takes seconds. Registries only: Debian packages, crates.io, npm.
#   scripts/setup.sh          everything (build + browser tests)
#   scripts/setup.sh --build  only what building and serving needs
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages: brotli for precompressed assets; Chromium, its driver, nginx and its brotli
# modules for tests.
apt_missing=()
command -v brotli >/dev/null || apt_missing+=(brotli)
if [ "$mode" != "--build" ]; then
  command -v chromium >/dev/null || apt_missing+=(chromium)
  command -v chromedriver >/dev/null || apt_missing+=(chromium-driver)
  [ -x /usr/sbin/nginx ] || apt_missing+=(nginx)
  # Brotli like production (docs/deploy.md): the build's .br files, the data compressed on the fly.
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || apt_missing+=(libnginx-mod-http-brotli-static)
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] || apt_missing+=(libnginx-mod-http-brotli-filter)
  command -v pdftoppm >/dev/null || apt_missing+=(poppler-utils)
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "apt: ${apt_missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_missing[@]}"
  # Debian starts nginx as a service on install; the tests run their own instance.
  as_root systemctl disable --now nginx >/dev/null 2>&1 || as_root service nginx stop >/dev/null 2>&1 || true
fi

# Rust: the wasm target, trunk, and wasm-bindgen at exactly the Cargo.lock version.
rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "rustup target wasm32"; rustup target add wasm32-unknown-unknown; }
if ! trunk --version 2>/dev/null | grep -q '0.21.14'; then
  say "cargo install trunk 0.21.14 (about 6 minutes)"
  cargo install trunk --version 0.21.14 --locked
fi
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$"; then
  say "cargo install wasm-bindgen-cli $wb (about 3 minutes)"
  # Without --locked: a dependency pinned in its lockfile is no longer on the registry.
  cargo install wasm-bindgen-cli --version "$wb"
fi

# wasm-split-cli: splits the app into the parts the browser loads on demand (scripts/wasm-link.sh).
if ! cargo install --list 2>/dev/null | grep -q '^wasm_split_cli_support v0.2.4:'; then
  say "cargo install wasm_split_cli_support 0.2.4 (about 1 minute)"
  cargo install wasm_split_cli_support --version 0.2.4 --locked --features build-binary
fi

# npm: binaryen (wasm-opt 132), ECharts 5.6.0, playwright-core, axe-core, from package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Python (PyPI): the independent parsers and validators the published files are tested with
# (tests/published/requirements.txt), in a virtual environment of the project's own.
if [ "$mode" != "--build" ]; then
  req=tests/published/requirements.txt
  if ! cmp -s "$req" .cache/py/requirements.txt 2>/dev/null; then
    say "pip: $(tr '\n' ' ' < "$req")"
    python3 -m venv .cache/py
    .cache/py/bin/pip install -q --disable-pip-version-check -r "$req"
    cp "$req" .cache/py/requirements.txt
  fi
fi

cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked
say "ready"
