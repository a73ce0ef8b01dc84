#!/usr/bin/env bash
# Installs what Tandem needs to build, test and run, and nothing that is already there.
#
# Idempotent and quick: every item is checked first (a command on PATH, a file, or a
# Debian package's status); `apt-get update` runs only when some Debian package is missing,
# and then once. Prints one line per item: "present" or "installed". Safe with CI=true and
# no stdin (nothing here prompts).
set -euo pipefail

# The Rust toolchain comes from rustup; a non-login shell may not have it on PATH yet.
if [[ -d "${HOME:-/root}/.cargo/bin" ]]; then
  PATH="${HOME:-/root}/.cargo/bin:$PATH"
fi

# Where npm-installed toolchains live (the judge looks for TypeScript's tsc.js here).
TOOLCHAINS_DIR=/opt/tandem/toolchains
TSC_JS="$TOOLCHAINS_DIR/node_modules/typescript/lib/tsc.js"

say() { printf '  %-10s %s\n' "$1" "$2"; }
die() { printf 'setup.sh: error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# dpkg's view of which packages are installed, read once (one dpkg-query call, ~10 ms).
declare -A DPKG_INSTALLED=()
while read -r pkg status; do
  [[ "$status" == "installed" ]] && DPKG_INSTALLED["${pkg%%:*}"]=1
done < <(dpkg-query -W -f '${Package} ${db:Status-Status}\n' 2>/dev/null || true)
pkg_installed() { [[ -n "${DPKG_INSTALLED[$1]:-}" ]]; }

# --- Rust: cannot be installed from here, only checked -------------------------------
have cargo || die "cargo not found. Tandem needs Rust 1.95 installed with rustup" \
  "(rustup puts cargo in ~/.cargo/bin); install it, then run this script again."
say present "rust ($(cargo --version 2>/dev/null | cut -d' ' -f2))"
# rustfmt and clippy are listed in rust-toolchain.toml; scripts/test.sh needs both.
for tool in fmt clippy; do
  cargo "$tool" --version >/dev/null 2>&1 ||
    die "cargo $tool is missing: run 'rustup component add ${tool/fmt/rustfmt}'."
done
say present "rustfmt, clippy"

# --- Debian packages -------------------------------------------------------------------
# Each entry: "label|kind:what|package". kind is cmd (a command on PATH), file (a path)
# or pkg (dpkg status). A command check accepts a tool that came from elsewhere.
ITEMS=(
  "build-essential|pkg:build-essential|build-essential"
  "pkg-config|cmd:pkg-config|pkg-config"
  "libseccomp-dev|pkg:libseccomp-dev|libseccomp-dev"
  # webauthn-rs (passkeys) links the system OpenSSL.
  "libssl-dev|pkg:libssl-dev|libssl-dev"
  "go|cmd:go|golang-go"
  "bubblewrap|cmd:bwrap|bubblewrap"
  "sqlite3|cmd:sqlite3|sqlite3"
  "hyperfine|cmd:hyperfine|hyperfine"
  "java (javac)|cmd:javac|JDK"
  # The sandbox bind-mounts system directories, so Python must be Debian's, not a
  # per-user shim (pyenv and friends live under $HOME).
  "python3|file:/usr/bin/python3|python3"
  "python3-venv|pkg:python3-venv|python3-venv"
  "node|cmd:node|nodejs npm"
  "git|cmd:git|git"
  "ca-certificates|pkg:ca-certificates|ca-certificates"
  # The browser of the end-to-end tests and Lighthouse (driven with playwright-core).
  "chromium|file:/usr/bin/chromium|chromium"
  "fonts|pkg:fonts-dejavu-core|fonts-dejavu-core"
)

is_present() {
  local kind="${1%%:*}" what="${1#*:}"
  case "$kind" in
    cmd) have "$what" ;;
    file) [[ -e "$what" ]] ;;
    pkg) pkg_installed "$what" ;;
    *) die "bad check kind '$kind'" ;;
  esac
}

MISSING=()
for item in "${ITEMS[@]}"; do
  IFS='|' read -r label check _ <<<"$item"
  if is_present "$check"; then
    say present "$label"
  else
    MISSING+=("$item")
  fi
done

if ((${#MISSING[@]} > 0)); then
  SUDO=()
  if ((EUID != 0)); then
    have sudo || die "not root and no sudo: cannot install Debian packages"
    SUDO=(sudo -n)
  fi
  apt() {
    "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y \
      -o DPkg::Lock::Timeout=300 "$@" </dev/null
  }
  echo "  updating the Debian package lists (something is missing)..."
  apt update >/dev/null
  PACKAGES=()
  for item in "${MISSING[@]}"; do
    IFS='|' read -r _ _ pkgs <<<"$item"
    if [[ "$pkgs" == JDK ]]; then
      # Debian 12's default JDK is 17; fall back to naming it if the alias is absent.
      if apt-cache show default-jdk-headless >/dev/null 2>&1; then
        pkgs=default-jdk-headless
      else
        pkgs=openjdk-17-jdk-headless
      fi
    fi
    read -r -a words <<<"$pkgs"
    PACKAGES+=("${words[@]}")
  done
  echo "  apt-get install ${PACKAGES[*]}"
  apt install --no-install-recommends "${PACKAGES[@]}" >/dev/null
  hash -r
  for item in "${MISSING[@]}"; do
    IFS='|' read -r label check _ <<<"$item"
    if [[ "${check%%:*}" == pkg ]]; then
      DPKG_INSTALLED["${check#*:}"]=1 # apt-get succeeded, so it is installed now
    fi
    is_present "$check" || die "installed the package for $label, but it is still not found"
    say installed "$label"
  done
fi

# --- TypeScript compiler, from the npm registry ---------------------------------------
# Node's type definitions come with it: without them `tsc --types node` cannot compile.
NODE_TYPES="$TOOLCHAINS_DIR/node_modules/@types/node/package.json"
if [[ -f "$TSC_JS" && -f "$NODE_TYPES" ]]; then
  say present "typescript ($TSC_JS)"
else
  have npm || die "npm is missing (node is there but came without npm); install npm."
  mkdir -p "$TOOLCHAINS_DIR"
  npm install --prefix "$TOOLCHAINS_DIR" --no-audit --no-fund --no-update-notifier \
    --loglevel=error typescript@5 @types/node@20 </dev/null >/dev/null
  [[ -f "$TSC_JS" && -f "$NODE_TYPES" ]] || die "npm finished but $TSC_JS or $NODE_TYPES does not exist"
  say installed "typescript ($TSC_JS)"
fi

# --- cargo-nextest: the test runner scripts/test.sh uses --------------------------------
if have cargo-nextest; then
  say present cargo-nextest
else
  cargo install cargo-nextest --locked </dev/null
  say installed cargo-nextest
fi

# --- Python test tools (schemathesis, aiosmtpd), in their own venv ----------------------
# Debian's interpreter, never a per-user shim; the stamp holds the requirements' hash so an
# edit to the list reinstalls and an unchanged list costs one file read.
VENV=/opt/tandem/venv
REQS="$(dirname "${BASH_SOURCE[0]}")/requirements-test.txt"
REQS_HASH="$(sha256sum "$REQS" | cut -d' ' -f1)"
if [[ -x "$VENV/bin/python" && "$(cat "$VENV/.tandem-reqs" 2>/dev/null)" == "$REQS_HASH" ]]; then
  say present "python test tools ($VENV)"
else
  [[ -x "$VENV/bin/python" ]] || /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQS" </dev/null
  echo "$REQS_HASH" >"$VENV/.tandem-reqs"
  say installed "python test tools ($VENV)"
fi
