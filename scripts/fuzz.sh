#!/usr/bin/env bash
# Fuzzes the document reader and the Session behind it (tests/fuzz/document_fuzzer.cpp) with libFuzzer, ASan and
# UBSan for SECONDS (default 60). Builds into build/fuzz/, fuzzes a working copy of the seed corpus there (the seeds
# in tests/fuzz/corpus/ are never written), and exits non-zero naming the input of any finding.
# usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=build/fuzz

runtimes=$(clang++ -print-runtime-dir 2>/dev/null || true)
if ! compgen -G "$runtimes/libclang_rt.fuzzer-*.a" >/dev/null; then
  echo "fuzz: clang++ with libFuzzer is missing (Debian: apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
fi

# Objects are rebuilt when their source, any engine header or the flags change; engine and target compile in parallel.
flags="-std=c++17 -O1 -g1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
mkdir -p "$out/obj" "$out/corpus" "$out/artifacts"
[ "$(cat "$out/flags" 2>/dev/null)" = "$flags" ] || { rm -f "$out"/obj/*.o; echo "$flags" >"$out/flags"; }
sources=(cpp/engine/*.cpp tests/fuzz/document_fuzzer.cpp)
header=$(ls -t cpp/engine/*.hpp | head -1)  # the newest
stale=()
for src in "${sources[@]}"; do
  obj="$out/obj/$(basename "${src%.cpp}").o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$header" -nt "$obj" ]; then
    stale+=("$src")
  fi
done
build_start=$SECONDS
if [ ${#stale[@]} -gt 0 ]; then
  export flags out
  printf '%s\n' "${stale[@]}" |
    xargs -P "$(nproc)" -I{} bash -c 'clang++ $flags -Icpp/engine -c "$1" -o "$out/obj/$(basename "$1" .cpp).o"' _ {}
fi
clang++ $flags "$out"/obj/*.o -o "$out/document_fuzzer"
echo "fuzz: built $out/document_fuzzer in $((SECONDS - build_start)) s (${#stale[@]} of ${#sources[@]} files compiled)"

cp tests/fuzz/corpus/* "$out/corpus/"
touch "$out/started"
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
status=0
"$out/document_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -dict=tests/fuzz/document.dict -artifact_prefix="$out/artifacts/" "$out/corpus" >"$out/fuzz.log" 2>&1 || status=$?

artifact=$(find "$out/artifacts" -type f -newer "$out/started" | head -1)
if [ "$status" -ne 0 ] || [ -n "$artifact" ]; then
  tail -n 40 "$out/fuzz.log"
  what=$(grep -m1 -E '^FINDING: |ERROR: [A-Za-z]+Sanitizer|ERROR: libFuzzer|runtime error:' "$out/fuzz.log" || true)
  echo "fuzz: $([ -n "$artifact" ] && echo FINDING || echo FAILED) (exit $status): ${what:-see $out/fuzz.log}" >&2
  echo "fuzz: the input: ${artifact:-none written, see $out/fuzz.log}" >&2
  [ -n "$artifact" ] && echo "fuzz: reproduce with $out/document_fuzzer $artifact" >&2
  exit 1
fi
runs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$out/fuzz.log" | grep -oE '[0-9]+$')
cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$out/fuzz.log" | tail -1)
echo "fuzz: no finding in ${seconds} s: ${runs:-?} executions, ${cov:-coverage unknown} (log: $out/fuzz.log)"
