#!/usr/bin/env bash
# Builds the crate for wasm32-unknown-unknown (release), generates the JS glue into www/pkg with
# wasm-bindgen, runs wasm-opt when setup found it, and prints the sizes the browser downloads.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

env_file=.toolchain/env.sh
[ -f "$env_file" ] || { echo "build-wasm: $env_file missing; run scripts/setup.sh first" >&2; exit 1; }
WASM_BINDGEN=wasm-bindgen
WASM_OPT=
WASM_OPT_LIBS=
# shellcheck source=/dev/null
source "$env_file"

say() { printf 'build-wasm: %s\n' "$*"; }

# A target dir of its own: with another rustc or -Zbuild-std the native build must not be redone.
target_dir=target/wasm
out=www/pkg
say "cargo build --lib --release --target wasm32-unknown-unknown ($WASM_ROUTE route)"
# --lib: the CLI binary of the same name would otherwise also be linked to stancemap.wasm.
env ${WASM_CARGO_ENV[@]+"${WASM_CARGO_ENV[@]}"} cargo build --lib --release \
  --target wasm32-unknown-unknown --target-dir "$target_dir" \
  ${WASM_CARGO_FLAGS[@]+"${WASM_CARGO_FLAGS[@]}"}

wasm="$target_dir/wasm32-unknown-unknown/release/stancemap.wasm"
rm -rf "$out"
say "wasm-bindgen --target web --out-dir $out"
"$WASM_BINDGEN" --target web --out-dir "$out" "$wasm"

bg="$out/stancemap_bg.wasm"
raw_before=$(stat -c %s "$bg")
if [ -n "$WASM_OPT" ]; then
  # The features rustc enables by default for wasm32 today; wasm-opt must accept them and may
  # use no others, so that every browser that runs the unoptimised module runs this one.
  say "wasm-opt -Oz"
  LD_LIBRARY_PATH="$WASM_OPT_LIBS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$WASM_OPT" -Oz \
    --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types --enable-multivalue \
    "$bg" -o "$bg.opt"
  mv "$bg.opt" "$bg"
else
  say "wasm-opt not available: size pass skipped"
fi

size() { stat -c %s "$1"; }
gz() { gzip -9c "$1" | wc -c; }
say "sizes (raw / gzip -9):"
printf '  %-28s %8d / %7d bytes%s\n' "stancemap_bg.wasm" "$(size "$bg")" "$(gz "$bg")" \
  "$([ -n "$WASM_OPT" ] && printf ' (before wasm-opt: %d)' "$raw_before")"
printf '  %-28s %8d / %7d bytes\n' "stancemap.js (glue)" "$(size "$out/stancemap.js")" "$(gz "$out/stancemap.js")"
