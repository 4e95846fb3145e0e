#!/usr/bin/env bash
# npm run bench: builds what the bench needs, then runs bench/run.mjs, which prints the Markdown table and writes
# bench/results/YYYY-MM-DD.md. Never part of npm test.
#  - the WebAssembly engine (scripts/build-wasm.sh) when it is missing or older than the engine's sources;
#  - build/bench/throughput: bench/native/throughput.cpp over cpp/engine/*.cpp, g++ -O2 -DNDEBUG (objects in
#    build/bench/obj, rebuilt when their source or any engine header is newer);
#  - the production page into build/bench-dist (never dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

wasm=web/src/engine/generated/backstep-engine.wasm
if [ ! -f "$wasm" ] || [ -n "$(find cpp/engine cpp/wasm -newer "$wasm" -type f -print -quit)" ]; then
  bash scripts/build-wasm.sh
fi

mkdir -p build/bench/obj
flags=(-std=c++17 -O2 -DNDEBUG -ffp-contract=off -Icpp/engine)
newest_header=$(ls -t cpp/engine/*.hpp | head -1)
sources=(cpp/engine/*.cpp bench/native/throughput.cpp)
stale=()
for source in "${sources[@]}"; do
  object=build/bench/obj/$(basename "${source%.cpp}").o
  if [ ! -f "$object" ] || [ "$source" -nt "$object" ] || [ "$newest_header" -nt "$object" ]; then
    stale+=("$source")
  fi
done
if [ ${#stale[@]} -gt 0 ]; then
  echo "bench: compiling ${#stale[@]} file(s) with g++ ${flags[*]}" >&2
  printf '%s\n' "${stale[@]}" |
    xargs -P "$(nproc)" -I{} sh -c 'g++ "$@" -c {} -o "build/bench/obj/$(basename {} .cpp).o"' _ "${flags[@]}"
fi
objects=()
for source in "${sources[@]}"; do objects+=("build/bench/obj/$(basename "${source%.cpp}").o"); done
if [ ! -x build/bench/throughput ] || [ -n "$(find "${objects[@]}" -newer build/bench/throughput -print -quit)" ]; then
  g++ -O2 "${objects[@]}" -o build/bench/throughput
fi

echo "bench: building the page into build/bench-dist" >&2
npx vite build --config web/vite.config.js --outDir "$root/build/bench-dist" --emptyOutDir --logLevel error >&2

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec node bench/run.mjs "$@"
