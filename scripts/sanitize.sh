#!/usr/bin/env bash
# The native doctest suite (and the CLI it runs) under AddressSanitizer + UndefinedBehaviorSanitizer, in
# build/sanitize/. Any sanitizer report stops the test process, so its test fails and the script exits non-zero.
# -O1 -g1: -O0 builds in half the time but runs the suite 4 times slower; -g1 keeps file and line in stack traces.
set -euo pipefail
cd "$(dirname "$0")/.."

flags="-O1 -g1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all"
# Debug keeps assert() on; our flags replace its -O0 -g. Configured every time (a second or so) so that a change of
# flags here takes effect; clang++ as for the fuzzer (scripts/fuzz.sh).
cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_CXX_FLAGS_DEBUG="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build/sanitize -j2 >/dev/null

export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:strict_init_order=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
cd build/sanitize && ctest --output-on-failure -j2 "$@"
