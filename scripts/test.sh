#!/usr/bin/env bash
# Runs every test: format, lints, native tests, wasm component tests in Chromium, the release
# build, and the end-to-end tests in Chromium against nginx. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
# No incremental caches: they would double what the builds below keep on disk, and a test run
# compiles each crate once anyway.
export CARGO_INCREMENTAL=0
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check
step "build script tests"
python3 -m unittest discover -s scripts/tests -v
node --test scripts/tests/
step "cargo clippy (native and wasm)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p wegmarke -p wegmarke-workbook --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p wegmarke --target wasm32-unknown-unknown --locked --features unsplit --tests -- -D warnings
step "native tests"
cargo test --workspace --locked
step "published files (feedparser, icalendar, frictionless, rdflib)"
.cache/py/bin/python -m unittest discover -s tests/published -v
step "wasm component tests (Chromium)"
cargo test -p wegmarke --target wasm32-unknown-unknown --locked --test components --features unsplit
step "release build"
trunk build --release
step "browser tests (Chromium + nginx)"
node tests/e2e/run.mjs
