"""Building the lexical index: each claim's weighted terms, then BM25 postings as flat arrays.

``build_index`` reads the claims once through the text pipeline and the registry matcher and
returns a ``LexicalIndex``: plain numpy arrays, a vocabulary and the claims' ids, nothing that
needs the corpus or the tokenizer to be read back. That is the seam for keeping it on disk and
for a second (semantic) retriever beside it: either consumes claim numbers, not claims.

A claim's terms come from its fields (text, quote, English gloss), weighted per field: the
search-mode words of each, the registry names found in it (people, topics, glossary entities),
and the pairs of adjacent Chinese characters, which back up words wherever jieba cut the
claim's characters differently from a query's. Its own speaker and topics are terms too.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from knowledge.models import Claim
from knowledge.search.concepts import PERSON, TOPIC, ConceptMatcher
from knowledge.text import TextPipeline

K1, B = 1.2, 0.75
FIELD_WEIGHTS = {"text": 1.0, "quote": 0.6, "en": 1.0}
SPEAKER_WEIGHT = 3.0
"""The claim's own speaker counts more than a name merely mentioned in its text."""
MAIN_TOPIC_WEIGHT, OTHER_TOPIC_WEIGHT = 2.0, 1.0
BIGRAM_SHARE = 0.8
"""Character pairs back up words (see ``TextPipeline.bigrams``): a claim's pairs count less than
its words, and a query word matched only through its pairs earns this share of its credit."""


def claim_terms(claim: Claim, pipeline: TextPipeline, matcher: ConceptMatcher) -> Iterator[tuple[str, float]]:
    """Every term occurrence the index counts for ``claim``, with its weight (repeats included)."""
    for field_name, text in (("text", claim.text), ("quote", claim.quote), ("en", claim.en)):
        weight = FIELD_WEIGHTS[field_name]
        tokens = pipeline.tokens(text)
        for term in pipeline.expand(tokens):
            yield term, weight
        for mention in matcher.find(tokens):
            yield mention.concept, weight
        for pair in pipeline.bigrams(text):
            yield pair, weight * BIGRAM_SHARE
    yield PERSON + claim.speaker_id, SPEAKER_WEIGHT
    for i, topic in enumerate(claim.topic_ids):
        yield TOPIC + topic, MAIN_TOPIC_WEIGHT if i == 0 else OTHER_TOPIC_WEIGHT


def claim_bag(claim: Claim, pipeline: TextPipeline, matcher: ConceptMatcher) -> dict[str, float]:
    """Term → summed weight in ``claim``, in the order the terms first occur."""
    bag: defaultdict[str, float] = defaultdict(float)
    for term, weight in claim_terms(claim, pipeline, matcher):
        bag[term] += weight
    return bag


@dataclass(frozen=True, eq=False)
class LexicalIndex:
    """BM25 postings over claims numbered 0..n-1 (the corpus's order); read-only once built."""

    claim_ids: tuple[str, ...]
    """Claim number → claim id."""
    vocab: dict[str, int]
    """Term → term number."""
    doc_freq: np.ndarray
    """Term number → how many claims contain it (int64)."""
    post_start: np.ndarray
    """Term number → where its postings start in ``post_docs``/``post_vals``; one more entry at the end (int64)."""
    post_docs: np.ndarray
    """Claim numbers, grouped by term, ascending within a term (int32)."""
    post_vals: np.ndarray
    """BM25 term scores (saturated, length-normalised term weight) beside ``post_docs`` (float32)."""
    filter_postings: dict[tuple[str, str], np.ndarray]
    """(``by``/``topic``/``source``, id) → the claim numbers it selects (int32), so a filter costs no pass."""

    @property
    def n_docs(self) -> int:
        return len(self.claim_ids)

    @property
    def idf_max(self) -> float:
        """The IDF of a term only one claim contains: the weight scale of a query's rarest word."""
        return math.log(1 + (self.n_docs + 0.5) / 1.5) if self.n_docs else 1.0

    def idf(self, term: str) -> float:
        tid = self.vocab.get(term)
        if tid is None:
            return 0.0
        df = float(self.doc_freq[tid])
        return math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        """(claim numbers, BM25 term scores) of ``term``, or None when no claim contains it."""
        tid = self.vocab.get(term)
        if tid is None:
            return None
        start, end = self.post_start[tid], self.post_start[tid + 1]
        return self.post_docs[start:end], self.post_vals[start:end]

    def contains(self, term: str, pos: int) -> bool:
        """Whether claim number ``pos`` contains ``term``: a binary search in its sorted postings."""
        postings = self.postings(term)
        if postings is None:
            return False
        docs = postings[0]
        at = int(np.searchsorted(docs, pos))
        return at < len(docs) and int(docs[at]) == pos


@dataclass(frozen=True, eq=False)
class ClaimBags:
    """Every claim's bag of terms as flat arrays: claim i's terms are ``terms[start[i]:start[i + 1]]``
    (numbers into ``vocab``), with their summed weights in ``weights``. What the index is built from,
    and what is kept on disk so that a changed claim is re-read alone (``knowledge.search.store``)."""

    vocab: list[str]
    start: np.ndarray
    """int64, one more entry than claims."""
    terms: np.ndarray
    """int32."""
    weights: np.ndarray
    """float32."""

    def rows(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        return self.terms[self.start[i] : self.start[i + 1]], self.weights[self.start[i] : self.start[i + 1]]

    def compact(self) -> ClaimBags:
        """The same bags with the terms no claim holds any more dropped, the rest renumbered in order."""
        used = np.unique(self.terms)
        if len(used) == len(self.vocab):
            return self
        renumber = np.full(len(self.vocab), -1, dtype=np.int32)
        renumber[used] = np.arange(len(used), dtype=np.int32)
        return ClaimBags([self.vocab[int(t)] for t in used], self.start, renumber[self.terms], self.weights)


def read_bags(
    claims: Sequence[Claim],
    pipeline: TextPipeline,
    matcher: ConceptMatcher,
    previous: ClaimBags | None = None,
    reuse: Sequence[int | None] = (),
) -> tuple[ClaimBags, int]:
    """The claims' bags; claim i's is copied from ``previous`` row ``reuse[i]`` when that is not None
    (its term numbers kept), else read through the pipeline. Returns the bags and how many were read."""
    vocab_list = list(previous.vocab) if previous is not None else []
    vocab = {term: i for i, term in enumerate(vocab_list)}
    parts_terms: list[np.ndarray] = []
    parts_weights: list[np.ndarray] = []
    read = 0
    for i, claim in enumerate(claims):
        old = reuse[i] if i < len(reuse) else None
        if previous is not None and old is not None:
            terms, weights = previous.rows(old)
        else:
            bag = claim_bag(claim, pipeline, matcher)
            read += 1
            ids = array("i")
            for term in bag:
                tid = vocab.get(term)
                if tid is None:
                    tid = vocab[term] = len(vocab_list)
                    vocab_list.append(term)
                ids.append(tid)
            terms = np.frombuffer(ids, dtype=np.int32) if ids else np.zeros(0, np.int32)
            weights = np.fromiter(bag.values(), dtype=np.float32, count=len(bag))
        parts_terms.append(terms)
        parts_weights.append(weights)
    start = np.zeros(len(claims) + 1, dtype=np.int64)
    np.cumsum([len(t) for t in parts_terms], out=start[1:])
    terms_flat = np.concatenate(parts_terms) if parts_terms else np.zeros(0, np.int32)
    weights_flat = np.concatenate(parts_weights) if parts_weights else np.zeros(0, np.float32)
    return ClaimBags(vocab_list, start, terms_flat.astype(np.int32), weights_flat.astype(np.float32)), read


def build_index(claims: Sequence[Claim], pipeline: TextPipeline, matcher: ConceptMatcher) -> LexicalIndex:
    return index_from_bags(claims, read_bags(claims, pipeline, matcher)[0].compact())


def index_from_bags(claims: Sequence[Claim], bags: ClaimBags) -> LexicalIndex:
    """BM25 postings from the claims' bags, which must be compact (``ClaimBags.compact``): every term of
    their vocabulary held by some claim, or a word no claim holds would look known to queries."""
    n_docs = len(claims)
    all_terms, all_tfs = bags.terms, bags.weights
    vocab = {term: i for i, term in enumerate(bags.vocab)}
    sizes = np.diff(bags.start)
    all_docs = np.repeat(np.arange(n_docs, dtype=np.int32), sizes)
    lengths = np.bincount(all_docs, weights=all_tfs, minlength=n_docs).astype(np.float32)
    avg_len = float(lengths.mean()) if n_docs else 1.0
    counts = np.bincount(all_terms, minlength=len(vocab)).astype(np.int64)  # a bag holds each term once
    # Postings sorted by term: one flat array of claim numbers and one of BM25 term scores.
    norm = K1 * (1 - B + B * lengths / max(avg_len, 1e-9))
    values = all_tfs * (K1 + 1) / (all_tfs + norm[all_docs])
    order = np.argsort(all_terms, kind="stable")
    by_value: dict[tuple[str, str], list[int]] = {}
    for i, c in enumerate(claims):
        by_value.setdefault(("by", c.speaker_id), []).append(i)
        by_value.setdefault(("source", c.source_id), []).append(i)
        for t in c.topic_ids:
            by_value.setdefault(("topic", t), []).append(i)
    return LexicalIndex(
        claim_ids=tuple(c.id for c in claims),
        vocab=vocab,
        doc_freq=counts,
        post_start=np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
        post_docs=all_docs[order],
        post_vals=values[order].astype(np.float32),
        filter_postings={k: np.asarray(v, dtype=np.int32) for k, v in by_value.items()},
    )
