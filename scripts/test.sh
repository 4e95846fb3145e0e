#!/usr/bin/env bash
# npm test: install what is missing, build everything, run every suite, end with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
bash scripts/setup.sh --browser || exit 1

passed=0
failed=0
report() { # name, pass count, fail count
  passed=$((passed + $2)); failed=$((failed + $3))
  printf '  %-32s %4d passed, %d failed\n' "$1" "$2" "$3" >>build/summary.txt
}
node_suite() { # name, folders …
  local name=$1 log
  shift
  log=$(mktemp)
  node --test --test-reporter=spec "$@" 2>&1 | tee "$log"
  local p f
  p=$(grep -aoE '^ℹ pass [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)
  f=$(grep -aoE '^ℹ fail [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)
  report "$name" "${p:-0}" "${f:-1}"
  rm -f "$log"
}

mkdir -p build && : >build/summary.txt

echo "== native engine (doctest via CTest)"
if bash scripts/build-native.sh; then
  log=$(mktemp)
  (cd build/native && ctest --output-on-failure -j2) 2>&1 | tee "$log"
  total=$(grep -oE 'out of [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)
  bad=$(grep -oE '[0-9]+ tests failed' "$log" | grep -oE '^[0-9]+' | tail -1)
  report "native (ctest)" "$(( ${total:-0} - ${bad:-0} ))" "${bad:-1}"
  rm -f "$log"
else
  report "native build" 0 1
fi

echo "== native engine under ASan + UBSan (doctest via CTest, build/sanitize)"
log=$(mktemp)
bash scripts/sanitize.sh 2>&1 | tee "$log"
total=$(grep -oE 'out of [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)
if [ -n "$total" ]; then
  bad=$(grep -oE '[0-9]+ tests failed' "$log" | grep -oE '^[0-9]+' | tail -1)
  report "native under ASan+UBSan (ctest)" "$((total - ${bad:-0}))" "${bad:-1}"
else
  report "sanitize build" 0 1
fi
rm -f "$log"

echo "== fuzz the document reader and the session (libFuzzer, build/fuzz)"
if bash scripts/fuzz.sh 30; then
  report "fuzz 30 s (libFuzzer)" 1 0
else
  report "fuzz 30 s (libFuzzer)" 0 1
fi

echo "== WebAssembly engine and CLI (node --test)"
if bash scripts/build-wasm.sh; then
  node_suite "wasm + cli (node --test)" tests/wasm/ tests/cli/ tests/web/
else
  report "wasm build" 0 1
fi

echo "== page (Playwright + Chromium)"
if npx vite build --config web/vite.config.js --logLevel warn && npx vite build --config web/vite.single.config.js --logLevel warn; then
  node_suite "page (node --test, chromium)" tests/e2e/
else
  report "page build" 0 1
fi

echo
echo "== summary"
cat build/summary.txt
echo "summary: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
