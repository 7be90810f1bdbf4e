#!/usr/bin/env bash
# The size floor of the overview's main module (docs/build.md, "The size floor"): builds the
# stand-ins in tools/floor with the app's release profile, rustflags and wasm-opt flags and
# prints each one's size, raw and brotli 11, beside the app's own main module (from dist/, if
# built). Needs what scripts/setup.sh installs; takes about two minutes when the app was built.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The app's linker splits parts off; the stand-ins have none, so they link plainly.
lld="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
target="${CARGO_TARGET_DIR:-$PWD/target}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
size() { printf '%-62s %8.1f KiB raw %8.1f KiB brotli\n' "$1" "$(($(wc -c <"$2") * 10 / 1024))e-1" \
  "$(($(brotli -q 11 -c "$2" | wc -c) * 10 / 1024))e-1"; }
for variant in "Leptos, one heading:" "+ the data read into the typed model:parse" "+ the quick checks instead (the app's first step):checks"; do
  name="${variant%%:*}"; feature="${variant##*:}"
  (cd tools/floor && CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$lld" CARGO_TARGET_DIR="$target" \
    cargo build --quiet --release --target wasm32-unknown-unknown ${feature:+--features "$feature"})
  wasm-bindgen --target web --no-typescript --out-dir "$out" "$target/wasm32-unknown-unknown/release/floor.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue --strip-debug \
    "$out/floor_bg.wasm" -o "$out/floor.wasm"
  size "$name" "$out/floor.wasm"
done
for main in dist/wegmarke-*_bg.wasm; do
  [ -f "$main" ] && size "the app's main module (dist/)" "$main"
done
