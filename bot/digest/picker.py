"""Which claim a channel gets on a given day.

The rules, all deterministic so that ``lundao digest preview`` shows what will be posted:

- A channel sees every eligible claim (``digest: true``) once per cycle; only when none is left
  does a new cycle start. What counts is the set of claim ids already seen in the current cycle,
  so a claim added to the corpus mid-cycle just joins the ones still to come: no repeat.
- Consecutive days differ: a candidate from yesterday's source, or sharing one of its topics, is
  taken only when nothing else is left.
- Among the rest, the source with the most claims still to come goes first. Always drawing from the
  largest remaining pile is what keeps the end of a cycle from being one source several days running.
- Ties are broken by a hash of (channel, cycle, claim id): each channel and cycle has its own order,
  stable across processes and Python runs (unlike ``hash()``), and unaffected by added claims.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.models import Claim, Corpus


@dataclass(frozen=True)
class Seen:
    """One claim a channel has already been shown, in date order."""

    claim_id: str
    cycle: int


@dataclass(frozen=True)
class Pick:
    claim: Claim
    cycle: int


def _tiebreak(channel_key: str, cycle: int, claim_id: str) -> bytes:
    return hashlib.sha256(f"{channel_key}\x1f{cycle}\x1f{claim_id}".encode()).digest()


class Picker:
    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.eligible: tuple[Claim, ...] = tuple(sorted(corpus.digest_claims(), key=lambda c: c.id))

    def pick(self, channel_key: str, seen: Sequence[Seen]) -> Pick | None:
        """The next claim for a channel that has seen ``seen`` (oldest first); None if nothing is eligible."""
        if not self.eligible:
            return None
        cycle = max((s.cycle for s in seen), default=0)
        in_cycle = {s.claim_id for s in seen if s.cycle == cycle}
        candidates = [c for c in self.eligible if c.id not in in_cycle]
        if not candidates:
            cycle += 1
            candidates = list(self.eligible)
        last = self.corpus.claim(seen[-1].claim_id) if seen else None
        remaining_by_source = Counter(c.source_id for c in candidates)

        def order(claim: Claim) -> tuple[bool, bool, bool, int, bytes]:
            return (
                last is not None and claim.id == last.id,  # first of a new cycle = last of the old one
                last is not None and claim.source_id == last.source_id,
                last is not None and bool(set(claim.topic_ids) & set(last.topic_ids)),
                -remaining_by_source[claim.source_id],
                _tiebreak(channel_key, cycle, claim.id),
            )

        return Pick(min(candidates, key=order), cycle)

    def plan(self, channel_key: str, seen: Sequence[Seen], days: int) -> list[Pick]:
        """The next ``days`` picks, each seeing the ones before it."""
        history = list(seen)
        picks: list[Pick] = []
        for _ in range(days):
            pick = self.pick(channel_key, history)
            if pick is None:
                break
            picks.append(pick)
            history.append(Seen(pick.claim.id, pick.cycle))
        return picks
