#!/usr/bin/env bash
# npm run format: Prettier for JS, CSS and HTML; clang-format (Debian's clang-format package) for C++.
# --check reports files that are not formatted instead of rewriting them.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=--write
clang=(-i)
if [ "${1:-}" = "--check" ]; then mode=--check; clang=(--dry-run --Werror); fi
npx prettier "$mode" 'web/**/*.{js,css,html}' 'tests/**/*.{js,mjs}' '*.json' 'web/vite.config.js'
if ! command -v clang-format >/dev/null; then
  echo "backstep: clang-format is missing; install it with: apt-get install -y clang-format" >&2
  exit 1
fi
git ls-files 'cpp/*.cpp' 'cpp/*.hpp' 'tests/native/*.cpp' 'tests/native/*.hpp' 'tests/fuzz/*.cpp' |
  xargs clang-format "${clang[@]}"
