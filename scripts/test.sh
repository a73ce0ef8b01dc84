#!/usr/bin/env bash
# Runs every test of the project: the one command behind CI (.ci/run) and the README.
#
# Stages: set-up, formatting, lints, tests. Set-up failing stops everything; after that
# each stage runs even if an earlier one failed, so one run shows every problem. The exit
# code is non-zero if any stage failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -d "${HOME:-/root}/.cargo/bin" ]]; then
  PATH="${HOME:-/root}/.cargo/bin:$PATH"
fi
# CI builds in a fresh clone: incremental artefacts would only cost time and disk there.
if [[ "${CI:-}" == true ]]; then
  export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
fi

STAGES=(setup web fmt clippy nextest e2e fuzz bank)
FAILED=()
n=0

header() {
  n=$((n + 1))
  printf '\n==> [%d/%d] %s\n' "$n" "${#STAGES[@]}" "$*"
}

# Runs one stage, timing it and recording a failure instead of exiting.
stage() {
  local name="$1"
  shift
  local start=$SECONDS
  if "$@"; then
    printf -- '--- %s: ok (%ds)\n' "$name" $((SECONDS - start))
  else
    printf -- '--- %s: FAILED (exit %d, %ds)\n' "$name" "$?" $((SECONDS - start))
    FAILED+=("$name")
  fi
}

header "set-up: scripts/setup.sh"
stage setup bash scripts/setup.sh
if ((${#FAILED[@]} > 0)); then
  echo "test.sh: set-up failed; not running the other stages" >&2
  exit 1
fi

# First, so the binaries built below embed the freshly built web app.
header "web app: lint, type check, unit tests, build (scripts/web.sh all)"
stage web bash scripts/web.sh all

header "formatting: cargo fmt --all -- --check"
stage fmt cargo fmt --all -- --check

header "lints: cargo clippy --workspace --all-targets -- -D warnings"
stage clippy cargo clippy --workspace --all-targets -- -D warnings

header "tests: cargo nextest run --workspace --profile ci"
stage nextest cargo nextest run --workspace --profile ci

# The browser app end to end: Playwright drives Debian's Chromium against a real
# `tandem serve` (started by the suite on 127.0.0.1, port 0).
header "end to end: web/e2e in Chromium"
stage e2e bash -c 'cargo build --quiet -p tandem && cd web && npm run --silent e2e'

# Schema-driven fuzzing of the API (schemathesis) against a real server: no 5xx, no answer
# that breaks /api/openapi.json. Figures are printed; docs/security.md keeps the last ones.
header "fuzz: scripts/fuzz.sh (schemathesis against /api/openapi.json)"
stage fuzz bash scripts/fuzz.sh

# Every package of the built-in bank is proved in the real sandbox: references accepted in
# each language they ship, wrong solutions rejected with their declared verdicts.
header "bank: tandem problems validate problems"
stage bank cargo run --quiet -p tandem -- problems validate problems

echo
if ((${#FAILED[@]} > 0)); then
  echo "test.sh: FAILED stages: ${FAILED[*]}" >&2
  exit 1
fi
echo "test.sh: every stage passed (${STAGES[*]})"
