#!/usr/bin/env bash
# Installs what `npm start` and `npm test` need and is missing: npm packages, Debian's Chromium,
# a Rust toolchain that can build for wasm32-unknown-unknown, the wasm-bindgen CLI matching
# Cargo.lock, and the Python tools (maturin, pytest, Dask: python/requirements-dev.txt) in the
# project's own virtual environment .venv. Idempotent: a second run only checks.
#
# No wasm-opt: Debian's binaryen (108) mis-writes wasm-bindgen's externref table export, and
# once the name section is dropped it did not shrink the gzipped module anyway (measured). npm's
# binaryen 132 neither: its -Oz output gzips larger than rustc's at opt-level 3, "s" and "z"
# (462,410 vs 461,981, 412,809 vs 394,421, 359,280 vs 339,813 bytes).
# scripts/build-wasm.sh uses a wasm-opt found on PATH, and keeps its output only if it passes.
#
# The wasm route is written to .toolchain/env.sh, which scripts/build-wasm.sh sources.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
toolchain="$repo/.toolchain"
mkdir -p "$toolchain"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# Run as root when we are root, through sudo otherwise (a developer's own machine).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_update_once() {
  if [ "$apt_updated" -eq 0 ]; then
    say "apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
}

# --- npm packages ------------------------------------------------------------------------------
# The stamp records the lock file's hash, so a changed lock reinstalls and an unchanged one is free.
npm_packages() {
  local stamp=node_modules/.stancemap-lock.sha256 want
  if [ -f package-lock.json ]; then
    want=$(sha256sum package-lock.json | cut -d' ' -f1)
    if [ -d node_modules ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
      say "npm packages: up to date"
      return
    fi
    say "npm packages: npm ci"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
    printf '%s\n' "$want" >"$stamp"
  else
    if [ -d node_modules/vite ] && [ -d node_modules/@playwright/test ]; then
      say "npm packages: present (no package-lock.json)"
      return
    fi
    say "npm packages: npm install (no package-lock.json)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund
  fi
}

# --- Chromium for the browser tests ----------------------------------------------------------
# Playwright's own browser download cannot work here; Debian's chromium is driven instead.
chromium() {
  if [ -x /usr/bin/chromium ]; then
    say "chromium: /usr/bin/chromium present"
    return
  fi
  apt_update_once
  say "chromium: apt-get install chromium chromium-driver"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
}

# --- Rust toolchain for wasm32-unknown-unknown -----------------------------------------------
host_triple() { rustc -vV | sed -n 's/^host: //p'; }

write_env_rustup() {
  cat >"$toolchain/env.sh" <<'EOF'
# Written by scripts/setup.sh: the rustup toolchain has the wasm32-unknown-unknown target.
WASM_ROUTE=rustup
WASM_CARGO_ENV=()
WASM_CARGO_FLAGS=()
EOF
}

# Debian's rustc-web ships std only for the host, so std is rebuilt for wasm32 from rust-web-src
# (-Zbuild-std, hence RUSTC_BOOTSTRAP). rustup's rust-lld links, as it would for rustup's target.
write_env_rustc_web() {
  local prefix=$1 lld
  lld="$(rustc --print sysroot)/lib/rustlib/$(host_triple)/bin/rust-lld"
  [ -x "$lld" ] || die "rust-lld not found at $lld (needed to link wasm with Debian's rustc-web)"
  cat >"$toolchain/env.sh" <<EOF
# Written by scripts/setup.sh: Debian's rustc-web in .toolchain, std built from source.
WASM_ROUTE=rustc-web
WASM_CARGO_ENV=(
  "RUSTC=$prefix/usr/bin/rustc"
  "LD_LIBRARY_PATH=$prefix/usr/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}"
  "RUSTC_BOOTSTRAP=1"
  "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=$lld"
)
WASM_CARGO_FLAGS=(-Zbuild-std=std,panic_abort)
EOF
}

rustc_web_ok() {
  local prefix=$1 sysroot
  [ -x "$prefix/usr/bin/rustc" ] || return 1
  LD_LIBRARY_PATH="$prefix/usr/lib/x86_64-linux-gnu" "$prefix/usr/bin/rustc" --version >/dev/null 2>&1 || return 1
  sysroot=$(LD_LIBRARY_PATH="$prefix/usr/lib/x86_64-linux-gnu" "$prefix/usr/bin/rustc" --print sysroot)
  [ -f "$sysroot/lib/rustlib/src/rust/library/std/Cargo.toml" ]
}

install_rustc_web() {
  local prefix=$1 debs="$toolchain/debs" version mm llvm sysroot src
  apt_update_once
  version=$(apt-cache policy rustc-web | sed -n 's/^ *Candidate: *//p')
  [ -n "$version" ] && [ "$version" != "(none)" ] || die "apt has no rustc-web package"
  mm=$(printf '%s' "$version" | sed -E 's/^([0-9]+\.[0-9]+).*/\1/')
  say "wasm toolchain: Debian rustc-web $version into .toolchain/rustc-web"
  rm -rf "$debs" "$prefix"
  mkdir -p "$debs" "$prefix"
  # apt's sandbox user must be able to write the download folder.
  chmod 0777 "$debs"
  (cd "$debs" && apt-get download -q "rustc-web=$version" "libstd-rust-web-$mm=$version" \
    "libstd-rust-web-dev=$version" "rust-web-src=$version")
  # The LLVM library rustc-web was linked against, read from its own Depends line.
  llvm=$(dpkg-deb -f "$debs"/rustc-web_*.deb Depends | grep -oE 'libllvm[0-9]+' | head -n1 || true)
  [ -n "$llvm" ] || llvm=$(dpkg-deb -f "$debs"/libstd-rust-web-"$mm"_*.deb Depends | grep -oE 'libllvm[0-9]+' | head -n1 || true)
  [ -n "$llvm" ] || die "could not tell which libllvm rustc-web needs"
  (cd "$debs" && apt-get download -q "$llvm")
  for deb in "$debs"/*.deb; do
    say "  dpkg -x $(basename "$deb")"
    dpkg -x "$deb" "$prefix"
  done
  # -Zbuild-std looks for the std sources at <sysroot>/lib/rustlib/src/rust; rust-web-src puts
  # them in usr/src/rustc-<version>, which the package's own relative symlink normally reaches.
  sysroot=$(LD_LIBRARY_PATH="$prefix/usr/lib/x86_64-linux-gnu" "$prefix/usr/bin/rustc" --print sysroot)
  if [ ! -f "$sysroot/lib/rustlib/src/rust/library/std/Cargo.toml" ]; then
    src=$(ls -d "$prefix"/usr/src/rustc-* 2>/dev/null | head -n1)
    [ -n "$src" ] || die "rust-web-src did not unpack a usr/src/rustc-* folder"
    mkdir -p "$sysroot/lib/rustlib/src"
    ln -sfn "$src" "$sysroot/lib/rustlib/src/rust"
  fi
  rm -rf "$debs"
  rustc_web_ok "$prefix" || die "the unpacked rustc-web does not run"
}

wasm_toolchain() {
  local prefix="$toolchain/rustc-web"
  # STANCEMAP_WASM_ROUTE=rustc-web forces the offline route (to test it where rustup works).
  if [ "${STANCEMAP_WASM_ROUTE:-}" = rustc-web ]; then
    say "wasm toolchain: Debian rustc-web forced by STANCEMAP_WASM_ROUTE"
    rustc_web_ok "$prefix" || install_rustc_web "$prefix"
    write_env_rustc_web "$prefix"
    return
  fi
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "wasm toolchain: rustup target wasm32-unknown-unknown installed"
    write_env_rustup
    return
  fi
  # An earlier run already chose the offline route: keep it instead of waiting on rustup again.
  if grep -q '^WASM_ROUTE=rustc-web' "$toolchain/env.sh" 2>/dev/null && rustc_web_ok "$prefix"; then
    say "wasm toolchain: Debian rustc-web in .toolchain (from an earlier run)"
    write_env_rustc_web "$prefix"
    return
  fi
  say "wasm toolchain: rustup target add wasm32-unknown-unknown (at most 20 s)"
  if timeout -k 5 20 rustup target add wasm32-unknown-unknown; then
    write_env_rustup
    return
  fi
  say "wasm toolchain: rustup could not add the target; using Debian's rustc-web instead"
  if ! rustc_web_ok "$prefix"; then
    install_rustc_web "$prefix"
  fi
  write_env_rustc_web "$prefix"
}

# --- wasm-bindgen CLI, the same version as the wasm-bindgen crate in Cargo.lock ---------------
wasm_bindgen_version() {
  [ -f Cargo.lock ] || die "Cargo.lock is missing"
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

find_wasm_bindgen() {
  local want=$1 candidate
  for candidate in "$toolchain/cargo/bin/wasm-bindgen" "$(command -v wasm-bindgen || true)" \
    "${CARGO_HOME:-$HOME/.cargo}/bin/wasm-bindgen"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    if [ "$("$candidate" --version 2>/dev/null)" = "wasm-bindgen $want" ]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

wasm_bindgen_cli() {
  local want found root
  want=$(wasm_bindgen_version)
  [ -n "$want" ] || die "no wasm-bindgen package in Cargo.lock"
  if ! found=$(find_wasm_bindgen "$want"); then
    # Cargo's own bin folder serves every later clone on this machine; if it already holds
    # another version (someone else's project), install beside the repo instead of replacing it.
    root="${CARGO_HOME:-$HOME/.cargo}"
    if [ -x "$root/bin/wasm-bindgen" ]; then root="$toolchain/cargo"; fi
    say "wasm-bindgen: cargo install wasm-bindgen-cli $want into $root (takes a few minutes)"
    # --locked first; its lock can name a dependency version that the registry index has not
    # got (seen: webpki-roots), and then cargo resolves the dependencies itself.
    if ! cargo install wasm-bindgen-cli --version "$want" --locked --root "$root"; then
      say "wasm-bindgen: --locked failed, retrying with freshly resolved dependencies"
      cargo install wasm-bindgen-cli --version "$want" --root "$root"
    fi
    found=$(find_wasm_bindgen "$want") || die "wasm-bindgen $want is still not found after installing"
  fi
  say "wasm-bindgen: $found ($want)"
  printf 'WASM_BINDGEN=%q\n' "$found" >>"$toolchain/env.sh"
}

# --- Python tools for the Python package (python/): a project-local virtual environment --------
# The stamp records the requirements' hash, as for npm: a changed pin reinstalls.
python_venv() {
  local venv="$repo/.venv" req="$repo/python/requirements-dev.txt" stamp want
  stamp="$venv/.stancemap-requirements.sha256"
  want=$(sha256sum "$req" | cut -d' ' -f1)
  if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    say "python venv: .venv up to date"
    return
  fi
  if [ ! -x "$venv/bin/python" ]; then
    say "python venv: python3 -m venv .venv"
    python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  fi
  say "python venv: pip install -r python/requirements-dev.txt"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$req"
  printf '%s\n' "$want" >"$stamp"
}

npm_packages
chromium
python_venv
wasm_toolchain
wasm_bindgen_cli
say "done ($(sed -n 's/^WASM_ROUTE=//p' "$toolchain/env.sh") route; see .toolchain/env.sh)"
