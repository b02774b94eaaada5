#!/usr/bin/env python3
"""Throughput of `stancemap batch` on a generated archive (scripts/make_archive.py: 10,000
articles, Arabic and English alternating, bad records injected), on 1 and 2 threads, and the
ratio; beside it, the shell loop that the batch command replaces (one process per article).

    python3 scripts/bench-batch.py                 # builds the release CLI, prints a table
    python3 scripts/bench-batch.py --articles 2000 --runs 1

Each configuration runs --runs times, interleaved (1 thread, 2 threads, 1, 2, ...) so that a
burst of load on the shared machine falls on both; the table gives the best and the median
run. Every run is checked: one output line per input line, in order, the bad records reported
as error records, exit status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
from make_archive import bad_lines, lines  # noqa: E402


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_batch(binary: Path, archive: Path, out: Path, threads: int, expected: int, bad: dict[int, str]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds of one run, after checking its output."""
    cpu = cpu_of_children()
    started = time.perf_counter()
    proc = subprocess.run([str(binary), "batch", "-q", "-j", str(threads), "-o", str(out), str(archive)], stderr=subprocess.PIPE)
    seconds = time.perf_counter() - started
    cpu = cpu_of_children() - cpu
    if proc.returncode != (1 if bad else 0):
        sys.exit(f"bench-batch: exit status {proc.returncode}: {proc.stderr.decode()}")
    with open(out, "rb") as f:
        records = [json.loads(l) for l in f]
    if len(records) != expected:
        sys.exit(f"bench-batch: {len(records)} output lines for {expected} input lines")
    for n, r in enumerate(records, start=1):
        if (n in bad) != ("error" in r) or (n not in bad and r["id"] != f"gen-{n:06d}"):
            sys.exit(f"bench-batch: line {n} is wrong: {str(r)[:200]}")
    return seconds, cpu


def cpu_idle_share(seconds: float = 3.0) -> float:
    """The share of the machine's CPU time that was idle over `seconds` (from /proc/stat)."""
    def sample() -> tuple[int, int]:
        with open("/proc/stat") as f:
            user, nice, system, idle, iowait = (int(x) for x in f.readline().split()[1:6])
        return user + nice + system + idle + iowait, idle

    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    return (idle1 - idle0) / max(total1 - total0, 1)


def wait_until_idle(limit: float) -> None:
    """On a shared machine: waits, at most `limit` seconds, for the cores to be 85 % idle."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        share = cpu_idle_share()
        if share >= 0.85:
            print(f"The machine is {share:.0%} idle: measuring.")
            return
    print(f"The machine was never 85 % idle in {limit:.0f} s: measuring anyway.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--bad", type=int, default=25, help="bad records injected (default 25)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--loop-sample", type=int, default=200, help="articles timed one process each")
    parser.add_argument("--binary", type=Path, help="a built stancemap (default: cargo build --release)")
    parser.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS", help="first wait up to this long for the cores to be 85%% idle")
    args = parser.parse_args()

    binary = args.binary
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "stancemap"], cwd=REPO, check=True)
        binary = REPO / "target" / "release" / "stancemap"
    with tempfile.TemporaryDirectory(prefix="stancemap-bench-") as tmp:
        tmp = Path(tmp)
        archive, out = tmp / "archive.jsonl", tmp / "out.jsonl"
        with open(archive, "wb") as f:
            for line in lines(args.articles, args.bad):
                f.write(line + b"\n")
        if args.wait_idle > 0:
            wait_until_idle(args.wait_idle)
        size = archive.stat().st_size
        big = sum(len(l) for l in lines(args.articles, args.bad) if len(l) > 10_000_000)
        bad = bad_lines(args.articles, args.bad)
        print(f"Archive: {args.articles:,} generated articles, {len(bad)} of them bad records, {size / 1e6:.1f} MB "
              f"({(size - big) / 1e6:.1f} MB without the records over 10 MB, which are skipped unread); "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the start.\n")
        times: dict[int, list[float]] = {1: [], 2: []}
        cpus: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(args.runs):
            for threads in (1, 2):
                seconds, cpu = run_batch(binary, archive, out, threads, args.articles, bad)
                times[threads].append(seconds)
                cpus[threads].append(cpu)

        # The shell loop the batch command replaces: one process per article.
        texts = [json.loads(l)["text"] for l in lines(args.loop_sample)]
        started = time.perf_counter()
        for t in texts:
            subprocess.run([str(binary), "-"], input=t.encode(), stdout=subprocess.DEVNULL, check=True)
        loop = (time.perf_counter() - started) / len(texts)

    good = args.articles - len(bad)
    # Cores used = CPU time / wall time of the run: on an idle machine about 1 and 2. This
    # kernel shares the CPU between sessions (autogroup), so while another session keeps the
    # cores busy a second thread gets no more CPU, and the ratio below says so, not the code.
    print("| how | best s | median s | articles/s (best) | MB/s (best) | cores used (best run) | CPU ms per article |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for threads in (1, 2):
        best, median = min(times[threads]), statistics.median(times[threads])
        i = times[threads].index(best)
        print(f"| `stancemap batch -j {threads}` | {best:.2f} | {median:.2f} | {args.articles / best:,.0f} | {(size - big) / 1e6 / best:.1f} "
              f"| {cpus[threads][i] / best:.2f} | {1000 * statistics.median(cpus[threads]) / args.articles:.3f} |")
    print(f"| shell loop, one process per article ({args.loop_sample} timed) | | | {1 / loop:,.0f} | | | |")
    ratio_best = min(times[1]) / min(times[2])
    ratio_median = statistics.median(times[1]) / statistics.median(times[2])
    print(f"\n2 threads / 1 thread: {ratio_best:.2f}x (best runs), {ratio_median:.2f}x (medians); target >= 1.8x. "
          f"{good:,} articles analysed per run, load average {os.getloadavg()[0]:.2f} at the end.")


if __name__ == "__main__":
    main()
