"""Adding claims to a built search engine without rebuilding it: the bot's live knowledge base.

A claim approved in Slack must be found by every running process within seconds. Rebuilding the index
(and re-reading every claim through jieba and OpenCC) for each approval would cost seconds at 10k claims
and minutes at 100k; instead ``with_claims`` reads only the new claims and merges their postings into
copies of the index's arrays (an O(postings) copy, no re-tokenising), and stacks their vectors under
the claim matrix. The result is a new engine: the old one keeps answering the requests in flight.

BM25's length normalisation of the existing claims is kept as it was built (the average claim length
moves by a fraction of a percent per added claim); the new claims are normalised by that average,
estimated once from a sample of the existing claims. IDF is computed at query time from the document
frequencies, so it is exact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from knowledge.models import Claim, Corpus
from knowledge.search.concepts import ConceptMatcher, registry_names
from knowledge.search.embedding import Embedder
from knowledge.search.hybrid import SemanticSide
from knowledge.search.index import K1, B, LexicalIndex, claim_bag
from knowledge.search.query import QueryAnalyzer
from knowledge.search.searcher import SearchEngine
from knowledge.search.vectors import ClaimVectors, claim_passage, content_hash
from knowledge.text import normalize

LENGTH_SAMPLE = 64
"""Existing claims read again to estimate the average claim length (once per engine lineage)."""


def with_claims(engine: SearchEngine, corpus: Corpus, vectors: Mapping[str, np.ndarray] | None = None) -> SearchEngine:
    """A new engine over ``corpus``: ``engine``'s corpus with claims appended (and maybe people and sources).

    ``vectors``: claim id → the claim's embedding, computed once elsewhere (stored in the database);
    a new claim missing from it is embedded here when the engine has a semantic side.
    Raises ValueError when ``corpus`` does not start with the engine's claims, in order.
    """
    old = engine.corpus.claims
    if tuple(c.id for c in corpus.claims[: len(old)]) != tuple(c.id for c in old):
        raise ValueError("the new knowledge base must keep the engine's claims first, in order")
    added = corpus.claims[len(old) :]
    matcher = engine.matcher
    name_terms = set(engine.analyzer._name_terms)
    if set(corpus.people) != set(engine.corpus.people):
        # A new speaker: its names must be recognised (by:, mentions) like any registry name.
        names = registry_names(corpus)
        matcher = ConceptMatcher(engine.pipeline, names)
        flat = [normalize(n) for spellings in names.values() for n in spellings]
        name_terms |= {t for n in flat for t in engine.pipeline.tokens(n, normalized=True)}
    average = getattr(engine, "_average_length", None) or _average_length(engine)
    bags = [claim_bag(c, engine.pipeline, matcher) for c in added]
    index = extend_index(engine.index, added, bags, average)
    analyzer = QueryAnalyzer(corpus, engine.pipeline, matcher, index, engine.analyzer._lexicon, name_terms)
    grown = SearchEngine(corpus, analyzer)
    grown._average_length = average  # type: ignore[attr-defined]
    grown.semantic_note = engine.semantic_note
    if engine.semantic is not None:
        side = engine.semantic
        grown.semantic = SemanticSide(
            side.embedder, extend_vectors(side.vectors, added, side.embedder, vectors or {}), side.settings, side.bank
        )
    return grown


def _average_length(engine: SearchEngine) -> float:
    claims = engine.corpus.claims
    if not claims:
        return 1.0
    step = max(1, len(claims) // LENGTH_SAMPLE)
    sample = claims[::step][:LENGTH_SAMPLE]
    return float(np.mean([sum(claim_bag(c, engine.pipeline, engine.matcher).values()) for c in sample]))


def extend_index(
    index: LexicalIndex, claims: Sequence[Claim], bags: Sequence[Mapping[str, float]], average_length: float
) -> LexicalIndex:
    """``index`` with ``claims`` (their ``bags`` of terms) numbered after its own claims."""
    if not claims:
        return index
    n_old = index.n_docs
    vocab = dict(index.vocab)
    new_terms: list[int] = []
    new_docs: list[int] = []
    new_vals: list[float] = []
    for offset, bag in enumerate(bags):
        length = sum(bag.values())
        norm = K1 * (1 - B + B * length / max(average_length, 1e-9))
        for term, tf in bag.items():
            tid = vocab.setdefault(term, len(vocab))
            new_terms.append(tid)
            new_docs.append(n_old + offset)
            new_vals.append(tf * (K1 + 1) / (tf + norm))
    terms = np.asarray(new_terms, dtype=np.int64)
    order = np.lexsort((np.asarray(new_docs), terms))  # by term, then claim number: postings stay ascending
    terms = terms[order]
    docs = np.asarray(new_docs, dtype=np.int32)[order]
    vals = np.asarray(new_vals, dtype=np.float32)[order]
    n_terms = len(vocab)
    old_start = np.concatenate([index.post_start, np.full(n_terms - len(index.vocab), index.post_start[-1])])
    # Each new posting goes at the end of its term's run: before the next term's first posting.
    at = old_start[terms + 1]
    post_docs = np.insert(index.post_docs, at, docs)
    post_vals = np.insert(index.post_vals, at, vals)
    doc_freq = np.concatenate([index.doc_freq, np.zeros(n_terms - len(index.vocab), dtype=np.int64)])
    doc_freq += np.bincount(terms, minlength=n_terms).astype(np.int64)
    filters = {key: list(value) for key, value in index.filter_postings.items()}
    for offset, claim in enumerate(claims):
        pos = n_old + offset
        filters.setdefault(("by", claim.speaker_id), []).append(pos)
        filters.setdefault(("source", claim.source_id), []).append(pos)
        for topic in claim.topic_ids:
            filters.setdefault(("topic", topic), []).append(pos)
    return LexicalIndex(
        claim_ids=(*index.claim_ids, *(c.id for c in claims)),
        vocab=vocab,
        doc_freq=doc_freq,
        post_start=np.concatenate([[0], np.cumsum(doc_freq)]).astype(np.int64),
        post_docs=post_docs.astype(np.int32),
        post_vals=post_vals.astype(np.float32),
        filter_postings={k: np.asarray(v, dtype=np.int32) for k, v in filters.items()},
    )


def extend_vectors(
    vectors: ClaimVectors, claims: Sequence[Claim], embedder: Embedder, known: Mapping[str, np.ndarray]
) -> ClaimVectors:
    """``vectors`` with one row per claim in ``claims``: from ``known`` when given, else embedded now."""
    missing = [c for c in claims if c.id not in known]
    embedded: dict[str, np.ndarray] = dict(known)
    if missing:
        rows = embedder.embed_passages([claim_passage(c) for c in missing])
        embedded.update({c.id: np.asarray(r, dtype=np.float32) for c, r in zip(missing, rows, strict=True)})
    matrix = np.vstack([vectors.matrix, *(normalized_row(embedded[c.id]) for c in claims)]).astype(np.float32)
    return ClaimVectors(
        vectors.embedder_name,
        (*vectors.ids, *(c.id for c in claims)),
        (*vectors.hashes, *(content_hash(vectors.embedder_name, claim_passage(c)) for c in claims)),
        matrix,
    )


def normalized_row(vector: np.ndarray) -> np.ndarray:
    row = np.asarray(vector, dtype=np.float32).reshape(1, -1)
    norm = float(np.linalg.norm(row))
    return row / norm if norm > 0 else row
