#!/usr/bin/env bash
# One command that prepares a fresh Debian/Ubuntu machine for Tandem: the system packages it needs
# (adb, chromium) when they are missing, then the npm packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v adb >/dev/null 2>&1 || missing+=(adb)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "tandem setup: please install ${missing[*]} with your package manager" >&2
    exit 1
  fi
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "tandem setup: installing ${missing[*]} (apt-get)"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

# `--if-needed` (npm start / npm test run it first): skip npm when node_modules matches the lock.
if [ "${1:-}" = "--if-needed" ] && [ -f node_modules/.package-lock.json ] &&
  [ node_modules/.package-lock.json -nt package-lock.json ]; then
  exit 0
fi

# The Electron binary comes from outside the npm registry; where it cannot be downloaded, Tandem
# runs headless (see README). Set TANDEM_ELECTRON=1 to try the download.
if [ "${TANDEM_ELECTRON:-0}" != "1" ]; then export ELECTRON_SKIP_BINARY_DOWNLOAD=1; fi
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
echo "tandem setup: done. Run 'npm start' to start Tandem, 'npm test' to run the tests."
