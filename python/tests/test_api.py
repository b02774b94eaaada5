"""The Python API against the README's output contract, on the installed wheel."""

import pickle
import re
import threading
import time
from importlib import resources
from pathlib import Path

import pytest

import stancemap
from make_archive import article

EN = "Russian President Vladimir Putin rejected the proposal. Ukraine demanded a ceasefire."
AR = "وقال الرئيس الروسي فلاديمير بوتين إن الحوار ممكن."


def utf16_slice(text, span):
    start, end = span
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


@pytest.mark.parametrize(
    "text, language, actor, stance",
    [
        (EN, "en", "Vladimir Putin", "rejects"),
        (AR, "ar", "فلاديمير بوتين", "states"),
        # Outside the Basic Multilingual Plane: offsets are UTF-16 units, not code points.
        ("😀 " + EN, "en", "Vladimir Putin", "rejects"),
    ],
)
def test_analyze_follows_the_contract(text, language, actor, stance):
    a = stancemap.analyze(text)
    assert set(a) == {"language", "actors", "positions", "table"}
    assert a["language"] == language
    first = a["actors"][0]
    assert first["name"] == actor and first["id"] == "a1"
    assert set(first) == {"id", "name", "kind", "role", "aliases", "mentions", "salience"}
    for mention in first["mentions"]:
        assert utf16_slice(text, mention) in first["aliases"] + [first["name"]]
    p = a["positions"][0]
    assert p["stance"] == stance and p["actor"] == "a1"
    assert utf16_slice(text, p["span"]) == p["text"]
    assert set(a["table"]) == {"source", "aspect_label", "columns", "headers", "rows"}


def test_language_can_be_forced_and_is_checked():
    assert stancemap.analyze("Putin", language="ar")["language"] == "ar"
    with pytest.raises(ValueError, match="language must be"):
        stancemap.analyze(EN, language="fr")
    with pytest.raises(TypeError):
        stancemap.analyze(b"bytes are not text")


def test_analyze_many_keeps_order_and_matches_analyze():
    texts = [article(i)["text"] for i in range(1, 41)]
    one_by_one = [stancemap.analyze(t) for t in texts]
    assert stancemap.analyze_many(texts) == one_by_one
    assert stancemap.analyze_many(iter(texts), threads=1) == one_by_one
    assert stancemap.analyze_many(texts, threads=2) == one_by_one
    assert stancemap.analyze_many([]) == []
    with pytest.raises(ValueError, match="threads"):
        stancemap.analyze_many(texts, threads=0)
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        stancemap.analyze_many(["a", None])


def test_analyze_many_releases_the_gil():
    # While analyze_many runs on one thread, this thread keeps running Python: the longest
    # pause between its steps stays far below the call's length (with the GIL held it would
    # be the whole call).
    texts = [article(i)["text"] for i in range(1, 6001)]
    timing = {}

    def run():
        started = time.perf_counter()
        stancemap.analyze_many(texts, threads=1)
        timing["call"] = time.perf_counter() - started

    worker = threading.Thread(target=run)
    gaps, last = [], time.perf_counter()
    worker.start()
    while worker.is_alive():
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    call = timing["call"]
    print(f"measure: analyze_many of {len(texts)} articles on one thread took {call:.2f} s; longest pause of the main thread meanwhile {max(gaps) * 1000:.0f} ms")
    assert call > 0.3, "the call must be long enough for the test to mean something"
    assert max(gaps) < call / 3


def test_version_is_the_crates():
    cargo = (Path(__file__).resolve().parents[2] / "Cargo.toml").read_text()
    assert stancemap.__version__ == re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)


def test_type_information_ships():
    files = {p.name for p in resources.files("stancemap").iterdir()}
    assert {"py.typed", "_stancemap.pyi", "__init__.py"} <= files


def test_summary_merges_and_pickles():
    texts = [article(i)["text"] for i in range(1, 61)]
    analyses = stancemap.analyze_many(texts)
    whole = stancemap.Summary(analyses)
    part = stancemap.Summary(analyses[:25])
    rest = pickle.loads(pickle.dumps(stancemap.Summary(analyses[25:])))
    assert part.merge(rest).rows() == whole.rows()
    assert whole.articles == 60
    top = whole.rows(claims=2)[0]
    assert top["articles"] >= 2 and top["positions"] == sum(top["stances"].values())
    assert len(top["claims"]) <= 2 and set(top["claims"][0]) == {"stance", "text", "count"}
    assert whole.to_csv().splitlines()[0].startswith("actor,kind,role,articles,positions,supports")
    assert whole.to_markdown().startswith("60 articles.")
    # Batch records: an error record is counted as failed, not added.
    s = stancemap.Summary([{"id": 1, "analysis": analyses[0]}, {"id": 2, "line": 2, "error": "missing \"text\""}])
    assert (s.articles, s.failed) == (1, 1)
    with pytest.raises(ValueError, match="not an analysis"):
        s.add({"language": "en"})


def test_compare_aligns_arabic_and_english_accounts():
    root = Path(__file__).resolve().parents[2] / "tests" / "articles"
    ar = (root / "ar-grain-corridor-rejects.txt").read_text(encoding="utf-8")
    en = (root / "en-grain-corridor.txt").read_text(encoding="utf-8")
    c = stancemap.compare(stancemap.analyze_many([ar, en]), labels=["Ahram", "Reuters"])
    assert [a["label"] for a in c["articles"]] == ["Ahram", "Reuters"]
    putin = next(r for r in c["actors"] if r["key"] == "person:vladimir-putin")
    assert [e["name"] for e in putin["articles"]] == ["فلاديمير بوتين", "Vladimir Putin"]
    assert {d["kind"] for d in c["differences"]} == {"only-in", "opposite-stances"}
    with pytest.raises(ValueError, match="at least two articles; 1 given"):
        stancemap.compare([stancemap.analyze(en)])
