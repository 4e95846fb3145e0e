#!/usr/bin/env bash
# npm start: install what is missing, build the engine, serve the page and print its URL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-native.sh
bash scripts/build-wasm.sh
port=${PORT:-5173}
echo "backstep: serving the page at http://${HOST:-localhost}:${port}/ (Ctrl+C stops)"
exec npx vite --config web/vite.config.js --port "$port" --strictPort
