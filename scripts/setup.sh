#!/usr/bin/env bash
# Installs what is missing: Debian packages (as root) and the npm packages.
# usage: scripts/setup.sh [--browser]   (--browser adds what only npm test needs: Chromium for the page tests,
#                                        clang and its runtimes for the sanitizer and fuzz suites)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake make g++ doctest-dev nlohmann-json3-dev emscripten)
[ "${1:-}" = "--browser" ] && packages+=(chromium clang libclang-rt-14-dev)

node_major=$(node -p 'process.versions.node.split(".")[0]')
node_minor=$(node -p 'process.versions.node.split(".")[1]')
if [ "$node_major" -lt 20 ] || { [ "$node_major" -eq 20 ] && [ "$node_minor" -lt 19 ]; }; then
  echo "backstep needs Node.js 20.19 or newer; this is $(node --version)." >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ ! -f /etc/debian_version ] || ! command -v apt-get >/dev/null; then
    echo "backstep: this is not Debian, so it cannot install its tools by itself." >&2
    echo "Install the equivalents of these Debian 12 packages, then run the command again:" >&2
    echo "  ${packages[*]}" >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "backstep: these Debian packages are missing and installing them needs root:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "backstep: installing ${missing[*]} …"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm packages: only when package-lock.json changed since the last install.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "backstep: installing npm packages …"
  npm ci --no-audit --no-fund --loglevel=error
fi
