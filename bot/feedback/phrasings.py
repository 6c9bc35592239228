"""Learned phrasings: questions users marked helpful or shared, matched against new questions.

A question is compared with every learned phrasing through the search's own text pipeline (the
same terms) and, when the search has a semantic side, the same embedder. The same question (near-
identical wording) puts its claim first; a close one (similar embedding, and the claim itself stands
out for the question) keeps its claim among the first three. The ranking code is not touched: the
lift is applied to its result (``lift``), whatever the ranking becomes.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz

from bot.feedback.background import Background
from bot.feedback.store import FeedbackStore, Phrasing
from knowledge.search import Hit, SearchEngine, SearchResult
from knowledge.text import clean_query, squash

SAME_TERMS = 0.75
"""Share of terms (Jaccard of the search pipeline's terms) at which a question is a learned one reworded
in passing (开源模型值得用吗 / 开源模型值得用吗？ / 开源模型 值得用吗): its claim is lifted first."""
SAME_RATIO = 90
"""...or this character similarity (rapidfuzz ratio of the squashed texts)."""
CLOSE_COSINE = 0.90
"""Cosine at which a question is close to a learned one: its claim is kept among the first three answers
(never put first: a close question may ask something else about the same subject)..."""
CLOSE_CLAIM_Z = 2.0
"""...when the claim itself stands out for the question too (z-score of its cosine among all claims').

e5's cosines crowd in 0.8-0.95 for any two questions of this domain, so a cosine cannot say "same
question": on the own evaluation set's calibration part (tests/search_eval.yaml) pairs of different
questions with different answers reach 0.95 (and Databricks 估值有多高 / Databricks 利润为什么高 0.96),
and an IDF-weighted term overlap is a shared rare word, a shared subject. Hence "same" is near-identical
wording only, and "close" never takes first place (bench/phrasing_bench.py --calibrate, bench/RESULTS.md)."""
TOP = 3
MAX_LIFTED = 2
"""At most this many claims lifted by phrasings: the rest of the answer stays the search's."""
REFRESH_SECONDS = 2.0
"""How often a process checks the table for phrasings learned by the others (one cheap query)."""


@dataclass(frozen=True)
class PhrasingMatch:
    claim_id: str
    similarity: float
    text: str
    same: bool
    """The same question (lifted first); else a close one (kept among the first ``TOP``)."""


def query_text(engine: SearchEngine, query: str) -> str:
    """The question as the hybrid embeds it (filters taken out), so its remembered embedding is reused."""
    return engine.analyzer.parse_filters(clean_query(query)).text.strip()


def query_terms(engine: SearchEngine, query: str) -> list[str]:
    """The search pipeline's terms of ``query`` (stop words out, sub-words in), de-duplicated in order."""
    return list(dict.fromkeys(engine.pipeline.terms(clean_query(query))))


def term_overlap(left: set[str], right: set[str]) -> float:
    """Jaccard of two term sets: every word counts alike, so one shared rare name is not the same question."""
    union = left | right
    return len(left & right) / len(union) if union else 0.0


def same_wording(left_terms: set[str], right_terms: set[str], left_text: str, right_text: str) -> bool:
    """The same question in near-identical words (punctuation, a particle, spacing, script)."""
    if left_terms and right_terms and term_overlap(left_terms, right_terms) >= SAME_TERMS:
        return True
    return bool(left_text and right_text) and fuzz.ratio(left_text, right_text) >= SAME_RATIO


@dataclass(frozen=True)
class _Snapshot:
    """The learned phrasings as matching needs them, computed once per change of the table."""

    rows: tuple[Phrasing, ...]
    terms: tuple[frozenset[str], ...]
    squashed: tuple[str, ...]
    vectors: dict[str, tuple[np.ndarray, np.ndarray]]
    """embedder name -> (row numbers, their vectors as one matrix): one product per question."""

    @classmethod
    def of(cls, rows: list[Phrasing]) -> _Snapshot:
        grouped: dict[str, list[tuple[int, np.ndarray]]] = {}
        for i, row in enumerate(rows):
            if row.vector is not None and row.embedder:
                grouped.setdefault(row.embedder, []).append((i, row.vector))
        vectors = {}
        for name, members in grouped.items():
            if len({v.shape for _, v in members}) == 1:  # one embedder, one dimension: else not comparable
                numbers = np.array([i for i, _ in members], dtype=np.int64)
                vectors[name] = (numbers, np.stack([v for _, v in members]).astype(np.float32))
        return cls(
            tuple(rows),
            tuple(frozenset(r.terms.split()) for r in rows),
            tuple(squash(r.text) for r in rows),
            vectors,
        )


class PhrasingIndex:
    """This process's copy of the learned phrasings, reloaded when another process changed the table."""

    def __init__(
        self,
        store: FeedbackStore,
        clock: Callable[[], float] = time.monotonic,
        background: Background | None = None,
    ):
        """``background``: where to re-read the table, off the search's path; None: in the search itself."""
        self.store = store
        self.clock = clock
        self.background = background
        self._lock = threading.Lock()
        self._version: tuple[int, int, int] | None = None
        self._checked = float("-inf")
        self._snapshot = _Snapshot.of([])

    def snapshot(self) -> _Snapshot:
        """The phrasings as last read; every ``REFRESH_SECONDS`` the table is checked again for changes."""
        now = self.clock()
        with self._lock:
            stale = now - self._checked >= REFRESH_SECONDS
            if stale:
                self._checked = now
            current = self._snapshot
        if stale:
            if self.background is None:
                self.reload()
                return self._snapshot
            self.background.submit(self.reload)
        return current

    def reload(self) -> None:
        """Read the table again if it changed (one cheap query when it did not)."""
        version = self.store.phrasings_version()
        if version != self._version:
            snapshot = _Snapshot.of(self.store.phrasings())
            with self._lock:
                self._version, self._snapshot = version, snapshot

    def matches(self, engine: SearchEngine, query: str) -> list[PhrasingMatch]:
        """The claims whose learned phrasings are close to ``query``, best first, one entry per claim."""
        snapshot = self.snapshot()
        if not snapshot.rows:
            return []
        terms, squashed = set(query_terms(engine, query)), squash(query)
        best: dict[str, PhrasingMatch] = {}

        def offer(match: PhrasingMatch) -> None:
            if engine.corpus.claim(match.claim_id) is None:
                return  # the claim was removed from the knowledge base since
            known = best.get(match.claim_id)
            if known is None or (match.same, match.similarity) > (known.same, known.similarity):
                best[match.claim_id] = match

        for row, row_terms, row_squashed in zip(snapshot.rows, snapshot.terms, snapshot.squashed, strict=True):
            if same_wording(terms, set(row_terms), squashed, row_squashed):
                offer(PhrasingMatch(row.claim_id, 1.0, row.text, same=True))
        semantic = engine.semantic
        text = query_text(engine, query) if semantic is not None else ""
        stored = snapshot.vectors.get(semantic.embedder.name) if semantic is not None else None
        if semantic is not None and text and stored is not None:
            vector = semantic.query_vector(text)
            numbers, matrix = stored
            if matrix.shape[1] == vector.shape[0]:
                cosines = matrix @ vector
                near = np.flatnonzero(cosines >= CLOSE_COSINE)
                if len(near):
                    claim_z = _claim_z(semantic.vectors.ids, semantic.vectors.cosines(vector))
                    for k in near:
                        row = snapshot.rows[int(numbers[k])]
                        if claim_z.get(row.claim_id, float("-inf")) >= CLOSE_CLAIM_Z:
                            offer(PhrasingMatch(row.claim_id, float(cosines[k]), row.text, same=False))
        ranked = sorted(best.values(), key=lambda m: (not m.same, -m.similarity, m.claim_id))
        return ranked[:MAX_LIFTED]


def _claim_z(ids: Sequence[str], cosines: np.ndarray) -> dict[str, float]:
    """Each claim's cosine with the question in standard deviations above the claims' mean."""
    mean, std = float(cosines.mean()), max(float(cosines.std()), 1e-6)
    return {claim_id: (float(c) - mean) / std for claim_id, c in zip(ids, cosines, strict=True)}


def lift(engine: SearchEngine, query: str, matches: list[PhrasingMatch], *, limit: int, offset: int) -> SearchResult:
    """The search's answer with the claims of the same questions first and those of close ones among the
    first ``TOP``; pages (``offset``) are cut from that one order, so More stays consistent with it."""
    base = engine.search(query, limit=offset + limit + len(matches) + TOP, offset=0)
    if base.problems:
        return engine.search(query, limit=limit, offset=offset)
    found = {h.claim.id: h for h in base.hits}
    top_score = max((h.score for h in base.hits), default=1.0)

    def hit(match: PhrasingMatch) -> Hit | None:
        claim = engine.corpus.claim(match.claim_id)
        if claim is None:
            return None
        kind = "same as" if match.same else "close to"
        why = (f"{kind} learned phrasing «{match.text}» (similarity {match.similarity:.2f})",)
        known = found.get(claim.id)
        return Hit(claim, known.score if known else top_score, why + (known.why if known else ()))

    first = [h for h in (hit(m) for m in matches if m.same) if h is not None]
    first_ids = {h.claim.id for h in first}
    ordered = first + [h for h in base.hits if h.claim.id not in first_ids]
    for match in matches:
        # A close question never overrides the search's refusal: the gate judged it unanswerable, and
        # "close" is a similar subject, not the same question (on the own set, looser rules answered off-topic ones).
        if match.same or not base.hits or any(h.claim.id == match.claim_id for h in ordered[:TOP]):
            continue
        close = hit(match)
        if close is not None:
            ordered = [h for h in ordered if h.claim.id != match.claim_id]
            ordered.insert(min(TOP - 1, len(ordered)), close)
    added = sum(1 for h in ordered if h.claim.id not in found)
    return dataclasses.replace(
        base,
        hits=tuple(ordered[offset : offset + limit]),
        total=max(base.total + added, len(ordered)),
        suggestions=() if ordered else base.suggestions,
        refusal="" if ordered else base.refusal,
        unknown=() if ordered else base.unknown,
    )
