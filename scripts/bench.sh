#!/usr/bin/env bash
# Prints every benchmark figure that docs/benchmarks.md records: sandbox overhead against a bare
# process start and bubblewrap (side by side in one run), throughput of concurrent runs, each
# language's fixed cost (compile cache miss and hit), and the judge on function-mode problems.
# Figures only: nothing here asserts a time. Not part of scripts/test.sh (it takes minutes).
#
#   scripts/bench.sh            # all figures
#   scripts/bench.sh sandbox    # only the sandbox section (or: languages, judge)
#   scripts/bench.sh load       # tandem serve under 500 concurrent runs (bench/load.mjs)
#   scripts/bench.sh latency    # Run → first result: server side and in Chromium (bench/latency.mjs)
#   scripts/bench.sh web        # Lighthouse on /, /problems, a session page (bench/web/lighthouse.mjs)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PATH="${HOME:-/root}/.cargo/bin:$PATH"
section="${1:-all}"

bash scripts/setup.sh >/dev/null
# The server benchmarks that open pages need the real web app embedded (web/dist) in the binary.
if [[ $section == all || $section == latency || $section == web ]]; then
  bash scripts/web.sh build >/dev/null
fi
cargo build --quiet --release -p tandem
tandem=target/release/tandem
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "# machine: $(nproc) cores, $(uname -r), $(date -u +%Y-%m-%d)"

if [[ $section == all || $section == sandbox ]]; then
  echo; echo "## Sandbox overhead (median of 300 runs each)"
  cargo bench --quiet -p tandem-sandbox --bench overhead -- 300
  echo; echo "## Throughput"
  cargo bench --quiet -p tandem-sandbox --bench throughput -- 400
fi

if [[ $section == all || $section == languages ]]; then
  echo; echo "## Fixed cost per language: tandem run of hello world (whole CLI process)"
  for file in bench/hello/*; do
    cache="$work/cache-$(basename "$file")"
    "$tandem" run --cache-dir "$cache" "$file" >/dev/null
    hyperfine --style basic --warmup 1 --runs 8 --command-name "$(basename "$file") miss (compiler runs)" \
      "$tandem run --no-cache $file" 2>/dev/null | grep -E "Time|±" | head -1 | sed "s|^|$(basename "$file") miss: |"
    hyperfine --style basic --warmup 1 --runs 15 \
      "$tandem run --cache-dir $cache $file" 2>/dev/null | grep -E "Time|±" | head -1 | sed "s|^|$(basename "$file") hit:  |"
  done
fi

if [[ $section == all || $section == judge ]]; then
  echo; echo "## Judge: tandem judge on a function-mode problem with 10 public tests"
  for solution in bench/judge/*; do
    name=$(basename "$solution")
    cache="$work/judge-cache"
    "$tandem" judge --cache-dir "$cache" --problem bench/judge-problem "$solution" >/dev/null
    hyperfine --style basic --warmup 2 --runs 15 \
      "$tandem judge --cache-dir $cache --problem bench/judge-problem $solution" 2>/dev/null \
      | grep -E "Time" | head -1 | sed "s|^|$name (compiled before: cache hit): |"
  done
fi

# bench/web's npm packages (playwright-core, lighthouse): npm ci only when its lock file changed.
bench_web_deps() {
  local stamp=bench/web/node_modules/.tandem-lock.sha256 want
  want=$(sha256sum bench/web/package-lock.json | cut -d' ' -f1)
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    (cd bench/web && npm ci --loglevel=error --no-audit --no-fund </dev/null >/dev/null)
    echo "$want" >"$stamp"
  fi
}

if [[ $section == all || $section == load ]]; then
  echo; echo "## tandem serve under load: 500 guests press Run at once (bench/load.mjs)"
  node bench/load.mjs
fi

if [[ $section == all || $section == latency ]]; then
  echo; echo "## Run → first result: bench/problems/busiest-window, Python, 10 public tests (bench/latency.mjs)"
  bench_web_deps
  node bench/latency.mjs
fi

if [[ $section == all || $section == web ]]; then
  echo; echo "## Lighthouse: landing, problems, session page (bench/web/lighthouse.mjs)"
  bench_web_deps
  node bench/web/lighthouse.mjs --runs 3
fi
