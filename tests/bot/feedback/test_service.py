"""FeedbackService on a migrated database: votes, gaps, learned phrasings, retention, marking gaps answered."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Engine

from bot.feedback.phrasings import PhrasingIndex
from bot.feedback.service import FeedbackService
from bot.feedback.store import NO_ANSWER, NOT_HELPFUL, FeedbackStore
from config.settings import FeedbackSettings
from knowledge.models import Corpus
from knowledge.search import SearchEngine

NOW = dt.datetime(2026, 12, 6, 9, 30, tzinfo=dt.UTC)


class Clock:
    def __init__(self, now: dt.datetime = NOW):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(scope="module")
def engine(tiny_corpus: Corpus) -> SearchEngine:
    return SearchEngine.build(tiny_corpus)


def _service(feedback_engine: Engine, clock: Clock | None = None, **settings: object) -> FeedbackService:
    return FeedbackService(feedback_engine, FeedbackSettings(**settings), clock=clock or Clock())  # type: ignore[arg-type]


def test_a_vote_stores_the_query_and_claim_but_no_user_by_default(
    feedback_engine: Engine, engine: SearchEngine
) -> None:
    service = _service(feedback_engine)
    assert service.record_vote(
        engine, query=" 开源\n 好吗 ", claim_id="open-catch-up", helpful=True, surface="results", user_id="U0VOTER"
    )
    [vote] = service.store.votes()
    assert (vote["query"], vote["claim_id"], vote["helpful"], vote["user_id"]) == (
        "开源 好吗",
        "open-catch-up",
        True,
        None,
    )


def test_user_ids_are_stored_only_when_the_settings_allow(feedback_engine: Engine, engine: SearchEngine) -> None:
    service = _service(feedback_engine, store_user_ids=True)
    service.record_vote(engine, query="开源", claim_id="open-catch-up", helpful=False, surface="thread", user_id="U0V")
    assert service.store.votes()[0]["user_id"] == "U0V"


def test_not_helpful_and_unanswered_questions_are_gaps(feedback_engine: Engine, engine: SearchEngine) -> None:
    service = _service(feedback_engine)
    result = engine.search("量子纠缠的哲学意义")
    assert not result.hits
    assert service.note_unanswered(engine, "量子纠缠的哲学意义", result)
    answered = engine.search("开源")
    assert answered.hits and not service.note_unanswered(engine, "开源", answered)
    assert not service.note_unanswered(engine, "   ", None)
    service.record_vote(engine, query="开源靠谱吗", claim_id="closed-reliability", helpful=False, surface="results")
    assert service.flush()  # unanswered questions are written in the background, after the answer
    rows = service.store.gaps()
    assert sorted((r.query, r.kind, r.claim_id or "") for r in rows) == [
        ("开源靠谱吗", NOT_HELPFUL, "closed-reliability"),
        ("量子纠缠的哲学意义", NO_ANSWER, ""),
    ]
    assert all(r.terms for r in rows)  # grouped by the search pipeline's terms


def test_gaps_group_near_duplicates_with_counts_and_last_asked(feedback_engine: Engine, engine: SearchEngine) -> None:
    clock = Clock(NOW - dt.timedelta(days=3))
    service = _service(feedback_engine, clock)
    for query in ("量子纠缠的哲学意义", "量子纠缠的哲学意义？", "量子纠缠 哲学意义"):
        service.note_unanswered(engine, query, None)
        clock.now += dt.timedelta(hours=1)
    clock.now = NOW
    service.note_unanswered(engine, "今天天气怎么样", None)
    service.note_unanswered(engine, "量子纠缠的哲学意义", None)
    groups = service.gaps(days=30)
    assert [g.count for g in groups] == [4, 1]
    top = groups[0]
    assert top.text == "量子纠缠的哲学意义" and top.last_asked == NOW
    assert top.first_asked == NOW - dt.timedelta(days=3)
    assert set(top.wordings) == {"量子纠缠的哲学意义", "量子纠缠的哲学意义?", "量子纠缠 哲学意义"}  # NFKC: ？ is ?
    assert [g.count for g in service.gaps(days=1)] == [1, 1]  # --days counts back from now


def test_old_votes_and_gaps_are_purged_after_the_retention(feedback_engine: Engine, engine: SearchEngine) -> None:
    clock = Clock(NOW - dt.timedelta(days=40))
    service = _service(feedback_engine, clock, retention_days=30)
    service.record_vote(engine, query="开源", claim_id="open-catch-up", helpful=False, surface="results")
    clock.now = NOW
    service.record_vote(engine, query="算力", claim_id="compute-shortage", helpful=False, surface="results")
    assert service.flush()  # the purge runs in the background
    assert [v["query"] for v in service.store.votes()] == ["算力"]
    assert [g.query for g in service.store.gaps()] == ["算力"]


def test_a_helpful_question_lifts_its_claim_for_the_next_asker(feedback_engine: Engine, engine: SearchEngine) -> None:
    service = _service(feedback_engine)
    query = "开源模型和闭源模型比怎么样"
    before = [h.claim.id for h in service.search(engine, query, limit=3).hits]
    assert before and before[0] != "closed-reliability", "pick a query whose top answer is another claim"
    service.record_vote(engine, query=query, claim_id="closed-reliability", helpful=True, surface="results")
    after = service.search(engine, query, limit=3)
    assert after.hits[0].claim.id == "closed-reliability"
    assert "learned phrasing" in after.hits[0].why[0]
    # The same claim is not shown twice, pages stay consistent, and an unrelated question is untouched.
    pages = [h.claim.id for o in (0, 1, 2) for h in service.search(engine, query, limit=1, offset=o).hits]
    assert pages == [h.claim.id for h in after.hits] and len(set(pages)) == len(pages)
    assert [h.claim.id for h in service.search(engine, "算力短缺", limit=3).hits] == [
        h.claim.id for h in engine.search("算力短缺", limit=3).hits
    ]


def test_a_shared_answer_teaches_its_question_and_unanswered_ones_get_an_answer(
    feedback_engine: Engine, engine: SearchEngine
) -> None:
    service = _service(feedback_engine)
    query = "量子纠缠的哲学意义"
    assert not service.search(engine, query, limit=3).hits
    assert service.learn(engine, query=query, claim_id="infra-talent", source="share")
    assert [h.claim.id for h in service.search(engine, query, limit=3).hits] == ["infra-talent"]
    assert not service.learn(engine, query=query, claim_id="no-such-claim")


def test_phrasings_are_capped_per_claim_keeping_the_most_used(feedback_engine: Engine, engine: SearchEngine) -> None:
    clock = Clock()
    service = _service(feedback_engine, clock, phrasings_per_claim=2)
    for query in ("开源追上闭源", "开源追上闭源", "开源模型一年追上", "开源何时赶上闭源"):
        clock.now += dt.timedelta(minutes=1)
        service.learn(engine, query=query, claim_id="open-catch-up")
    rows = service.store.phrasings("open-catch-up")
    assert [(r.text, r.uses) for r in rows] == [("开源追上闭源", 2), ("开源何时赶上闭源", 1)]
    assert service.store.remove_phrasing(rows[0].id) and not service.store.remove_phrasing(rows[0].id)
    assert [r.text for r in service.store.phrasings()] == ["开源何时赶上闭源"]


def test_another_process_sees_a_learned_phrasing(feedback_engine: Engine, engine: SearchEngine) -> None:
    ticks = [0.0]
    other = PhrasingIndex(FeedbackStore(feedback_engine), clock=lambda: ticks[0])
    assert other.matches(engine, "量子纠缠的哲学意义") == []
    _service(feedback_engine).learn(engine, query="量子纠缠的哲学意义", claim_id="infra-talent")
    assert other.matches(engine, "量子纠缠的哲学意义") == []  # checked again only after REFRESH_SECONDS
    ticks[0] += 5
    assert [m.claim_id for m in other.matches(engine, "量子纠缠的哲学意义")] == ["infra-talent"]


def test_mark_gaps_answered_re_asks_the_open_gaps(feedback_engine: Engine, engine: SearchEngine) -> None:
    service = _service(feedback_engine)
    service.note_unanswered(engine, "算力短缺会持续多久", None)  # the search answers it now with compute-shortage
    service.note_unanswered(engine, "量子纠缠的哲学意义", None)
    assert service.mark_gaps_answered(engine, ["open-catch-up"]) == 0
    assert service.mark_gaps_answered(engine, ["compute-shortage"]) == 1
    assert [g.text for g in service.gaps()] == ["量子纠缠的哲学意义"]
    [answered] = [g for g in service.store.gaps() if g.answered_at is not None]
    assert answered.answered_by == "compute-shortage"
    assert len(service.gaps(include_answered=True)) == 2


def test_a_database_that_is_down_is_reported_not_raised(engine: SearchEngine, tmp_path) -> None:
    from bot.digest.store import make_engine

    broken = make_engine(f"sqlite:///{tmp_path / 'empty.sqlite3'}")  # no tables: every statement fails
    service = FeedbackService(broken, FeedbackSettings())
    assert not service.record_vote(engine, query="开源", claim_id="open-catch-up", helpful=True, surface="results")
    assert service.note_unanswered(engine, "量子纠缠", None)  # queued; its failure is logged in the background
    assert service.flush()
    assert [h.claim.id for h in service.search(engine, "开源", limit=3).hits] == [
        h.claim.id for h in engine.search("开源", limit=3).hits
    ]


def test_a_close_question_keeps_its_claim_in_the_first_three_but_never_first(engine: SearchEngine) -> None:
    from bot.feedback.phrasings import TOP, PhrasingMatch, lift

    query = "开源"
    plain = [h.claim.id for h in engine.search(query, limit=6).hits]
    assert len(plain) >= 4, "needs an answer longer than the first three"
    deep = plain[-1]
    close = PhrasingMatch(deep, 0.91, "开源模型靠谱吗", same=False)
    shown = [h.claim.id for h in lift(engine, query, [close], limit=6, offset=0).hits]
    assert shown.index(deep) == TOP - 1 and shown[0] == plain[0] and sorted(shown) == sorted(plain)
    already = PhrasingMatch(plain[1], 0.91, "x", same=False)
    assert [h.claim.id for h in lift(engine, query, [already], limit=6, offset=0).hits] == plain
    same = PhrasingMatch(deep, 1.0, "开源?", same=True)
    assert lift(engine, query, [same], limit=6, offset=0).hits[0].claim.id == deep


@pytest.mark.parametrize(
    ("learned", "asked", "same"),
    [
        ("开源模型值得用吗", "开源模型值得用吗？", True),
        ("开源模型值得用吗", "开源模型 值得用吗", True),
        ("Databricks 利润为什么高", "databricks 利润为什么高", True),
        ("中间层公司会出现吗", "中间层 工具栈", False),  # one shared rare word is a subject, not a question
        ("Databricks 利润为什么高", "Databricks 估值有多高", False),
    ],
)
def test_the_same_question_is_near_identical_wording(
    engine: SearchEngine, learned: str, asked: str, same: bool
) -> None:
    from bot.feedback.phrasings import query_terms, same_wording
    from knowledge.text import squash

    terms = set(query_terms(engine, learned)), set(query_terms(engine, asked))
    assert same_wording(*terms, squash(learned), squash(asked)) is same


def test_close_questions_are_found_by_the_embedder_that_learned_them(
    feedback_engine: Engine, tiny_corpus: Corpus, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.feedback import phrasings
    from knowledge.search.embedding import HashingStubEmbedder

    semantic = SearchEngine.build(tiny_corpus, embedder=HashingStubEmbedder(64), use_cache=False)
    service = _service(feedback_engine)
    service.learn(semantic, query="开源社区迭代有多快", claim_id="open-community-speed")
    [row] = service.store.phrasings()
    assert row.vector is not None and row.embedder == semantic.semantic.embedder.name  # type: ignore[union-attr]
    monkeypatch.setattr(phrasings, "CLOSE_COSINE", -1.0)  # every stored vector is "close": the path is under test
    monkeypatch.setattr(phrasings, "CLOSE_CLAIM_Z", float("-inf"))
    [match] = service.phrasings.matches(semantic, "算力短缺")
    assert (match.claim_id, match.same) == ("open-community-speed", False)
    other = SearchEngine.build(tiny_corpus, embedder=HashingStubEmbedder(64, name="another"), use_cache=False)
    service.phrasings.reload()
    assert service.phrasings.matches(other, "算力短缺") == []  # vectors of another embedder are not compared


def test_a_close_question_does_not_override_a_refusal(engine: SearchEngine) -> None:
    from bot.feedback.phrasings import PhrasingMatch, lift

    query = "量子纠缠的哲学意义"
    assert not engine.search(query).hits
    close = PhrasingMatch("infra-talent", 0.95, "量子力学的哲学", same=False)
    assert not lift(engine, query, [close], limit=3, offset=0).hits
    same = PhrasingMatch("infra-talent", 1.0, "量子纠缠的哲学意义?", same=True)
    assert [h.claim.id for h in lift(engine, query, [same], limit=3, offset=0).hits] == ["infra-talent"]
