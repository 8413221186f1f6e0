#!/usr/bin/env bash
# One command that prepares a machine for Tandem: checks Node.js against package.json's engines,
# installs the system packages it needs (adb, chromium; postgresql and redis-server for the shared
# service and its tests; fonts-noto-cjk for the Chinese UI) with apt-get when they are missing
# (Debian/Ubuntu), or, where there is no apt-get (macOS, Git Bash on Windows, other Linux), says
# what to install and carries on; then the npm packages. Safe to run again.
#
#   --if-needed              skip npm when node_modules matches the lock (npm start / npm test)
#   TANDEM_ELECTRON=1        try the Electron binary download (skipped by default, see below)
#   TANDEM_SETUP_ROOT        prefix of the fixed paths looked at, /usr/bin/chromium and
#                            /Applications/… (default none; for the tests of this script)
set -euo pipefail
cd "$(dirname "$0")/.."

# True when version $1 (MAJOR.MINOR[.PATCH]) is at least $2 (MAJOR.MINOR).
version_at_least() {
  local have_major have_minor need_major need_minor
  IFS=. read -r have_major have_minor _ <<<"$1"
  IFS=. read -r need_major need_minor _ <<<"$2"
  have_minor=${have_minor%%[!0-9]*}
  [[ "$have_major" =~ ^[0-9]+$ ]] || return 1
  ((have_major > need_major || (have_major == need_major && ${have_minor:-0} >= ${need_minor:-0})))
}

required_node=$(sed -n 's/.*"node": *">=\([0-9][0-9.]*\)".*/\1/p' package.json | head -n 1)
required_node=${required_node:-20.10}
node_version=$(node -v 2>/dev/null || true)
if ! version_at_least "${node_version#v}" "$required_node"; then
  {
    echo "tandem setup: Tandem needs Node.js $required_node or newer; found ${node_version:-no node}."
    echo "  Get Node 20 with nvm (https://github.com/nvm-sh/nvm): nvm install 20 && nvm use 20"
    echo "  or on Debian/Ubuntu from NodeSource: https://github.com/nodesource/distributions"
  } >&2
  exit 1
fi

root=${TANDEM_SETUP_ROOT:-}
has_browser() {
  if command -v chromium >/dev/null 2>&1 || [ -x "$root/usr/bin/chromium" ]; then return 0; fi
  # macOS: the app bundles Tandem itself looks for (agent/browser/find-chromium.ts).
  if [ "$(uname -s)" = Darwin ]; then
    local apps="$root/Applications"
    [ -x "$apps/Google Chrome.app/Contents/MacOS/Google Chrome" ] ||
      [ -x "$apps/Chromium.app/Contents/MacOS/Chromium" ] ||
      [ -x "$apps/Microsoft Edge.app/Contents/MacOS/Microsoft Edge" ]
    return
  fi
  return 1
}

advice() {
  case "$1" in
  adb)
    echo "adb not found: install Android SDK Platform-Tools (macOS: brew install --cask" \
      "android-platform-tools; else https://developer.android.com/tools/releases/platform-tools)" \
      "and put adb on PATH, or set ADB to its full path"
    ;;
  chromium)
    echo "neither Chromium nor Google Chrome found: install Google Chrome" \
      "(https://www.google.com/chrome/) or Chromium; Tandem opens the browsing session in it"
    ;;
  postgresql)
    echo "PostgreSQL not found: only the shared service (tandem server --database postgres://…)" \
      "and its tests need it (macOS: brew install postgresql@16)"
    ;;
  redis-server)
    echo "redis-server not found: only a relay on several nodes (tandem server --redis …)" \
      "and its tests need it (macOS: brew install redis)"
    ;;
  fonts-noto-cjk)
    echo "no CJK fonts found: install Noto Sans CJK so the Chinese UI renders"
    ;;
  esac
}

# The PostgreSQL server binaries (Debian keeps them out of PATH, under /usr/lib/postgresql/N/bin).
has_postgres() {
  command -v postgres >/dev/null 2>&1 && return 0
  compgen -G "$root/usr/lib/postgresql/*/bin/postgres" >/dev/null
}
has_cjk_fonts() {
  [ "$(uname -s)" != Linux ] && return 0
  compgen -G "$root/usr/share/fonts/opentype/noto/NotoSansCJK*" >/dev/null
}

missing=()
command -v adb >/dev/null 2>&1 || missing+=(adb)
has_browser || missing+=(chromium)
# Not needed to run Tandem on one PC: installed where apt-get exists, else only noted.
extras=()
has_postgres || extras+=(postgresql)
command -v redis-server >/dev/null 2>&1 || extras+=(redis-server)
has_cjk_fonts || extras+=(fonts-noto-cjk)
if ! command -v apt-get >/dev/null 2>&1; then
  for package in "${extras[@]}"; do echo "tandem setup: note: $(advice "$package")"; done
  extras=()
fi
missing+=("${extras[@]}")
if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    for package in "${missing[@]}"; do echo "tandem setup: warning: $(advice "$package")" >&2; done
    echo "tandem setup: no apt-get here to install them; carrying on without them" >&2
  else
    sudo_cmd=()
    [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    echo "tandem setup: installing ${missing[*]} (apt-get)"
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
  fi
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
