"""A distributed run: dask.distributed on a LocalCluster of two worker processes reads a
generated JSON Lines archive as a bag, maps analyze_many over its partitions, writes JSON Lines
(one line per input line, in order, bad records as error records) and the per-actor summary,
reduced from partial summaries made on the workers. Prints articles/s."""

import json
import time

import pytest

import stancemap
from make_archive import bad_lines, lines

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402

ARTICLES = 4000
BAD = 20


def analyse_partition(raw_lines):
    """Batch records for a partition of JSON Lines: the analysis with the other fields passed
    through, or an error record (as `stancemap batch` writes them)."""
    records, texts, slots = [], [], []
    for raw in raw_lines:
        line = raw.rstrip("\n")
        if "\ufffd" in line:
            # read_text(errors="replace") marks the bytes that were not UTF-8.
            records.append({"id": None, "error": "not valid UTF-8"})
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            records.append({"id": None, "error": f"invalid JSON: {e}"})
            continue
        if not isinstance(record.get("text"), str):
            records.append({"id": record.get("id"), "error": "missing \"text\"" if "text" not in record else "\"text\" is not a string"})
            continue
        slots.append(len(records))
        records.append(record)
        texts.append(record.pop("text"))
    for slot, analysis in zip(slots, stancemap.analyze_many(texts, threads=1)):
        records[slot]["analysis"] = analysis
    return records


def partial_summary(records):
    return stancemap.Summary(records)


def merge_summaries(summaries):
    total = stancemap.Summary()
    for s in summaries:
        total.merge(s)
    return total


def test_dask_run_writes_every_record_in_order_and_the_summary(tmp_path):
    archive = tmp_path / "archive.jsonl"
    with open(archive, "wb") as f:
        for line in lines(ARTICLES, BAD):
            # The archive that the batch command reads; lines over 10 MB and not UTF-8 are its
            # own checks, so this run keeps to what a bag of text lines can hold.
            f.write(line if len(line) < 10_000_000 else json.dumps({"id": "huge"}).encode())
            f.write(b"\n")
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0") as cluster, distributed.Client(cluster):
        bag = db.read_text(str(archive), blocksize="512KiB", encoding="utf-8", errors="replace")
        assert bag.npartitions >= 4
        started = time.perf_counter()
        bag.map_partitions(analyse_partition).map(lambda r: json.dumps(r, ensure_ascii=False)).to_textfiles(str(out / "*.jsonl"), name_function=lambda i: f"{i:05d}")
        seconds = time.perf_counter() - started
        summary = db.read_text(str(out / "*.jsonl")).map(json.loads).reduction(partial_summary, merge_summaries).compute()

    written = [json.loads(l) for p in sorted(out.glob("*.jsonl")) for l in p.read_text(encoding="utf-8").splitlines()]
    print(f"\nmeasure: dask LocalCluster, 2 workers x 1 thread: {ARTICLES} articles in {seconds:.2f} s, {ARTICLES / seconds:.0f} articles/s (with scheduling and JSON)")
    assert len(written) == ARTICLES
    bad = bad_lines(ARTICLES, BAD)
    for n, record in enumerate(written, start=1):
        if n in bad:
            assert "error" in record and "analysis" not in record, (n, bad[n], record)
        else:
            assert record["id"] == f"gen-{n:06d}", "order kept"
            assert record["analysis"]["language"] == record["lang"]
            assert "text" not in record and record["outlet"]
    # The partial summaries reduced on the cluster add up to the summary made in one place.
    local = stancemap.Summary(written)
    assert summary.rows() == local.rows()
    assert summary.articles == ARTICLES - summary.failed
    assert summary.failed == BAD
    table = summary.to_markdown(min_articles=50)
    (tmp_path / "summary.md").write_text(table, encoding="utf-8")
    print("\n".join(table.splitlines()[:8]))
    assert summary.rows()[0]["articles"] > 100
