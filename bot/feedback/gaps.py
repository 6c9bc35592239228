"""Grouping unanswered questions for curators: the same question asked in different words is one gap.

Pure functions over stored rows. Each gap row carries the search pipeline's terms of its question
(computed when it was recorded), so grouping needs no search index: rows with the same term set are
one group, and groups whose term sets overlap by ``MERGE_OVERLAP`` or whose squashed texts are
``MERGE_RATIO`` alike are merged (near-duplicates: 开源模型值得用吗 / 开源模型值不值得用).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.feedback.store import NO_ANSWER, NOT_HELPFUL, GapRow
from knowledge.text import squash

MERGE_OVERLAP = 0.75
MERGE_RATIO = 90
MAX_WORDINGS = 5


@dataclass(frozen=True)
class GapGroup:
    text: str
    """The wording asked most often (the latest among equals)."""
    count: int
    no_answer: int
    not_helpful: int
    first_asked: dt.datetime
    last_asked: dt.datetime
    wordings: tuple[str, ...]
    """Up to ``MAX_WORDINGS`` distinct wordings, most asked first."""
    claim_ids: tuple[str, ...]
    """Claims marked not helpful for it."""
    gap_ids: tuple[int, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "count": self.count,
            "no_answer": self.no_answer,
            "not_helpful": self.not_helpful,
            "first_asked": self.first_asked.isoformat(),
            "last_asked": self.last_asked.isoformat(),
            "wordings": list(self.wordings),
            "not_helpful_claims": list(self.claim_ids),
        }


def _key(row: GapRow) -> str:
    terms = sorted(set(row.terms.split()))
    return " ".join(terms) if terms else "~" + squash(row.query)


def _alike(left: str, right: str, left_text: str, right_text: str) -> bool:
    a, b = set(left.split()), set(right.split())
    lexical = a and b and not left.startswith("~") and not right.startswith("~")
    if lexical and len(a & b) / len(a | b) >= MERGE_OVERLAP:
        return True
    return bool(left_text and right_text) and fuzz.ratio(left_text, right_text) >= MERGE_RATIO


def group_gaps(rows: Sequence[GapRow]) -> list[GapGroup]:
    """Groups of near-identical questions, most asked first (then the most recently asked)."""
    by_key: dict[str, list[GapRow]] = {}
    for row in rows:
        by_key.setdefault(_key(row), []).append(row)
    keys = list(by_key)
    texts = {k: squash(by_key[k][-1].query) for k in keys}
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            if root(i) != root(j) and _alike(keys[i], keys[j], texts[keys[i]], texts[keys[j]]):
                parent[root(j)] = root(i)
    merged: dict[int, list[GapRow]] = {}
    for i, key in enumerate(keys):
        merged.setdefault(root(i), []).extend(by_key[key])
    groups = [_group(members) for members in merged.values()]
    return sorted(groups, key=lambda g: (-g.count, -g.last_asked.timestamp(), g.text))


def _group(rows: list[GapRow]) -> GapGroup:
    wordings = Counter(r.query for r in rows)
    latest = {r.query: r.created_at for r in rows}
    ordered = sorted(wordings, key=lambda q: (-wordings[q], -latest[q].timestamp(), q))
    return GapGroup(
        text=ordered[0],
        count=len(rows),
        no_answer=sum(r.kind == NO_ANSWER for r in rows),
        not_helpful=sum(r.kind == NOT_HELPFUL for r in rows),
        first_asked=min(r.created_at for r in rows),
        last_asked=max(r.created_at for r in rows),
        wordings=tuple(ordered[:MAX_WORDINGS]),
        claim_ids=tuple(dict.fromkeys(r.claim_id for r in rows if r.claim_id)),
        gap_ids=tuple(r.id for r in rows),
    )
