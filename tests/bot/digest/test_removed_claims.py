"""A claim merged away or deleted from the knowledge base stays in the digest history: picking goes on."""

from __future__ import annotations

from bot.digest.picker import Picker, Seen
from tests.digest_support import make_corpus


def test_history_naming_removed_claims_still_gives_a_full_cycle_of_the_claims_that_remain() -> None:
    corpus = make_corpus({"a": 6, "b": 4})
    eligible = {c.id for c in corpus.claims if c.digest}
    # Posted earlier in this cycle: two claims that still exist and two the curator has since merged away.
    kept = sorted(eligible)[:2]
    seen = [Seen("merged-away-1", 0), Seen(kept[0], 0), Seen(kept[1], 0), Seen("merged-away-2", 0)]
    picks = Picker(corpus).plan("C0CHANNEL", seen, len(eligible) - 2)
    assert [p.cycle for p in picks] == [0] * (len(eligible) - 2)
    assert {p.claim.id for p in picks} == eligible - set(kept)
