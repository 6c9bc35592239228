"""Search engine: PLACEHOLDER implementation (plain substring match) that fixes the interface.

Issue 3 replaces the internals (shared text pipeline, weighted index, fuzzy reranking,
confidence threshold, filters); the dataclasses and method signatures below are the contract
the Slack side codes against.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.models import Claim, Corpus


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
    """When nothing matched: topics or speakers worth trying, as display strings."""
    filters: dict[str, str] = field(default_factory=dict)
    """Filters parsed out of the query (by:, topic:, source:)."""


class SearchEngine:
    def __init__(self, corpus: Corpus):
        self.corpus = corpus

    @classmethod
    def build(cls, corpus: Corpus) -> SearchEngine:
        return cls(corpus)

    def search(self, query: str, *, limit: int = 5, offset: int = 0) -> SearchResult:
        needle = query.strip().lower()
        matches = [
            Hit(c, 1.0)
            for c in self.corpus.claims
            if needle and (needle in c.text.lower() or needle in c.quote.lower() or needle in c.en.lower())
        ]
        return SearchResult(query, tuple(matches[offset : offset + limit]), total=len(matches))

    def related(self, claim_id: str, *, limit: int = 3) -> list[Hit]:
        """Claims related to a given claim (same topics), best first, never the claim itself."""
        claim = self.corpus.claim(claim_id)
        if claim is None:
            return []
        topics = set(claim.topic_ids)
        scored = [
            Hit(c, float(len(topics & set(c.topic_ids))))
            for c in self.corpus.claims
            if c.id != claim_id and topics & set(c.topic_ids)
        ]
        scored.sort(key=lambda h: -h.score)
        return scored[:limit]
