"""Prototype (issue 9): hybrid lexical + semantic ranking, and a "no answer" gate from both kinds of evidence.

This module only reads the lexical engine; it does not change it. Until the engine exposes what the
hybrid needs, ``lexical_view`` re-runs the engine's scoring from its private parts (``_units``,
``_postings``, ``idf``, ``_damping``): the lexical score, coverage and gate verdict of *every* claim,
not only of the claims the lexical gate lets through. What the split engine must expose instead is
written in ``LexicalView``'s docstring.

Three pieces:

1. ``QueryStopWords``: function and question words of a maintained list (stopwordsiso, zh and en),
   dropped from the query *before* stemming and before the engine groups tokens into units, except
   inside a registry name (``open source`` stays whole).
2. ``rank``: the lexical order and the dense cosine order fused, by reciprocal-rank fusion or by a
   score mix (lexical score plus the cosine's z-score among all claims; bench/quality_bench.py
   measures both).
3. ``gate``: answer when the lexical gate passes, or when the best claim stands out semantically
   (z-score of its cosine over the claims' cosine distribution) -- unless the query names something
   (a Latin-script name or an unseen Chinese proper noun) the knowledge base has never heard of:
   then the answer is "nothing on X in the knowledge base".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import numpy as np
from rapidfuzz import fuzz

from knowledge.search.engine import (
    FULL_COVERAGE,
    K1,
    MAX_QUERY_CHARS,
    MIN_COVERAGE,
    MIN_EVIDENCE,
    RERANK_DEPTH,
    SearchEngine,
)
from knowledge.search.vectors import ClaimVectors
from knowledge.text import clean_query, is_latin, squash

# ---- stop words ---------------------------------------------------------------------------------


@cache
def library_stop_words(english: str = "iso") -> frozenset[str]:
    """Chinese and English function words from maintained lists (lower case, unstemmed).

    Chinese: stopwordsiso's zh (794 words: 什么 怎么 为什么 吗 呢 多少 ...). English: ``iso`` is
    stopwordsiso's en (1298 words, with does/much/how/what, but also open/large/big), ``nltk`` the
    `stopwords` package's classic 175-word list (does/how/what, not much)."""
    import stopwordsiso

    words = set(stopwordsiso.stopwords("zh"))
    if english == "iso":
        words |= set(stopwordsiso.stopwords("en"))
    elif english == "nltk":
        import stopwords

        words |= set(stopwords.get_stopwords("en"))
    return frozenset(w.lower() for w in words)


class QueryStopWords:
    """Drops stop words from a query's tokens before the engine stems and weighs them."""

    def __init__(self, engine: SearchEngine, words: frozenset[str]):
        self.engine = engine
        self.words = words

    def filter_tokens(self, tokens: list[str]) -> list[str]:
        protected: set[int] = set()
        for mention in self.engine.matcher.find(tokens):
            protected.update(range(mention.start, mention.end))  # part of a registry name
        kept = [t for i, t in enumerate(tokens) if i in protected or t.lower() not in self.words]
        return kept

    def rewrite(self, text: str) -> str:
        """The query with its stop words taken out (tokens joined by spaces; the engine re-tokenises)."""
        tokens = self.engine.pipeline.tokens(clean_query(text))
        return " ".join(self.filter_tokens(tokens))


# ---- lexical evidence --------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitInfo:
    label: str
    weight: float
    known: bool
    """Some form of it is in some claim (or it was fuzzy-corrected to one)."""


@dataclass(frozen=True)
class LexicalView:
    """Everything the lexical side knows about one query, for every claim.

    The split engine must expose this (e.g. ``engine.score_all(query) -> LexicalView``), computed in the
    same pass as ``search``: per-claim ``score`` (BM25 x coverage, scaled like ``Hit.score``),
    ``coverage``, the gate verdict ``eligible``, the engine's own answer order ``hits``, and the query's
    units with their weights and whether any claim knows them."""

    score: np.ndarray
    coverage: np.ndarray
    eligible: np.ndarray
    hits: tuple[int, ...]
    """Eligible claims in the engine's final order (after its fuzzy rerank)."""
    units: tuple[UnitInfo, ...]
    mask: np.ndarray | None = None
    """Claims the query's filters (by:, topic:, source:) allow; None without filters."""
    anchored: np.ndarray | None = None
    """Claims that match at least one specific unit of the query (a rare word, a Latin term, a name)."""

    @property
    def answered(self) -> bool:
        return bool(self.hits)

    def order(self, depth: int = 50) -> list[int]:
        """Eligible claims first (engine order), then near misses by score: the lexical ranking."""
        seen = set(self.hits)
        rest = [int(i) for i in np.argsort(-self.score, kind="stable")[:depth] if self.score[i] > 0 and i not in seen]
        return list(self.hits) + rest[: max(0, depth - len(self.hits))]


def lexical_view(engine: SearchEngine, query: str, *, rewritten: str | None = None) -> LexicalView:
    """Re-runs ``SearchEngine.search``'s scoring (no filters) and keeps all of it."""
    n = engine._n
    text = clean_query(query or "")[:MAX_QUERY_CHARS]
    rest, filters, problems = engine._parse_filters(text)
    if rewritten is not None:
        rest = engine._parse_filters(rewritten)[0]
    mask = engine._filter_mask(filters)
    units = engine._units(rest) if rest.strip() and not problems else []
    infos = tuple(UnitInfo(u.label, u.weight, any(t in engine._vocab for t in u.members)) for u in units)
    zeros = np.zeros(n, dtype=np.float32)
    if problems or (not units and mask is None):
        return LexicalView(zeros, zeros, np.zeros(n, dtype=bool), (), infos)
    if not units:  # filters alone: what they select, in the knowledge base's order
        chosen = np.flatnonzero(mask)
        return LexicalView(mask.astype(np.float32), zeros, mask, tuple(int(i) for i in chosen), infos, mask)
    scores = np.zeros(n, dtype=np.float32)
    covered = np.zeros(n, dtype=np.float32)
    anchored = np.zeros(n, dtype=bool)
    matched_units = np.zeros(n, dtype=np.int32)
    total_weight = sum(u.weight for u in units)
    for unit in units:
        credit = np.zeros(n, dtype=np.float32)
        for term, factor in unit.members.items():
            postings = engine._postings(term)
            if postings is None:
                continue
            docs, vals = postings
            w = engine.idf(term) * engine._damping(term) * factor
            scores[docs] += np.float32(w) * vals
            credit[docs] = np.maximum(credit[docs], np.float32(min(w, unit.weight)))
        covered += credit
        matched_units += credit > 0
        if unit.specific:
            anchored |= credit > 0
    coverage = covered / np.float32(total_weight)
    anchored |= (coverage >= FULL_COVERAGE) & (matched_units >= 2)
    if mask is not None:
        anchored |= mask
    eligible = (coverage >= MIN_COVERAGE) & (covered >= np.float32(MIN_EVIDENCE * engine._idf_max)) & anchored
    if mask is not None:
        eligible &= mask
    scale = total_weight * (K1 + 1)
    final = scores * coverage
    chosen = np.flatnonzero(eligible)
    hits: list[int] = []
    if len(chosen):
        base = final[chosen]
        if len(chosen) > RERANK_DEPTH:
            top = np.argpartition(-base, RERANK_DEPTH - 1)[:RERANK_DEPTH]
            chosen, base = chosen[top], base[top]
        squashed_query = squash(engine._parse_filters(text)[0])  # the whole query, as search() compares it
        reranked = []
        for pos, value in zip(chosen.tolist(), base.tolist(), strict=True):
            similarity = fuzz.partial_ratio(squashed_query, engine._squashed[pos]) / 100.0 if squashed_query else 0.0
            reranked.append((value * (1.0 + 0.3 * similarity * similarity), pos))
        reranked.sort(key=lambda item: (-item[0], item[1]))
        hits = [pos for _, pos in reranked]
    return LexicalView(final / np.float32(scale), coverage, eligible, tuple(hits), infos, mask, anchored)


_NAME_SHAPE = re.compile(r"[A-Z0-9]")


def unknown_names(engine: SearchEngine, query: str, view: LexicalView) -> list[str]:
    """Names in the query that the knowledge base has never heard of, spelled as the user wrote them.

    A Latin-script unit that no claim or registry contains (even after the engine's fuzzy correction)
    and that is written like a name: a capital or a digit, with letters (Qwen2.5-Max, GLM-4, Perplexity).
    Chinese words are not judged here: the unseen ones in questions are mostly jieba's HMM gluing two
    everyday characters (夹死, 能白), which cannot be told from a proper noun (混元) without a tagger;
    ``unseen_words`` lists them for --explain."""
    names: list[str] = []
    for unit in view.units:
        if unit.known or not is_latin(unit.label):
            continue
        surface = _surface(query, unit.label)
        if surface and _NAME_SHAPE.search(surface) and re.search("[a-z]", unit.label) and len(unit.label) >= 3:
            names.append(surface)
    return list(dict.fromkeys(names))


def unseen_words(view: LexicalView) -> list[str]:
    """Query units no claim contains (Latin or Chinese): what makes a question off the knowledge base."""
    return [u.label for u in view.units if not u.known]


def _surface(query: str, label: str) -> str | None:
    """The query's own spelling of a compacted Latin token (qwen2.5max → Qwen2.5-Max)."""
    for match in re.finditer(r"[A-Za-z0-9][A-Za-z0-9.+_'-]*", query):
        word = match.group(0).rstrip(".-")
        if re.sub(r"[^a-z0-9]", "", word.lower()) == re.sub(r"[^a-z0-9]", "", label):
            return word
    return None


# ---- fusion and gate -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HybridSettings:
    fusion: str = "mix"
    """"rrf" or "mix"."""
    rrf_k: float = 60.0
    dense_weight: float = 1.0
    """RRF: weight of the dense rank; mix: weight of the cosine z-score against the lexical score."""
    lexical_weight: float = 1.0
    dense_depth: int = 30
    min_dense_z: float = 4.0
    """Dense-only answers need the best claim this many standard deviations above the claims' mean cosine."""
    min_shown_z: float = 2.5
    """Below this z-score a dense-only candidate is not shown among the hits of an answered query."""
    min_anchored_z: float | None = None
    """A lower dense threshold for when the best dense claims also match a specific word of the query
    lexically (partial lexical evidence that agrees with the dense side); None: not used."""
    anchored_depth: int = 3
    veto_unknown_names: bool = True
    stop_words_in_gate: bool = False
    """False: stop words are dropped for ranking only, and the lexical gate judges the query as typed
    (dropping them shrinks the query's weight, so one everyday word left over could pass it alone)."""


@dataclass(frozen=True)
class HybridHit:
    position: int
    score: float
    lexical_rank: int | None
    dense_rank: int | None
    lexical_score: float
    cosine: float
    dense_z: float


@dataclass(frozen=True)
class HybridResult:
    hits: tuple[HybridHit, ...]
    refused_because: str = ""
    unknown: tuple[str, ...] = ()
    why: tuple[str, ...] = field(default_factory=tuple)


def dense_z(cosines: np.ndarray) -> np.ndarray:
    """Each claim's cosine in standard deviations above the mean over all claims (e5 cosines crowd in
    0.7-0.9 for any text; what stands out is the distance from the query's own background)."""
    mean, std = float(cosines.mean()), float(cosines.std())
    return (cosines - mean) / max(std, 1e-6)


def rank(
    view: LexicalView,
    cosines: np.ndarray | None,
    settings: HybridSettings,
    *,
    limit: int = 5,
) -> list[HybridHit]:
    """Fused ranking (no gate): lexical order and dense order, by RRF or score mix."""
    lexical_order = view.order()
    lex_rank = {pos: r for r, pos in enumerate(lexical_order)}
    if cosines is None:
        return [
            HybridHit(pos, float(view.score[pos]), r, None, float(view.score[pos]), 0.0, 0.0)
            for r, pos in enumerate(lexical_order[:limit])
            if view.eligible[pos]
        ]
    z = dense_z(cosines)
    depth = min(settings.dense_depth, len(cosines))
    dense_order = [int(i) for i in np.argsort(-cosines, kind="stable")[:depth]]
    dense_rank = {pos: r for r, pos in enumerate(dense_order)}
    candidates = list(dict.fromkeys(lexical_order + dense_order))
    fused: list[tuple[float, int]] = []
    for pos in candidates:
        if settings.fusion == "rrf":
            value = 0.0
            if pos in lex_rank:
                value += settings.lexical_weight / (settings.rrf_k + lex_rank[pos] + 1)
                if view.eligible[pos]:
                    value += settings.lexical_weight / (settings.rrf_k + 1)  # passing the lexical gate is evidence
            if pos in dense_rank:
                value += settings.dense_weight / (settings.rrf_k + dense_rank[pos] + 1)
        else:
            value = settings.lexical_weight * float(view.score[pos]) + settings.dense_weight * 0.1 * max(
                0.0, float(z[pos])
            )
        fused.append((value, pos))
    fused.sort(key=lambda item: (-item[0], item[1]))
    return [
        HybridHit(
            pos,
            value,
            lex_rank.get(pos),
            dense_rank.get(pos),
            float(view.score[pos]),
            float(cosines[pos]),
            float(z[pos]),
        )
        for value, pos in fused[: max(limit * 4, limit)]
    ]


def hybrid_search(
    engine: SearchEngine,
    vectors: ClaimVectors | None,
    query_vector: np.ndarray | None,
    query: str,
    settings: HybridSettings,
    *,
    stop_words: QueryStopWords | None = None,
    limit: int = 5,
    view: LexicalView | None = None,
    gate_view: LexicalView | None = None,
) -> HybridResult:
    """``view``/``gate_view``: the query's lexical views (ranking, gate) when the caller already has them."""
    if view is None:
        rewritten = stop_words.rewrite(query) if stop_words else None
        view = lexical_view(engine, query, rewritten=rewritten)
    if gate_view is None:
        plain = stop_words is None or settings.stop_words_in_gate
        gate_view = view if plain else lexical_view(engine, query)
    unknown = unknown_names(engine, query, view)
    cosines = vectors.cosines(query_vector) if vectors is not None and query_vector is not None else None
    if cosines is not None and view.mask is not None:
        cosines = np.where(view.mask, cosines, np.float32(-1.0))
    if settings.veto_unknown_names and unknown:
        return HybridResult(
            (), "unknown-name", tuple(unknown), (f"nothing on {', '.join(unknown)} in the knowledge base",)
        )
    ranked = rank(view, cosines, settings, limit=limit)
    if cosines is None:
        reason = "" if ranked else "lexical gate"
        return HybridResult(tuple(ranked[:limit]), reason, tuple(unknown))
    z_all = dense_z(cosines)
    top_z = float(z_all.max())
    agreed = False
    if settings.min_anchored_z is not None and top_z >= settings.min_anchored_z and view.anchored is not None:
        nearest = np.argsort(-cosines, kind="stable")[: settings.anchored_depth]
        agreed = bool(view.anchored[nearest].any())
    if not gate_view.answered and top_z < settings.min_dense_z and not agreed:
        return HybridResult((), "both gates", tuple(unknown), (f"no lexical match; best cosine z {top_z:.2f}",))
    # Shown: claims the lexical gate passed, and dense candidates that stand out enough on their own.
    shown = [
        h
        for h in ranked
        if gate_view.eligible[h.position] or view.eligible[h.position] or h.dense_z >= settings.min_shown_z
    ]
    return HybridResult(tuple(shown[:limit]), "", tuple(unknown))
