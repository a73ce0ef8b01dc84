#!/usr/bin/env bash
# The web app (web/): install its npm packages when package-lock.json changed, then run the
# step asked for. Steps: deps, check (lint, type check, unit tests), build (web/dist, which
# the next cargo build embeds in the binary).
#
#   scripts/web.sh deps | check | build | all
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../web"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

deps() {
  # npm ci wipes and reinstalls; skip it when the installed tree matches the lock file.
  local stamp=node_modules/.tandem-lock.sha256
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "  web deps present (package-lock.json unchanged)"
    return
  fi
  echo "  npm ci (web/)"
  npm ci --loglevel=error </dev/null
  echo "$want" >"$stamp"
}

check() {
  npm run --silent lint
  npm run --silent typecheck
  npm run --silent test
}

build() {
  npm run --silent build
}

case "${1:-all}" in
  deps) deps ;;
  check) deps && check ;;
  build) deps && build ;;
  all) deps && check && build ;;
  *) echo "usage: scripts/web.sh deps|check|build|all" >&2; exit 2 ;;
esac
