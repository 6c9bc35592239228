"""What a search answers: confident hits, or nothing and suggestions instead."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from knowledge.models import Claim


@dataclass(frozen=True)
class Hit:
    claim: Claim
    score: float
    why: tuple[str, ...] = ()
    """Human-readable reasons it matched (for --explain)."""


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    """Confident matches only, best first, after ``offset``; empty when there is no good answer."""
    total: int = 0
    """How many confident matches exist in all (for "More" paging)."""
    suggestions: tuple[str, ...] = ()
    """When nothing matched: topics or speakers worth trying, as display strings (``topic:开源``)."""
    filters: dict[str, str] = field(default_factory=dict)
    """Filters parsed out of the query (by:, topic:, source:), resolved to ids (comma-separated)."""
    problems: tuple[str, ...] = ()
    """Why a filter could not be used (``no speaker matches by:xyz``); safe to show, not escaped."""
    notes: tuple[str, ...] = ()
    """For --explain: how the answer was reached (hybrid or lexical-only, why the gate passed or refused)."""
    refusal: str = ""
    """When there are no hits and the gate can say why in words a reader understands
    (``nothing on DeepSeek R1 in the knowledge base``); empty otherwise. Not escaped."""
    unknown: tuple[str, ...] = ()
    """The names the question asked about that the knowledge base has never heard of (``DeepSeek R1``),
    as typed: the reason behind ``refusal``, for a reply in the reader's language. Not escaped."""
    lacking: str = ""
    """The kind of fact the question asked for that no matching claim gives ("amount", "money", "time";
    ``knowledge.search.answer_checks``), for a reply in the reader's language; empty otherwise."""


@dataclass(frozen=True)
class UnitInfo:
    """One unit of the query as the lexical side weighed it."""

    label: str
    weight: float
    known: bool
    """Some form of it is in some claim (or it was fuzzy-corrected to one)."""
    specific: bool
    concepts: tuple[str, ...] = ()
    """The speaker and glossary-entity terms (``@id``, ``§id``) it names, if it is a known name."""


@dataclass(frozen=True, eq=False)
class LexicalView:
    """Everything the lexical side knows about one query, for every claim (claim numbers = corpus order).

    ``SearchEngine.score_all`` computes it in the same pass as ``search``; the hybrid reads it."""

    text: str
    """The query with its filters taken out (what the rerank and the embedder see)."""
    filters: dict[str, str]
    problems: tuple[str, ...]
    units: tuple[UnitInfo, ...]
    score: np.ndarray
    """BM25 x coverage, scaled like ``Hit.score`` (before the rerank's fuzzy boost), float32."""
    raw: np.ndarray
    """The BM25 sums alone (near misses for suggestions), float32."""
    coverage: np.ndarray
    eligible: np.ndarray
    """The lexical gate's verdict per claim (filters applied)."""
    anchored: np.ndarray
    """Claims that match at least one specific unit (a rare word, a Latin term, a name)."""
    mask: np.ndarray | None
    """Claims the query's filters (by:, topic:, source:) allow; None without filters."""
    hits: tuple[int, ...]
    """Eligible claims in the engine's final order (fuzzy rerank of the best ``depth``)."""
    hit_scores: tuple[float, ...]
    """``Hit.score`` of each of ``hits``."""
    total: int
    """How many claims are eligible in all."""
    filters_only: bool = False
    """No words, only filters: ``hits`` lists what they select in the knowledge base's order."""
    bm25: np.ndarray | None = None
    """Per-claim BM25 *before* the coverage factor, scaled like ``score``: the plain term-match strength
    the hybrid's convex fusion ranks by (coverage punishes a claim for every question word it lacks)."""
    needs_dense: bool = False
    """The lexical gate passed only with English context words discounted (``SearchEngine.score_all``):
    the hybrid's gate answers only when the semantic side agrees."""

    @property
    def answered(self) -> bool:
        return bool(self.hits)

    def order(self, depth: int = 50) -> list[int]:
        """Eligible claims first (engine order), then near misses by score: the lexical ranking."""
        seen = set(self.hits)
        rest = [int(i) for i in top_positions(self.score, depth) if self.score[i] > 0 and int(i) not in seen]
        return list(self.hits) + rest[: max(0, depth - len(self.hits))]


def top_positions(values: np.ndarray, k: int) -> np.ndarray:
    """Positions of the ``k`` largest values, largest first, ties by position (a partition, not a full sort)."""
    k = min(max(0, k), len(values))
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-values, k - 1)[:k] if k < len(values) else np.arange(len(values))
    return part[np.lexsort((part, -values[part]))]
