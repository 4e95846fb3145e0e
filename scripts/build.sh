#!/usr/bin/env bash
# The production build: the WebAssembly engine, then the page into dist/ (any static host serves it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-wasm.sh
npx vite build --config web/vite.config.js --logLevel warn
npx vite build --config web/vite.single.config.js --logLevel warn
echo "page: dist/index.html; element: dist/backstep-viz.js; one file: dist/backstep.html"
