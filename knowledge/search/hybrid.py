"""Hybrid lexical + semantic search (issue 9), and the "no answer" gate from both kinds of evidence.

The lexical engine's view of a query (``SearchEngine.score_all``: every claim's score, coverage and
gate verdict) and the cosine of the query's embedding with every claim's vector (``ClaimVectors``) are:

1. fused (``rank``): the lexical score plus the cosine's z-score among all claims (a "score mix"), or
   reciprocal-rank fusion of the two orders; bench/quality_bench.py measures both, the mix is used;
2. judged by one gate (``gate``): answer when the lexical gate passes, or when the best claim stands out
   semantically (its cosine's z-score over the claims' cosines) -- unless the query names something (a
   Latin-script name) the knowledge base has never heard of: then "nothing on X in the knowledge base".
   ``gate`` is the one seam for a better gate: it takes ``GateInputs`` and answers a ``GateDecision``.

``SemanticSide`` holds an embedder and the claims' vectors and answers ``SearchEngine.search`` when
present; ``load_semantic`` finds or builds the vectors (see ``knowledge.search.store``).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from knowledge.search.embedding import Embedder
from knowledge.search.results import Hit, LexicalView, SearchResult, top_positions
from knowledge.search.vectors import ClaimVectors
from knowledge.text import is_latin

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
    for match in re.finditer(r"[A-Za-z0-9][A-Za-z0-9.+_'-]*|\S", query):
        word = match.group(0).rstrip(".-")
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

    fusion: str = "mix"
    """"rrf" or "mix"."""
    rrf_k: float = 60.0
    dense_weight: float = 2.0
    """RRF: weight of the dense rank; mix: weight of the cosine z-score against the lexical score."""
    lexical_weight: float = 1.0
    lexical_depth: int = 50
    dense_depth: int = 30
    min_dense_z: float = 4.5
    """Dense-only answers need the best claim this many standard deviations above the claims' mean cosine."""
    min_shown_z: float = 0.0
    """Below this z-score a dense-only candidate is not shown among the hits of an answered query."""
    veto_unknown_names: bool = True


@dataclass(frozen=True)
class HybridHit:
    position: int
    score: float
    lexical_rank: int | None
    dense_rank: int | None
    lexical_score: float
    cosine: float
    dense_z: float


def dense_z(cosines: np.ndarray, allowed: np.ndarray | None = None) -> np.ndarray:
    """Each claim's cosine in standard deviations above the mean over the (allowed) claims.

    e5 cosines crowd in 0.7-0.9 for any text; what stands out is the distance from the query's own
    background. Claims a filter rules out get -inf."""
    pool = cosines if allowed is None else cosines[allowed]
    if len(pool) == 0:
        return np.full(len(cosines), -np.inf, dtype=np.float32)
    mean, std = float(pool.mean()), float(pool.std())
    z = ((cosines - mean) / max(std, 1e-6)).astype(np.float32)
    if allowed is not None:
        z[~allowed] = -np.inf
    return z


def rank(view: LexicalView, cosines: np.ndarray, z: np.ndarray, settings: HybridSettings) -> list[HybridHit]:
    """Every candidate of either side (lexical top ``lexical_depth``, dense top ``dense_depth``), fused, best first."""
    lexical_order = view.order(settings.lexical_depth)
    lex_rank = {pos: r for r, pos in enumerate(lexical_order)}
    allowed = np.isfinite(z)
    depth = min(settings.dense_depth, int(allowed.sum()))
    dense_order = [int(i) for i in top_positions(np.where(allowed, cosines, -np.inf), depth)]
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
        for value, pos in fused
    ]


# ---- the gate ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GateInputs:
    """What the gate may judge by: both sides' evidence about one query."""

    query: str
    view: LexicalView
    query_vector: np.ndarray
    claim_cosines: np.ndarray
    """Cosine of the query with every claim (claim order)."""
    dense_z: np.ndarray
    unknown_names: tuple[str, ...]

    @property
    def lexical_eligible(self) -> bool:
        return self.view.answered

    @property
    def lexical_best_coverage(self) -> float:
        return float(self.view.coverage.max()) if len(self.view.coverage) else 0.0

    @property
    def top_z(self) -> float:
        finite = self.dense_z[np.isfinite(self.dense_z)]
        return float(finite.max()) if len(finite) else float("-inf")


@dataclass(frozen=True)
class GateDecision:
    answer: bool
    reason: str
    """Why, for --explain (and, when ``refusal`` is empty, only for it)."""
    refusal: str = ""
    """What to tell the user when refused, if more than "no good answer" (``nothing on X in the knowledge base``)."""


def gate(inputs: GateInputs, settings: HybridSettings) -> GateDecision:
    """Answer or refuse. The one place a better gate (``knowledge.search.gate.decide``) plugs in."""
    if settings.veto_unknown_names and inputs.unknown_names:
        said = f"nothing on {', '.join(inputs.unknown_names)} in the knowledge base"
        return GateDecision(False, f"refused: the query names what no claim mentions ({said})", said)
    if inputs.lexical_eligible:
        return GateDecision(
            True, f"passed: lexical match (best coverage {inputs.lexical_best_coverage:.0%} of the query's weight)"
        )
    top = inputs.top_z
    if top >= settings.min_dense_z:
        return GateDecision(
            True, f"passed: the nearest claim stands out semantically (z {top:.2f} >= {settings.min_dense_z})"
        )
    return GateDecision(
        False,
        f"refused: no lexical match (best coverage {inputs.lexical_best_coverage:.0%}) and nothing stands out "
        f"semantically (best z {top:.2f} < {settings.min_dense_z})",
    )


# ---- the semantic side of the engine ---------------------------------------------------------------

QUERY_CACHE = 512
"""Query texts whose embedding is kept (1.5 KB each)."""


class SemanticSide:
    """An embedder and the claims' vectors (rows in the corpus's claim order): answers hybrid searches."""

    def __init__(self, embedder: Embedder, vectors: ClaimVectors, settings: HybridSettings | None = None):
        self.embedder = embedder
        self.vectors = vectors
        self.settings = settings or HybridSettings()
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
        return f"hybrid search: lexical + semantic ({self.embedder.name}, {len(self.vectors.ids)} claim vectors)"

    def search(
        self, engine: SearchEngine, query: str, view: LexicalView, *, limit: int, offset: int, explain: bool
    ) -> SearchResult:
        settings = self.settings
        query_vector = self.query_vector(view.text)
        cosines = self.vectors.cosines(query_vector)
        z = dense_z(cosines, view.mask)
        inputs = GateInputs(query, view, query_vector, cosines, z, tuple(unknown_names(query, view)))
        decision = gate(inputs, settings)
        notes = (self.describe(), "gate " + decision.reason) if explain else ()
        if not decision.answer:
            return SearchResult(query, (), 0, engine.suggestions(view), view.filters, (), notes, decision.refusal)
        shown = [
            h
            for h in rank(view, cosines, z, settings)
            if view.eligible[h.position] or (np.isfinite(h.dense_z) and h.dense_z >= settings.min_shown_z)
        ]
        units = engine.analyzer.units(view.text) if explain else []
        hits = tuple(
            Hit(
                engine.corpus.claims[h.position],
                round(h.score, 4),
                self._why(engine, view, units, h) if explain else (),
            )
            for h in shown[offset : offset + limit]
        )
        return SearchResult(query, hits, len(shown), (), view.filters, (), notes)

    @staticmethod
    def _why(engine: SearchEngine, view: LexicalView, units: list[Unit], hit: HybridHit) -> tuple[str, ...]:
        if hit.lexical_rank is None:
            lexical = "lexical: no match"
        else:
            passed = "passes the lexical gate" if view.eligible[hit.position] else "below the lexical gate"
            lexical = f"lexical: rank {hit.lexical_rank + 1}, score {hit.lexical_score:.3f} ({passed})"
        dense = (
            f"semantic: rank {hit.dense_rank + 1}" if hit.dense_rank is not None else "semantic: beyond the top"
        ) + f", cosine {hit.cosine:.3f}, z {hit.dense_z:.2f}"
        details = engine.explain_claim(units, hit.position, float(view.coverage[hit.position])) if units else ()
        return (lexical, dense, *details)
