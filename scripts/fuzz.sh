#!/usr/bin/env bash
# Robustness runs beyond `cargo test` (`npm run fuzz`):
#   1. the pathological-input tests and the property tests in release, with more cases;
#   2. each cargo-fuzz target in fuzz/ for a bounded time.
#
#   scripts/fuzz.sh                  every target, 60 s each
#   FUZZ_SECONDS=1200 scripts/fuzz.sh analyze   one target, 20 minutes
#   FUZZ_JOBS=2 …                    that many libFuzzer processes per target
#   PROPTEST_CASES=N …               property-test cases (default 2000 here)
#   FUZZ_SKIP_TESTS=1 …              fuzz only
#
# cargo-fuzz passes nightly-only flags to rustc. The machine's stable toolchain takes them
# with RUSTC_BOOTSTRAP=1 (same compiler, unstable features unlocked), so no other toolchain is
# needed. The targets are safe Rust: they are built without a sanitizer (-s none), optimised
# (-O) with debug assertions. FUZZ_SANITIZER=address uses a rustup nightly toolchain instead,
# where one is installed (its sanitizer runtimes are not in the stable toolchain's reach).
# cargo-fuzz itself comes from crates.io (`cargo install`, once, into ~/.cargo/bin).
#
# A crash leaves its input in fuzz/artifacts/<target>/ and fails the script; replay it with
#   cargo fuzz run -s none -O <target> fuzz/artifacts/<target>/crash-…
# The working corpus grows in fuzz/corpus/<target>/ (git-ignored); the committed seeds are
# tests/articles/ (articles) and fuzz/seeds/table/ (rows under a header).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

say() { printf 'fuzz: %s\n' "$*"; }
die() { printf 'fuzz: error: %s\n' "$*" >&2; exit 1; }

seconds=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-1}
sanitizer=${FUZZ_SANITIZER:-none}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze table)

# --- 1. release-mode tests -----------------------------------------------------------------
mkdir -p target
if [ -z "${FUZZ_SKIP_TESTS:-}" ]; then
  cases=${PROPTEST_CASES:-2000}
  say "pathological inputs and property tests in release (PROPTEST_CASES=$cases), log in target/fuzz-tests.log"
  # The release profile's panic = "abort" makes Cargo build the library twice, unwinding for
  # the test harness and aborting for the binary, under one file name (a cdylib's carries no
  # hash), and the two overwrite each other ("requires panic strategy `abort`"). The tests
  # unwind throughout instead, in a target dir of their own.
  set +e
  CARGO_PROFILE_RELEASE_PANIC=unwind CARGO_TARGET_DIR=target/release-tests \
    PROPTEST_CASES=$cases cargo test --release --test pathological --test properties \
    -- --include-ignored --nocapture --test-threads=1 >target/fuzz-tests.log 2>&1
  rc=$?
  set -e
  grep -oE '(measure|SKIP): .*|^test result.*|panicked.*' target/fuzz-tests.log || true
  [ "$rc" -eq 0 ] || die "release-mode tests failed (exit $rc); see target/fuzz-tests.log"
fi

# --- 2. cargo-fuzz ------------------------------------------------------------------------
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "cargo install cargo-fuzz (once, into ${CARGO_HOME:-$HOME/.cargo}/bin)"
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

if [ "$sanitizer" = none ]; then
  fuzz_cmd=(env RUSTC_BOOTSTRAP=1 cargo fuzz)
  say "toolchain: $(rustc --version) with RUSTC_BOOTSTRAP=1"
else
  rustup run nightly rustc --version >/dev/null 2>&1 || die "FUZZ_SANITIZER=$sanitizer needs a rustup nightly toolchain"
  fuzz_cmd=(cargo +nightly fuzz)
  say "toolchain: rustup nightly, sanitizer $sanitizer"
fi

cd fuzz
say "building the targets"
"${fuzz_cmd[@]}" build -s "$sanitizer" -O >../target/fuzz-build.log 2>&1 || { tail -n 30 ../target/fuzz-build.log; die "cargo fuzz build failed"; }
parallel=()
[ "$jobs" -le 1 ] || parallel=(-jobs="$jobs" -workers="$jobs")
status=0
for target in "${targets[@]}"; do
  case "$target" in
    analyze) seeds=../tests/articles ;;
    table) seeds=seeds/table ;;
    *) die "unknown target $target (analyze, table)" ;;
  esac
  mkdir -p "corpus/$target" "artifacts/$target"
  log="../target/fuzz-$target.log"
  started=$(mktemp)
  say "$target: ${seconds} s, ${jobs} job(s); log in target/fuzz-$target.log"
  set +e
  "${fuzz_cmd[@]}" run -s "$sanitizer" -O "$target" "corpus/$target" "$seeds" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    "${parallel[@]}" >"$log" 2>&1
  rc=$?
  set -e
  # With -jobs, each worker logs to fuzz-N.log here; their figures go into the target's log.
  for worker in fuzz-*.log; do [ -f "$worker" ] && { cat "$worker" >>"$log"; rm -f "$worker"; }; done
  runs=$(grep -hoE 'stat::number_of_executed_units: *[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  speed=$(grep -hoE 'stat::average_exec_per_sec: *[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
  cov=$(grep -hoE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9a-zA-Z]+' "$log" | tail -n 1)
  crashes=$(find "artifacts/$target" -type f -newer "$started" | wc -l)
  rm -f "$started"
  say "$target: $runs executions (${speed}/s), ${cov:-no coverage line}, $crashes new crash/timeout/oom input(s)"
  if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    say "$target: FAILED (exit $rc); inputs in fuzz/artifacts/$target/"
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -n 20 || true
    status=1
  fi
done
exit $status
