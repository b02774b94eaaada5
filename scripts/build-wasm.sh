#!/usr/bin/env bash
# Builds the crate for wasm32-unknown-unknown (release), generates the JS glue into www/pkg with
# wasm-bindgen, tries a wasm-opt size pass if a wasm-opt is on PATH, checks the module, and
# prints the sizes the browser downloads.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

env_file=.toolchain/env.sh
[ -f "$env_file" ] || { echo "build-wasm: $env_file missing; run scripts/setup.sh first" >&2; exit 1; }
WASM_BINDGEN=wasm-bindgen
# shellcheck source=/dev/null
source "$env_file"

say() { printf 'build-wasm: %s\n' "$*"; }
size() { stat -c %s "$1"; }
gz() { gzip -9c "$1" | wc -c; }

# A target dir of its own: with another rustc or -Zbuild-std the native build must not be redone.
# Under CARGO_TARGET_DIR when that is set (several checkouts sharing a machine).
target_dir=${CARGO_TARGET_DIR:-target}/wasm
out=www/pkg
# The web profile of Cargo.toml (the crate at opt-level 2, its dependencies at "s"; the choice is
# measured there); STANCEMAP_WASM_PROFILE=release builds everything at opt-level 3.
wasm_profile=${STANCEMAP_WASM_PROFILE:-wasm}
rm -rf "$out"

# The crate twice, as two modules (src/wasm/): the one that analyses, which a page needs before
# its first result, and the one the worker fetches only when the reader first compares
# articles. Arguments: the module's name, its cargo feature, the exports check-wasm.mjs expects.
build_module() {
  local name=$1 feature=$2 exports=$3
  say "cargo build --lib --profile $wasm_profile --target wasm32-unknown-unknown --features $feature ($WASM_ROUTE route)"
  # --lib: the CLI binary of the same name would otherwise also be linked to stancemap.wasm.
  # --no-default-features: no NER model compiled in; the worker fetches the article's one.
  env ${WASM_CARGO_ENV[@]+"${WASM_CARGO_ENV[@]}"} cargo build --lib --no-default-features --features "$feature" \
    --target wasm32-unknown-unknown --profile "$wasm_profile" --target-dir "$target_dir" \
    ${WASM_CARGO_FLAGS[@]+"${WASM_CARGO_FLAGS[@]}"}
  # wasm-bindgen names its output after its input file.
  local built="$target_dir/wasm32-unknown-unknown/$wasm_profile/stancemap.wasm"
  local wasm="$target_dir/wasm32-unknown-unknown/$wasm_profile/$name.wasm"
  [ "$built" = "$wasm" ] || cp "$built" "$wasm"
  say "wasm-bindgen --target web --out-dir $out $wasm"
  # The name section is a quarter of the gzipped module; panic messages do not need it.
  "$WASM_BINDGEN" --target web --remove-name-section --remove-producers-section --out-dir "$out" "$wasm"

  local bg="$out/${name}_bg.wasm"
  node scripts/check-wasm.mjs "$bg" "$exports"

  if command -v wasm-opt >/dev/null 2>&1; then
    # The features rustc enables by default for wasm32; wasm-opt must accept them and use no
    # others, so that every browser that runs the unoptimised module runs this one.
    say "wasm-opt -Oz ($(wasm-opt --version 2>/dev/null || echo 'unknown version'))"
    if wasm-opt -Oz --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-reference-types --enable-multivalue "$bg" -o "$bg.opt" \
      && node scripts/check-wasm.mjs "$bg.opt" "$exports" && [ "$(gz "$bg.opt")" -lt "$(gz "$bg")" ]; then
      mv "$bg.opt" "$bg"
    else
      say "wasm-opt output not used (failed the check, or no smaller gzipped)"
      rm -f "$bg.opt"
    fi
  fi
}
# The comparing module first: the analysing one is then what target/ holds as stancemap.wasm.
build_module stancemap_compare web-compare compare,version,memory
build_module stancemap web analyze,analyzeJson,loadModel,version,memory

# The NER models, gzipped here (-n: no name or time stamp, so the bytes are reproducible): the
# worker fetches the one of the article's language and inflates it itself, so that the
# download is this size whatever the server's compression settings.
for lang in ar en; do
  gzip -9 -n -c "data/ner/$lang.model" > "$out/$lang.model.gz"
done

say "sizes (raw / gzip -9):"
printf '  %-22s %8d / %7d bytes\n' "stancemap_bg.wasm" "$(size "$out/stancemap_bg.wasm")" "$(gz "$out/stancemap_bg.wasm")"
printf '  %-22s %8d / %7d bytes\n' "stancemap.js (glue)" "$(size "$out/stancemap.js")" "$(gz "$out/stancemap.js")"
printf '  %-22s %8d / %7d bytes (fetched to compare articles)\n' "stancemap_compare_bg.wasm" "$(size "$out/stancemap_compare_bg.wasm")" "$(gz "$out/stancemap_compare_bg.wasm")"
for lang in ar en; do
  printf '  %-22s %8d / %7d bytes (fetched for %s articles)\n' "$lang.model" "$(size "data/ner/$lang.model")" "$(size "$out/$lang.model.gz")" "$lang"
done
