#!/usr/bin/env bash
# Starts Tandem on its embedded defaults: the practice app on http://127.0.0.1:8080, with
# a SQLite file in ~/.local/share/tandem, the built-in problem bank and the local sandbox.
#
# Installs what is missing (scripts/setup.sh), builds the web app and embeds it in the
# release binary, then runs `tandem serve`. Extra arguments go to `tandem serve`
# (e.g. --listen 0.0.0.0:8080, --config tandem.toml). Ctrl-C stops it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -d "${HOME:-/root}/.cargo/bin" ]]; then
  PATH="${HOME:-/root}/.cargo/bin:$PATH"
fi

echo "==> set-up"
bash scripts/setup.sh

echo
echo "==> web app: scripts/web.sh build"
bash scripts/web.sh build

echo
echo "==> build: cargo build --release -p tandem"
cargo build --release -p tandem

echo
echo "==> target/release/tandem serve $*"
exec target/release/tandem serve "$@"
