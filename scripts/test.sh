#!/usr/bin/env bash
# npm test: install what is missing, build everything, run every suite, end with one summary line.
# Two lanes run side by side (2 cores): the native lane (the doctest suite, the same under ASan + UBSan, the fuzzer),
# niced, with its output kept in build/native-lane.log and printed once it ends; and the WebAssembly and page lane in
# the foreground (its CLI tests wait for the native lane's build). Each suite writes one line to build/summary.txt;
# the totals are summed from those lines.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
bash scripts/setup.sh --browser || exit 1

mkdir -p build
summary=build/summary.txt
counts=build/summary-counts.txt
: >"$summary"
: >"$counts"
report() { # name, pass count, fail count, seconds
  printf '  %-32s %4d passed, %d failed  (%d s)\n' "$1" "$2" "$3" "$4" >>"$summary"
  echo "$2 $3" >>"$counts"
}
ctest_suite() { # name, log of a ctest run, seconds
  local total bad
  total=$(grep -oE 'out of [0-9]+' "$2" | grep -oE '[0-9]+' | tail -1)
  if [ -z "$total" ]; then
    report "$1" 0 1 "$3"
    return
  fi
  bad=$(grep -oE '[0-9]+ tests failed' "$2" | grep -oE '^[0-9]+' | tail -1)
  report "$1" "$((total - ${bad:-0}))" "${bad:-1}" "$3"
}
node_suite() { # name, folders …
  local name=$1 log start=$SECONDS p f
  shift
  log=$(mktemp)
  node --test --test-reporter=spec "$@" 2>&1 | tee "$log"
  p=$(grep -aoE '^ℹ pass [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)
  f=$(grep -aoE '^ℹ fail [0-9]+' "$log" | grep -oE '[0-9]+' | tail -1)
  report "$name" "${p:-0}" "${f:-1}" $((SECONDS - start))
  rm -f "$log"
}

native_lane() {
  local log start
  log=$(mktemp)
  echo "== native engine (doctest via CTest)"
  start=$SECONDS
  if bash scripts/build-native.sh; then
    echo ok >build/native-built  # the CLI tests of the other lane wait for this
    (cd build/native && ctest --output-on-failure -j2) 2>&1 | tee "$log"
    ctest_suite "native (ctest)" "$log" $((SECONDS - start))
  else
    echo failed >build/native-built
    report "native build" 0 1 $((SECONDS - start))
  fi

  echo "== native engine under ASan + UBSan (doctest via CTest, build/sanitize)"
  start=$SECONDS
  bash scripts/sanitize.sh 2>&1 | tee "$log"
  ctest_suite "native under ASan+UBSan (ctest)" "$log" $((SECONDS - start))

  echo "== fuzz the document reader and the session (libFuzzer, build/fuzz)"
  start=$SECONDS
  if bash scripts/fuzz.sh 60; then
    report "fuzz 60 s (libFuzzer)" 1 0 $((SECONDS - start))
  else
    report "fuzz 60 s (libFuzzer)" 0 1 $((SECONDS - start))
  fi
  rm -f "$log"
}

began=$SECONDS
rm -f build/native-built
echo "== the native lane runs alongside (its output: build/native-lane.log, printed when it ends)"
nice -n 10 bash -c "$(declare -f report ctest_suite native_lane); summary=$summary counts=$counts native_lane" \
  >build/native-lane.log 2>&1 &
native_pid=$!

echo "== WebAssembly engine and CLI (node --test)"
start=$SECONDS
if bash scripts/build-wasm.sh; then
  # tests/cli/ runs the native CLI, which the native lane builds first.
  while [ ! -f build/native-built ] && kill -0 "$native_pid" 2>/dev/null; do sleep 1; done
  node_suite "wasm + cli (node --test)" tests/wasm/ tests/cli/ tests/web/
else
  report "wasm build" 0 1 $((SECONDS - start))
fi

echo "== page (Playwright + Chromium)"
start=$SECONDS
if npx vite build --config web/vite.config.js --logLevel warn && npx vite build --config web/vite.single.config.js --logLevel warn; then
  node_suite "page (node --test, chromium)" tests/e2e/
else
  report "page build" 0 1 $((SECONDS - start))
fi

wait "$native_pid"
echo
cat build/native-lane.log

passed=0
failed=0
while read -r p f; do
  passed=$((passed + p))
  failed=$((failed + f))
done <"$counts"
echo
echo "== summary ($((SECONDS - began)) s)"
cat "$summary"
echo "summary: ${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
