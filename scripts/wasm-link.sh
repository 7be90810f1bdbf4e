#!/usr/bin/env bash
# The linker for wasm32 builds (set in .cargo/config.toml). Links with rust-lld as rustc
# would, keeping relocations, and if the module has split points (src/parts.rs) splits it
# with wasm-split-cli: the main module replaces the linked file, the parts and their loader
# go to <output>.split/, where scripts/postbuild.py picks them up. Test binaries without
# split points are linked unchanged.
set -euo pipefail
lld="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
"$lld" "$@" --emit-relocs
out=""
prev=""
for arg in "$@"; do
  if [ "$prev" = "-o" ]; then out="$arg"; fi
  prev="$arg"
done
if [ -z "$out" ] || ! grep -q -a -F "__wasm_split_placeholder__" "$out"; then
  exit 0
fi
if ! command -v wasm-split-cli >/dev/null; then
  echo "wasm-link: wasm-split-cli is missing; run scripts/setup.sh" >&2
  exit 1
fi
split="$out.split"
rm -rf "$split"
wasm-split-cli "$out" "$split" >&2
mv "$split/main.wasm" "$out"
# wasm-bindgen drops the export "__indirect_function_table" (it takes it for an unused linker
# export), but the parts need the table: export it under a name of the same length instead,
# and let the loader read it from there.
python3 - "$out" "$split/__wasm_split.js" <<'PY'
import sys
wasm, loader = sys.argv[1], sys.argv[2]
old, new = b"__indirect_function_table", b"__wasm_split_shared_table"
data = open(wasm, "rb").read()
if old not in data:
    sys.exit("wasm-link: the split module exports no function table")
open(wasm, "wb").write(data.replace(old, new))
js = open(loader, encoding="utf-8").read()
destructure = "const { __indirect_function_table,"
if destructure not in js:
    sys.exit("wasm-link: the parts loader does not read the function table as expected")
js = js.replace(destructure, "const { __wasm_split_shared_table: __indirect_function_table,", 1)
open(loader, "w", encoding="utf-8").write(js)
PY
