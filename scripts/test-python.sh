#!/usr/bin/env bash
# The Python package's tests (part of `npm test`): builds the wheel offline, installs it into a
# fresh virtual environment with no package index (pip --no-index) and analyses an article
# there, then installs it into the project's .venv and runs pytest on python/tests (the API
# and the Dask run). pytest finding no test (exit 5) is a failure, like any other.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
say() { printf 'test-python: %s\n' "$*"; }

wheel=$(bash scripts/build-wheel.sh | tail -n1)
say "wheel $(basename "$wheel"), $(stat -c %s "$wheel") bytes"

# A fresh environment, offline: the wheel alone must be enough.
fresh="$repo/target/py-fresh-venv"
rm -rf "$fresh"
python3 -m venv "$fresh"
"$fresh/bin/pip" install --quiet --no-index --disable-pip-version-check "$wheel"
out=$(cd /tmp && "$fresh/bin/python" -c "import stancemap; print(stancemap.analyze('Russian President Vladimir Putin rejected the proposal.'))")
say "fresh venv: $out"
case "$out" in
  *"'name': 'Vladimir Putin'"*"'stance': 'rejects'"*) ;;
  *) say "error: the fresh environment's analysis lacks Vladimir Putin's rejection"; exit 1 ;;
esac
rm -rf "$fresh"

"$repo/.venv/bin/pip" install --quiet --no-index --no-deps --force-reinstall --disable-pip-version-check "$wheel"
set +e
# From the repository's root, so that the installed package is imported, not python/stancemap
# (which has no native module).
"$repo/.venv/bin/python" -m pytest -p no:cacheprovider -s python/tests
status=$?
set -e
if [ "$status" -eq 5 ]; then
  say "error: pytest collected no test"
  exit 1
fi
exit "$status"
