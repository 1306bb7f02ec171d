#!/usr/bin/env bash
# Installs what the browser tests need on a fresh Debian machine: Debian's chromium
# (Playwright drives it through executable_path; no browser is ever downloaded) and
# axe-core from the npm registry. Idempotent: does nothing when both are there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "chromium is missing: sudo apt-get install chromium" >&2
    exit 1
  fi
fi

if [ -f package.json ] && [ ! -f node_modules/axe-core/axe.min.js ]; then
  npm ci --silent --no-audit --no-fund
fi
