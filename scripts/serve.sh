#!/usr/bin/env bash
# Builds the release and serves it with the bundled example plan on 127.0.0.1 (a plain static
# server without rewrite rules, as a city's web server would be). PORT=8080 by default.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --build
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build --release
port=${PORT:-8080}
echo
echo "Wegmarke läuft auf / is running at: http://127.0.0.1:$port/"
echo "(Strg+C beendet / Ctrl+C stops)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
