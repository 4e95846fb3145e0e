#!/usr/bin/env bash
# Builds the WebAssembly engine into web/src/engine/generated/ (Emscripten via CMake).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}  # Debian's emcc needs acorn from here at -O1+
if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/wasm -j2 >/dev/null
node scripts/first-views.mjs  # what the engine answers for each example, drawn while it loads
echo "wasm engine: web/src/engine/generated/backstep-engine.{mjs,wasm} and first-views/"
