#!/usr/bin/env bash
# Builds the Python wheel of stancemap (python/, PyO3) into target/wheels with the project's
# own maturin (.venv, from scripts/setup.sh), offline: cargo uses the crates it already has
# (`cargo fetch` runs first and is a no-op when they are there). One abi3 wheel serves
# CPython 3.9 and later. Prints the wheel's path and size; the last line is the path.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
maturin="$repo/.venv/bin/maturin"
[ -x "$maturin" ] || { echo "build-wheel: $maturin is missing; run scripts/setup.sh" >&2; exit 1; }
out="$repo/target/wheels"
rm -f "$out"/stancemap-*.whl
cargo fetch --locked --manifest-path python/Cargo.toml >/dev/null
started=$(date +%s)
# --compatibility linux: the wheel is for this kind of machine (no manylinux audit, which
# would want the zig or docker toolchains that are not here).
"$maturin" build --release --offline --locked --manifest-path python/Cargo.toml --out "$out" \
  --interpreter "$repo/.venv/bin/python" --compatibility linux >&2
wheel=$(ls "$out"/stancemap-*.whl)
echo "build-wheel: $(basename "$wheel"): $(stat -c %s "$wheel") bytes, built in $(( $(date +%s) - started )) s" >&2
echo "$wheel"
