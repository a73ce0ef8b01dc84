#!/usr/bin/env bash
# Prints every benchmark figure that docs/benchmarks.md records: sandbox overhead against a bare
# process start and bubblewrap (side by side in one run), throughput of concurrent runs, each
# language's fixed cost (compile cache miss and hit), and the judge on function-mode problems.
# Figures only: nothing here asserts a time. Not part of scripts/test.sh (it takes minutes).
#
#   scripts/bench.sh            # all figures
#   scripts/bench.sh sandbox    # only the sandbox section (or: languages, judge)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PATH="${HOME:-/root}/.cargo/bin:$PATH"
section="${1:-all}"

bash scripts/setup.sh >/dev/null
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
