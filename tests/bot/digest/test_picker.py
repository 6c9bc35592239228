"""The choice rules of the insight of the day, on corpora built here (never the bundled claims)."""

from __future__ import annotations

import dataclasses
import itertools

from bot.digest.picker import Picker, Seen
from tests.digest_support import make_claim, make_corpus

UNEVEN = {"big": 60, "mid": 25, "small": 20, "tiny": 15}


def _cycles(picks):
    """The picks split into their cycles, checking cycle numbers only ever go up by one."""
    cycles: list[list[str]] = []
    current = None
    for pick in picks:
        if pick.cycle != current:
            assert current is None or pick.cycle == current + 1
            current = pick.cycle
            cycles.append([])
        cycles[-1].append(pick.claim.id)
    return cycles


def test_a_simulated_year_repeats_nothing_inside_a_cycle_and_completes_every_cycle():
    corpus = make_corpus(UNEVEN, ineligible_every=7)
    eligible = {c.id for c in corpus.claims if c.digest}
    assert len(eligible) < 365  # so the year spans several cycles
    picks = Picker(corpus).plan("C0CHANNEL", [], 365)
    assert len(picks) == 365
    cycles = _cycles(picks)
    assert len(cycles) >= 3
    for cycle in cycles:
        assert len(cycle) == len(set(cycle)), "a claim repeated inside a cycle"
        assert set(cycle) <= eligible, "a claim marked digest: false was picked"
    for cycle in cycles[:-1]:
        assert set(cycle) == eligible, "a new cycle started before every eligible claim was posted"


def test_consecutive_days_vary_source_and_topic():
    corpus = make_corpus(UNEVEN)
    picks = Picker(corpus).plan("C0CHANNEL", [], 3 * len(corpus.claims))
    same_source = sum(a.claim.source_id == b.claim.source_id for a, b in itertools.pairwise(picks))
    same_topic = sum(bool(set(a.claim.topic_ids) & set(b.claim.topic_ids)) for a, b in itertools.pairwise(picks))
    # The largest source is half the corpus: alternating perfectly is possible, and the rules must find it.
    assert same_source == 0
    # Topics overlap a lot in this corpus (7 topics, 2 per claim); most days must still change topic.
    assert same_topic <= len(picks) // 10


def test_a_new_cycle_does_not_start_with_yesterdays_claim():
    corpus = make_corpus({"a": 3, "b": 3})
    picker = Picker(corpus)
    for channel in ("C1", "C2", "C3", "C4", "C5"):
        picks = picker.plan(channel, [], 60)
        assert all(x.claim.id != y.claim.id for x, y in itertools.pairwise(picks))


def test_adding_claims_mid_cycle_causes_no_repeat_and_the_new_ones_come_in_that_cycle():
    corpus = make_corpus({"a": 20, "b": 20})
    first = Picker(corpus).plan("C0CHANNEL", [], 15)
    seen = [Seen(p.claim.id, p.cycle) for p in first]
    added = tuple(make_claim(900 + i, src, ("china",)) for i, src in enumerate(["a", "b", "c", "c", "b"]))
    grown = dataclasses.replace(make_corpus({"a": 20, "b": 20, "c": 0}), claims=(*corpus.claims, *added))
    rest = Picker(grown).plan("C0CHANNEL", seen, 45 - 15)
    cycle0 = [p.claim.id for p in first] + [p.claim.id for p in rest if p.cycle == 0]
    assert len(cycle0) == len(set(cycle0)) == 45
    assert {c.id for c in added} <= set(cycle0)
    assert rest[-1].cycle == 0


def test_picks_are_deterministic_per_channel_and_differ_between_channels():
    corpus = make_corpus(UNEVEN)
    one = [p.claim.id for p in Picker(corpus).plan("C0AAA", [], 30)]
    again = [p.claim.id for p in Picker(make_corpus(UNEVEN)).plan("C0AAA", [], 30)]
    other = [p.claim.id for p in Picker(corpus).plan("C0BBB", [], 30)]
    assert one == again
    assert one != other


def test_history_of_claims_no_longer_in_the_corpus_is_harmless():
    corpus = make_corpus({"a": 4, "b": 4})
    seen = [Seen("removed-claim", 0), Seen("a-claim-001", 0)]
    picks = Picker(corpus).plan("C0CHANNEL", seen, 7)
    ids = [p.claim.id for p in picks]
    assert "a-claim-001" not in ids
    assert len(set(ids)) == 7
    assert {p.cycle for p in picks} == {0}


def test_nothing_eligible_picks_nothing():
    corpus = make_corpus({"a": 3}, ineligible_every=1)
    assert Picker(corpus).pick("C0CHANNEL", []) is None
    assert Picker(corpus).plan("C0CHANNEL", [], 5) == []
