"""What a search answers: confident hits, or nothing and suggestions instead."""

from __future__ import annotations

from dataclasses import dataclass, field

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
