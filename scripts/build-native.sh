#!/usr/bin/env bash
# Builds the native engine, its tests and the CLI into build/native/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f build/native/CMakeCache.txt ]; then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/native -j2 >/dev/null
echo "native engine: build/native/backstep, build/native/engine_tests"
