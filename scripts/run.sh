#!/usr/bin/env bash
# Starts Tandem on its embedded defaults.
#
# Until the web server exists this is a demonstration through the CLI: it builds the
# `tandem` binary, shows what this machine supports (`tandem doctor`), then runs two
# example programs in the sandbox, each printing one JSON result. When the server lands,
# this script becomes `exec target/release/tandem serve` (the app on 127.0.0.1:8080).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -d "${HOME:-/root}/.cargo/bin" ]]; then
  PATH="${HOME:-/root}/.cargo/bin:$PATH"
fi

echo "==> set-up"
bash scripts/setup.sh

echo
echo "==> build: cargo build --release -p tandem"
cargo build --release -p tandem

TANDEM=target/release/tandem

echo
echo "==> $TANDEM doctor"
"$TANDEM" doctor

echo
echo "==> $TANDEM run examples/hello.py"
"$TANDEM" run examples/hello.py

echo
echo "==> $TANDEM run --stdin examples/sum.in examples/sum.cpp"
"$TANDEM" run --stdin examples/sum.in examples/sum.cpp
