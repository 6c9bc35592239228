"""Learned phrasings: questions users marked helpful or shared, matched against new questions.

A question is compared with every learned phrasing through the search's own text pipeline (the
same terms, weighted by the same IDF) and, when the search has a semantic side, the same embedder.
A close enough phrasing lifts its claim to the top of the answer: the ranking code is not touched,
the lift is applied to its result (``lift``), so whatever the ranking becomes, what users taught
it still comes first.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bot.feedback.store import FeedbackStore, Phrasing
from knowledge.search import Hit, SearchEngine, SearchResult
from knowledge.text import clean_query

LEXICAL_MATCH = 0.7
"""Weighted share of terms (IDF-weighted Jaccard) at which a question counts as the same phrasing."""
DENSE_MATCH = 0.93
"""Cosine of the two questions' embeddings at which a question counts as the same phrasing.

Calibrated on the project's own evaluation set (tests/search_eval.yaml, calibration split): pairs of
*different* questions about different claims stay below it (see bench/RESULTS.md, learned phrasings)."""
MAX_LIFTED = 2
"""At most this many claims lifted by phrasings: the rest of the answer stays the search's."""
REFRESH_SECONDS = 2.0
"""How often a process checks the table for phrasings learned by the others (one cheap query)."""
MIN_TERM_WEIGHT = 1.0
"""A term the knowledge base does not contain still counts (names it has never heard of are telling)."""


@dataclass(frozen=True)
class PhrasingMatch:
    claim_id: str
    similarity: float
    text: str


def query_text(engine: SearchEngine, query: str) -> str:
    """The question as the hybrid embeds it (filters taken out), so its remembered embedding is reused."""
    return engine.analyzer.parse_filters(clean_query(query)).text.strip()


def query_terms(engine: SearchEngine, query: str) -> list[str]:
    """The search pipeline's terms of ``query`` (stop words out, sub-words in), de-duplicated in order."""
    return list(dict.fromkeys(engine.pipeline.terms(clean_query(query))))


def weighted_overlap(engine: SearchEngine, left: set[str], right: set[str]) -> float:
    """IDF-weighted Jaccard of two term sets: rare shared words count, everyday ones barely."""
    union = left | right
    if not union:
        return 0.0
    weight = {t: max(engine.analyzer.weight(t), MIN_TERM_WEIGHT) for t in union}
    return sum(weight[t] for t in left & right) / sum(weight.values())


class PhrasingIndex:
    """This process's copy of the learned phrasings, reloaded when another process changed the table."""

    def __init__(self, store: FeedbackStore, clock: Callable[[], float] = time.monotonic):
        self.store = store
        self.clock = clock
        self._lock = threading.Lock()
        self._version: tuple[int, int, int] | None = None
        self._checked = float("-inf")
        self._rows: list[Phrasing] = []
        self._terms: list[set[str]] = []

    def invalidate(self) -> None:
        with self._lock:
            self._checked = float("-inf")

    def rows(self) -> list[Phrasing]:
        now = self.clock()
        with self._lock:
            if now - self._checked < REFRESH_SECONDS:
                return self._rows
            self._checked = now
        version = self.store.phrasings_version()
        if version != self._version:
            rows = self.store.phrasings()
            with self._lock:
                self._version, self._rows = version, rows
                self._terms = [set(r.terms.split()) for r in rows]
        return self._rows

    def matches(self, engine: SearchEngine, query: str) -> list[PhrasingMatch]:
        """The claims whose learned phrasings are close to ``query``, best first, one entry per claim."""
        rows = self.rows()
        if not rows:
            return []
        with self._lock:
            term_sets = list(self._terms)
        terms = set(query_terms(engine, query))
        semantic = engine.semantic
        vector, embedder = None, ""
        if semantic is not None:
            text = query_text(engine, query)
            vector, embedder = (semantic.query_vector(text) if text else None), semantic.embedder.name
        best: dict[str, PhrasingMatch] = {}
        for row, row_terms in zip(rows, term_sets, strict=True):
            if engine.corpus.claim(row.claim_id) is None:
                continue  # the claim was removed from the knowledge base since
            similarity = 0.0
            if terms and row_terms:
                overlap = weighted_overlap(engine, terms, row_terms)
                if overlap >= LEXICAL_MATCH:
                    similarity = overlap
            cosine = _cosine(vector, row.vector) if row.embedder == embedder else None
            if cosine is not None and cosine >= DENSE_MATCH:
                similarity = max(similarity, cosine)
            known = best.get(row.claim_id)
            if similarity > 0 and (known is None or similarity > known.similarity):
                best[row.claim_id] = PhrasingMatch(row.claim_id, similarity, row.text)
        return sorted(best.values(), key=lambda m: (-m.similarity, m.claim_id))[:MAX_LIFTED]


def _cosine(left: np.ndarray | None, right: np.ndarray | None) -> float | None:
    """The cosine of two unit vectors of the same embedder; None when either is missing."""
    if left is None or right is None or left.shape != right.shape:
        return None
    return float(np.dot(left, right))


def lift(engine: SearchEngine, query: str, matches: list[PhrasingMatch], *, limit: int, offset: int) -> SearchResult:
    """The search's answer with the matched claims first; pages (``offset``) stay consistent with it."""
    base = engine.search(query, limit=offset + limit + len(matches), offset=0)
    if base.problems or not matches:
        return engine.search(query, limit=limit, offset=offset) if offset else base
    lifted_ids = {m.claim_id for m in matches}
    found = {h.claim.id: h for h in base.hits}
    top_score = max((h.score for h in base.hits), default=1.0)
    lifted: list[Hit] = []
    for match in matches:
        claim = engine.corpus.claim(match.claim_id)
        if claim is None:
            continue
        why = (f"learned phrasing «{match.text}» (similarity {match.similarity:.2f})",)
        known = found.get(claim.id)
        lifted.append(Hit(claim, known.score if known else top_score, why + (known.why if known else ())))
    ordered = lifted + [h for h in base.hits if h.claim.id not in lifted_ids]
    total = base.total + sum(1 for h in lifted if h.claim.id not in found)
    return dataclasses.replace(
        base,
        hits=tuple(ordered[offset : offset + limit]),
        total=max(total, len(ordered)),
        suggestions=(),
        refusal="",
        unknown=(),
    )
