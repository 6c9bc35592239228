"""Hybrid lexical + semantic search (issue 9), and the "no answer" gate from both kinds of evidence.

The lexical engine's view of a query (``SearchEngine.score_all``: every claim's score, coverage and
gate verdict) and the cosine of the query's embedding with every claim's vector (``ClaimVectors``) are:

1. fused (``rank``): by default a convex combination of each claim's plain BM25 (before the coverage
   factor, ``LexicalView.bm25``) and its text+en cosine, each min-max scaled over the claims the query
   may reach; the first prototype's score mix and reciprocal-rank fusion stay for the bench's comparison;
2. judged by one gate, ``knowledge.search.gate.decide``: refuse a query naming what the knowledge base
   has never heard of ("nothing on X in the knowledge base"), answer a lexical match, and otherwise answer
   only when the nearest claim is nearer than the nearest line of the off-topic bank (everyday questions)
   and stands out from the claims' mean cosine.

``SemanticSide`` holds an embedder, the claims' vectors and the embedded off-topic bank, and answers
``SearchEngine.search`` when present (``SearchEngine.attach_semantic`` loads them, see
``knowledge.search.store``).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from knowledge.search.answer_checks import check_answer, counted_word
from knowledge.search.embedding import Embedder
from knowledge.search.gate import GateDecision, GateInputs, GateSettings, NegativeBank, decide
from knowledge.search.query import SPECIFIC_DAMPING
from knowledge.search.results import Hit, LexicalView, SearchResult, top_positions
from knowledge.search.vectors import ClaimVectors
from knowledge.text import is_latin, without_possessive

if TYPE_CHECKING:
    from knowledge.search.query import Unit
    from knowledge.search.searcher import SearchEngine


# ---- names the knowledge base has never heard of -------------------------------------------------

_NAME_SHAPE = re.compile(r"[A-Z0-9]")


def unknown_names(query: str, view: LexicalView) -> list[str]:
    """Names in the query that the knowledge base has never heard of, spelled as the user wrote them.

    A Latin-script unit that no claim or registry contains (even after the engine's fuzzy correction)
    and that is written like a name: a capital or a digit, with letters (Qwen2.5-Max, GLM-4, Perplexity).
    Unknown name-shaped words in a row are one name (``DeepSeek R1``, ``Claude 3 Opus``).
    Chinese words are not judged here: the unseen ones in questions are mostly jieba's HMM gluing two
    everyday characters (夹死, 能白), which cannot be told from a proper noun (混元) without a tagger."""
    unknown = {_compact(u.label) for u in view.units if not u.known and is_latin(u.label)}
    names: list[str] = []
    run: list[str] = []
    for match in re.finditer(r"[A-Za-z0-9][A-Za-z0-9.+_'\u2019-]*|\S", query):
        # The name without its possessive (Zorblax's founder -> Zorblax), as the text pipeline reads it.
        word = without_possessive(match.group(0).rstrip(".-"))
        if _compact(word) in unknown and _NAME_SHAPE.search(word):
            run.append(word)
            continue
        names.extend(_name_of(run))
        run = []
    names.extend(_name_of(run))
    return list(dict.fromkeys(names))


def _compact(word: str) -> str:
    return re.sub(r"[^a-z0-9]", "", word.lower())


def _name_of(run: list[str]) -> list[str]:
    """The run of words as one name, if one of them is a word with letters (not ``R1`` or ``2024`` alone)."""
    if any(re.search("[A-Za-z]", w) and len(_compact(w)) >= 3 for w in run):
        return [" ".join(run)]
    return []


# ---- fusion --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HybridSettings:
    """Chosen on the own evaluation set's calibration part (bench/RESULTS.md, "Search quality")."""

    fusion: str = "convex"
    """"convex" (used), "mix" or "rrf" (the first prototype's, kept for the bench's comparison).

    convex: ``lexical_share * minmax(BM25) + (1 - lexical_share) * minmax(cosine)`` over the claims the
    query may reach."""
    lexical_share: float = 0.5
    """convex: weight of the lexical signal, the dense one gets the rest (calibration in bench/RESULTS.md)."""
    rrf_k: float = 60.0
    dense_weight: float = 2.0
    """RRF: weight of the dense rank; mix: weight of the cosine z-score against the lexical score."""
    lexical_weight: float = 1.0
    lexical_depth: int = 50
    """Candidates fused: the lexical top this many (mix, rrf) or the fused top this many (convex)."""
    dense_depth: int = 30
    min_shown_z: float = 0.0
    """Below this z-score a candidate without a lexical match is not shown among the hits of an answered query."""
    answer_checks: bool = True
    """Second stage after the gate (``knowledge.search.answer_checks``): an amount question needs a claim
    that states a figure, a question naming known things needs a claim that mentions one of them."""
    gate: GateSettings = field(default_factory=GateSettings)


@dataclass(frozen=True)
class HybridHit:
    position: int
    score: float
    lexical_score: float
    cosine: float
    dense_z: float


def _z_scale(cosines: np.ndarray, allowed: np.ndarray | None) -> tuple[float, float] | None:
    """Mean and (floored) standard deviation of the cosines over the allowed claims; None when none is."""
    pool = cosines if allowed is None else cosines[allowed]
    if len(pool) == 0:
        return None
    return float(pool.mean()), max(float(pool.std()), 1e-6)


def dense_z(cosines: np.ndarray, allowed: np.ndarray | None = None) -> np.ndarray:
    """Each claim's cosine in standard deviations above the mean over the (allowed) claims.

    e5 cosines crowd in 0.7-0.9 for any text; what stands out is the distance from the query's own
    background. Claims a filter rules out get -inf."""
    return dense_z_at(cosines, allowed, None)


def dense_z_at(cosines: np.ndarray, allowed: np.ndarray | None, positions: np.ndarray | None) -> np.ndarray:
    """``dense_z(cosines, allowed)[positions]`` (all claims when None), computing only those: a search shows
    a few dozen claims, and the full array is five passes over every claim at 100k."""
    picked = cosines if positions is None else cosines[positions]
    scale = _z_scale(cosines, allowed)
    if scale is None:
        return np.full(len(picked), -np.inf, dtype=np.float32)
    mean, std = scale
    z = ((picked - mean) / std).astype(np.float32)
    if allowed is not None:
        z[~(allowed if positions is None else allowed[positions])] = -np.inf
    return z


@dataclass(frozen=True)
class Span:
    """Where one signal's min-max scaling comes from: its lowest value over the claims the query may reach and
    the width up to its highest; a width of 0 is a flat signal (no lexical match at all), which adds nothing."""

    low: float
    width: float

    @classmethod
    def over(cls, values: np.ndarray, reach: np.ndarray | None) -> Span:
        pool = values if reach is None else values[reach]
        if pool.size == 0:
            return cls(0.0, 0.0)
        low, high = float(pool.min()), float(pool.max())
        return cls(low, high - low if high - low > 1e-9 else 0.0)

    def scaled(self, values: np.ndarray) -> np.ndarray:
        """``values`` (any of the claims: all, or a few picked) scaled by this span, as float64."""
        if not self.width:
            return np.zeros(len(values), dtype=np.float64)
        return (values.astype(np.float64) - self.low) / self.width


def minmax(values: np.ndarray, reach: np.ndarray | None) -> np.ndarray:
    """``values`` scaled to 0-1 over the claims in ``reach`` (all when None); a flat signal (no lexical
    match at all) contributes nothing."""
    return Span.over(values, reach).scaled(values)


def plain_bm25(view: LexicalView) -> np.ndarray:
    """The lexical signal convex fusion ranks by: BM25 before coverage (the mask's score for filters alone)."""
    return view.bm25 if view.bm25 is not None else view.score


def rank(
    view: LexicalView,
    cosines: np.ndarray,
    z: np.ndarray | None,
    settings: HybridSettings,
    *,
    depth: int | None = None,
) -> list[HybridHit]:
    """Candidates of the fused ranking, best first (no gate); ``z`` is ``dense_z(cosines, view.mask)``, or None:
    computed here for the candidates alone (convex) or for every claim (mix, rrf).

    convex: the fused top ``max(depth, lexical_depth)`` over every claim the query may reach (a partition,
    not a sort: 100k claims stay cheap). mix / rrf: every candidate of either side (lexical top
    ``lexical_depth``, dense top ``dense_depth``)."""
    if settings.fusion == "convex":
        return _rank_convex(view, cosines, z, settings, max(depth or 0, settings.lexical_depth))
    if z is None:
        z = dense_z(cosines, view.mask)
    lexical_order = view.order(settings.lexical_depth)
    lex_rank = {pos: r for r, pos in enumerate(lexical_order)}
    allowed = np.isfinite(z)
    dense_order = [
        int(i)
        for i in top_positions(np.where(allowed, cosines, -np.inf), min(settings.dense_depth, int(allowed.sum())))
    ]
    dense_rank = {pos: r for r, pos in enumerate(dense_order)}
    fused: list[tuple[float, int]] = []
    for pos in dict.fromkeys(lexical_order + dense_order):
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
    return [HybridHit(pos, value, float(view.score[pos]), float(cosines[pos]), float(z[pos])) for value, pos in fused]


FUSION_MARGIN = 1e-5
"""How far below the estimated ``depth``-th best fused value a claim is still fused exactly: ten times the
float32 estimate's worst error (values in 0-1, a few roundings of 2^-24 each)."""


def _rank_convex(
    view: LexicalView, cosines: np.ndarray, z: np.ndarray | None, settings: HybridSettings, depth: int
) -> list[HybridHit]:
    """The fused top ``depth``: every claim's fused value estimated in float32 (a few passes over 100k claims,
    no float64 copies), then the exact values (float64, as ``minmax`` computes them over every claim the query
    may reach) for the claims the estimate puts within ``FUSION_MARGIN`` of its ``depth``-th best, sorted
    with ties to the earlier claim. The estimate is off by under 1e-6 (float32 rounding of values in 0-1),
    so no claim of the exact top is left out. bench/fusion_check.py compares the answers with main's
    fusion, which computed the exact values for every claim."""
    reach = view.mask
    share = settings.lexical_share
    bm25 = plain_bm25(view)
    lexical, dense = Span.over(bm25, reach), Span.over(cosines, reach)
    depth = min(depth, len(cosines) if reach is None else int(reach.sum()))  # a filter's verdict is final
    if depth <= 0:
        return []
    estimate = np.zeros(len(cosines), dtype=np.float32)
    for values, span, weight in ((bm25, lexical, share), (cosines, dense, 1.0 - share)):
        if span.width and weight:
            part = np.subtract(values, np.float32(span.low), dtype=np.float32)
            part *= np.float32(weight / span.width)
            estimate += part
    if reach is not None:
        estimate[~reach] = -np.inf
    cut = np.partition(estimate, len(estimate) - depth)[len(estimate) - depth] - FUSION_MARGIN
    candidates = np.flatnonzero(estimate >= cut)
    fused = share * lexical.scaled(bm25[candidates]) + (1.0 - share) * dense.scaled(cosines[candidates])
    if len(candidates) > depth:  # the depth best and all tied with the last of them, then sorted
        within = np.flatnonzero(fused >= np.partition(fused, len(fused) - depth)[len(fused) - depth])
        candidates, fused = candidates[within], fused[within]
    best = np.lexsort((candidates, -fused))[:depth]
    positions, values = candidates[best], fused[best]
    z_values = z[positions] if z is not None else dense_z_at(cosines, reach, positions)
    return [
        HybridHit(pos, float(value), float(view.score[pos]), float(cosines[pos]), float(zv))
        for pos, value, zv in zip(positions.tolist(), values.tolist(), z_values.tolist(), strict=True)
    ]


# ---- the semantic side of the engine ---------------------------------------------------------------

QUERY_CACHE = 512
"""Query texts whose embedding is kept (1.5 KB each)."""


def gate_inputs(query: str, view: LexicalView, query_vector: np.ndarray, cosines: np.ndarray) -> GateInputs:
    """What ``decide`` judges by, from the engine's view of one query: the cosines of the claims it may reach."""
    reachable = cosines if view.mask is None else cosines[view.mask]
    return GateInputs(
        lexical_eligible=view.answered,
        lexical_needs_dense=view.needs_dense,
        lexical_best_coverage=float(view.coverage.max()) if len(view.coverage) else 0.0,
        query_vector=query_vector,
        claim_cosines=reachable,
        unknown_names=tuple(unknown_names(query, view)),
        query=query,
    )


def named(engine: SearchEngine, view: LexicalView) -> list[tuple[str, tuple[str, ...]]]:
    """The known speakers and glossary entities the query names: (display name, concept terms)."""
    return [
        (engine.matcher.display.get(unit.concepts[0], unit.label), unit.concepts)
        for unit in view.units
        if unit.concepts
    ]


def counted(engine: SearchEngine, view: LexicalView) -> tuple[str, tuple[str, ...]] | None:
    """What an amount question counts (``answer_checks.counted_word``), as typed and as index terms."""

    def specific(word: str) -> bool:
        if is_latin(word):
            return True
        return word in engine.index.vocab and engine.analyzer.damping(word) >= SPECIFIC_DAMPING

    word = counted_word(engine.pipeline.tokens(view.text), specific)
    terms = tuple(engine.pipeline.terms(word)) if word else ()
    return (word, terms) if word and terms else None


def describe_decision(decision: GateDecision) -> str:
    """The gate's verdict for --explain: its reason, the margin over the bank, the dense z, the nearest bank line."""
    verdict = f"gate {'answered' if decision.answer else 'refused'} ({decision.reason}): {decision.message}"
    parts: list[str] = []
    if decision.margin is not None:
        parts.append(f"margin over the off-topic bank {decision.margin:+.3f}")
    if decision.dense_z is not None:
        parts.append(f"dense z {decision.dense_z:.2f}")
    if decision.nearest_bank_line is not None:
        parts.append(f"nearest everyday question {decision.nearest_bank_line!r}")
    elif decision.dense_z is not None:
        parts.append("no off-topic bank loaded (z-score gate)")
    return verdict + (" -- evidence: " + "; ".join(parts) if parts else "")


class SemanticSide:
    """An embedder, the claims' vectors (rows in the corpus's claim order) and the embedded off-topic bank
    (None: the gate falls back to the dense z-score alone): answers hybrid searches."""

    def __init__(
        self,
        embedder: Embedder,
        vectors: ClaimVectors,
        settings: HybridSettings | None = None,
        bank: NegativeBank | None = None,
    ):
        self.embedder = embedder
        self.vectors = vectors
        self.settings = settings or HybridSettings()
        self.bank = bank
        self._query_vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def forget_queries(self) -> None:
        """Drop the remembered query embeddings (benchmarks time the embedding with each search)."""
        with self._lock:
            self._query_vectors.clear()

    def query_vector(self, text: str) -> np.ndarray:
        """The embedding of ``text``, remembered for the last ``QUERY_CACHE`` texts: "More" pages and
        repeated questions re-run the same query, and the embedding is most of a hybrid search's time."""
        with self._lock:
            found = self._query_vectors.get(text)
            if found is not None:
                self._query_vectors.move_to_end(text)
                return found
        vector = self.embedder.embed_queries([text])[0]
        with self._lock:
            self._query_vectors[text] = vector
            while len(self._query_vectors) > QUERY_CACHE:
                self._query_vectors.popitem(last=False)
        return vector

    def describe(self) -> str:
        bank = f"off-topic bank of {len(self.bank.lines)} lines" if self.bank is not None else "no off-topic bank"
        return (
            f"hybrid search: lexical + semantic ({self.embedder.name}, {len(self.vectors.ids)} claim vectors, {bank})"
        )

    def search(
        self, engine: SearchEngine, query: str, view: LexicalView, *, limit: int, offset: int, explain: bool
    ) -> SearchResult:
        settings = self.settings
        query_vector = self.query_vector(view.text)
        cosines = self.vectors.cosines(query_vector)
        decision = decide(gate_inputs(query, view, query_vector, cosines), self.bank, settings.gate)
        notes: tuple[str, ...] = (self.describe(), describe_decision(decision)) if explain else ()
        if not decision.answer:
            unknown = decision.unknown if decision.reason == "unknown-name" else ()
            refusal = decision.message if unknown else ""
            return SearchResult(query, (), 0, engine.suggestions(view), view.filters, (), notes, refusal, unknown)
        shown = [
            h
            for h in rank(view, cosines, None, settings, depth=offset + limit)
            if view.eligible[h.position] or (np.isfinite(h.dense_z) and h.dense_z >= settings.min_shown_z)
        ]
        if settings.answer_checks:
            check = check_answer(
                query,
                [h.position for h in shown],
                engine.corpus.claims,
                named(engine, view),
                engine.index.contains,
                counted(engine, view),
            )
            if explain:
                notes += (f"answer check: {check.reason or 'passed'}{': ' + check.message if check.message else ''}",)
            if not check.answer:
                lacking = check.reason.removeprefix("no-") if check.reason.startswith("no-") else ""
                return SearchResult(
                    query, (), 0, engine.suggestions(view), view.filters, (), notes, check.message, lacking=lacking
                )
            by_position = {h.position: h for h in shown}
            shown = [by_position[pos] for pos in check.order]
        units = engine.analyzer.units(view.text) if explain else []
        hits = tuple(
            Hit(
                engine.corpus.claims[h.position],
                round(h.score, 4),
                self._why(engine, view, units, h, cosines) if explain else (),
            )
            for h in shown[offset : offset + limit]
        )
        return SearchResult(query, hits, len(shown), (), view.filters, (), notes)

    @staticmethod
    def _why(
        engine: SearchEngine, view: LexicalView, units: list[Unit], hit: HybridHit, cosines: np.ndarray
    ) -> tuple[str, ...]:
        pos = hit.position
        reach = np.ones(len(cosines), dtype=bool) if view.mask is None else view.mask
        bm25 = plain_bm25(view)
        if bm25[pos] <= 0:
            lexical = "lexical: no match"
        else:
            passed = "passes the lexical gate" if view.eligible[pos] else "below the lexical gate"
            lexical_rank = int(((bm25 > bm25[pos]) & reach).sum()) + 1
            lexical = (
                f"lexical: BM25 rank {lexical_rank}, BM25 {float(bm25[pos]):.3f}, "
                f"with coverage {hit.lexical_score:.3f} ({passed})"
            )
        dense_rank = int(((cosines > cosines[pos]) & reach).sum()) + 1
        dense = f"semantic: rank {dense_rank}, cosine {hit.cosine:.3f}, z {hit.dense_z:.2f}"
        details = engine.explain_claim(units, pos, float(view.coverage[pos]), discount_context=True) if units else ()
        return (lexical, dense, *details)
