"""stancemap: who the actors in a news article are, what each one stands for, and a
side-by-side comparison table. Arabic first, English second.

>>> import stancemap
>>> a = stancemap.analyze("Russian President Vladimir Putin rejected the proposal.")
>>> a["actors"][0]["name"], a["positions"][0]["stance"], a["positions"][0]["text"]
('Vladimir Putin', 'rejects', 'the proposal')

Offsets (`mentions`, `span`, `sentence`) are UTF-16 code units into the text, as in the
JavaScript package; `text.encode("utf-16-le")[2*start:2*end].decode("utf-16-le")` slices them
in Python, and for text without characters outside the Basic Multilingual Plane (Arabic and
English news) `text[start:end]` is the same.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Literal, Mapping, Optional, Tuple, TypedDict, Union

from ._stancemap import VERSION as __version__
from ._stancemap import NativeSummary, analyze_json, analyze_many_json, compare_json

__all__ = [
    "__version__",
    "analyze",
    "analyze_many",
    "compare",
    "Summary",
    "Analysis",
    "Actor",
    "Position",
    "ComparisonTable",
    "TableRow",
    "SummaryRow",
    "Comparison",
]

Language = Literal["ar", "en"]
Stance = Literal["supports", "opposes", "proposes", "demands", "threatens", "warns", "accuses", "rejects", "agrees", "states"]


class Actor(TypedDict):
    id: str
    name: str
    kind: Literal["person", "country", "organization", "group"]
    role: Optional[str]
    aliases: List[str]
    mentions: List[Tuple[int, int]]
    salience: float


class Position(TypedDict):
    actor: str
    stance: Stance
    text: str
    span: Tuple[int, int]
    sentence: Tuple[int, int]


class TableRow(TypedDict):
    aspect: str
    cells: List[str]


class ComparisonTable(TypedDict):
    source: Literal["explicit", "derived"]
    aspect_label: Optional[str]
    columns: List[str]
    headers: List[str]
    rows: List[TableRow]


class Analysis(TypedDict):
    language: Literal["ar", "en", "und"]
    actors: List[Actor]
    positions: List[Position]
    table: ComparisonTable


class Claim(TypedDict):
    stance: Stance
    text: str
    count: int


class SummaryRow(TypedDict):
    name: str
    kind: str
    role: Optional[str]
    articles: int
    positions: int
    stances: Dict[str, int]
    claims: List[Claim]


def analyze(text: str, language: Optional[Language] = None) -> Analysis:
    """The analysis of one article (the README's output contract). `language` ("ar" or "en")
    skips detection. Runs with the GIL released."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return json.loads(analyze_json(text, language))


def analyze_many(texts: Iterable[str], threads: Optional[int] = None, language: Optional[Language] = None) -> List[Analysis]:
    """The analyses of many articles, in their order, on `threads` threads (default: one per
    core). The GIL is released while they run, so other Python threads go on."""
    texts = list(texts)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"texts[{i}] must be str, not {type(t).__name__}")
    return [json.loads(s) for s in analyze_many_json(texts, threads, language)]


class ReportedPosition(TypedDict):
    stance: Stance
    text: str
    span: Tuple[int, int]


class ActorInArticle(TypedDict):
    actor: str
    name: str
    mentions: int
    quoted: bool
    positions: List[ReportedPosition]


class AlignedActor(TypedDict):
    name: str
    kind: Literal["person", "country", "organization", "group"]
    key: Optional[str]
    role: Optional[str]
    articles: List[Optional[ActorInArticle]]


class ComparedArticle(TypedDict):
    label: str
    language: Literal["ar", "en", "und"]
    actors: int
    positions: int
    quoted_most: Optional[int]


class Comparison(TypedDict):
    articles: List[ComparedArticle]
    actors: List[AlignedActor]
    differences: List[Dict[str, Any]]


def compare(analyses: Iterable[Mapping[str, Any]], labels: Optional[Iterable[str]] = None) -> Comparison:
    """Two or more analyses of articles about one event side by side (`stancemap compare`):
    actors aligned across articles and languages, what each article reports for each, and the
    differences ("only-in", "opposite-stances"). `labels` name the articles. Fewer than two
    analyses raise ValueError."""
    payload = [json.dumps(a, ensure_ascii=False) for a in analyses]
    return json.loads(compare_json(payload, None if labels is None else [str(label) for label in labels]))


class Summary:
    """Per-actor tallies across an archive: the articles naming each actor, its positions by
    stance, its most frequent claims. Add analyses (or `stancemap batch` records) one at a time;
    summaries made in parallel `merge`, and pickle, so a Dask or Spark job can reduce them."""

    def __init__(self, analyses: Iterable[Mapping[str, Any]] = ()) -> None:
        self._native = NativeSummary()
        self.failed = 0
        for a in analyses:
            self.add(a)

    def add(self, analysis: Mapping[str, Any]) -> None:
        """Adds an analysis, or a batch record: its "analysis", or a failure if it has "error"."""
        if "error" in analysis and "analysis" not in analysis:
            self.failed += 1
            return
        inner = analysis.get("analysis", analysis)
        self._native.add_json(json.dumps(inner, ensure_ascii=False))

    def merge(self, other: "Summary") -> "Summary":
        """Adds `other`'s tallies to this summary and returns it."""
        self._native.merge(other._native)
        self.failed += other.failed
        return self

    @property
    def articles(self) -> int:
        """Articles added (failed records not counted)."""
        return self._native.articles

    def rows(self, claims: int = 3, min_articles: int = 1) -> List[SummaryRow]:
        """The actors named in at least `min_articles` articles, most widely named first."""
        table = json.loads(self._native.table_json(claims, min_articles))
        return [
            {
                "name": r["name"],
                "kind": r["kind"],
                "role": r["role"],
                "articles": r["articles"],
                "positions": r["positions"],
                "stances": dict(r["stances"]),
                "claims": [{"stance": s, "text": t, "count": n} for s, t, n in r["claims"]],
            }
            for r in table["rows"]
        ]

    def to_csv(self, claims: int = 3, min_articles: int = 1) -> str:
        """The table as CSV, one column per stance (as `stancemap summarize --format csv`)."""
        return self._native.to_csv(claims, min_articles)

    def to_markdown(self, claims: int = 3, min_articles: int = 1) -> str:
        """The table as Markdown (as `stancemap summarize`)."""
        return self._native.to_markdown(claims, min_articles)

    def __reduce__(self) -> Tuple[Any, Tuple[str, int]]:
        return (_summary_from_state, (self._native.state_json(), self.failed))

    def __repr__(self) -> str:
        return f"<stancemap.Summary of {self.articles} articles>"


def _summary_from_state(state: str, failed: int) -> Summary:
    s = Summary()
    s._native = NativeSummary.from_state_json(state)
    s.failed = failed
    return s
