"""Each process's live knowledge base (bot.team.live): the version check, the incremental add, the digest."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sqlalchemy import Engine

from bot.digest.service import DigestService
from bot.fake_slack import FakeSlack
from bot.team.live import LiveKnowledge
from bot.team.markup import mentioned_users, readable
from bot.team.store import TeamStore
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine
from knowledge.search.embedding import HashingStubEmbedder
from tests.bot.team.app_support import team_app


@dataclass
class Served:
    corpus: Corpus
    search_engine: SearchEngine


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _approve(store: TeamStore, ts: str, *, vector: bytes | None = None, embedder: str | None = None) -> str:
    claim_id = f"slack-c1-{ts.replace('.', '-')}"
    store.save(
        claim_id=claim_id,
        channel_id="C1",
        message_ts=ts,
        permalink=None,
        author_id="U0AUTHOR",
        author_name="小明",
        message_text="我们认为鸿蒙生态的端侧模型会在明年爆发。",
        quote="鸿蒙生态的端侧模型会在明年爆发",
        text="小明认为鸿蒙生态的端侧模型明年会爆发。",
        en="",
        speaker_id=None,
        topics=("compute",),
        saved_by="U0SAVER",
    )
    assert store.approve(claim_id, "U0CURATOR", vector, embedder) is not None
    return claim_id


def test_the_version_is_read_once_per_interval_and_claims_are_added_once(tiny_corpus: Corpus, engine: Engine) -> None:
    store = TeamStore(engine)
    served = Served(tiny_corpus, SearchEngine.build(tiny_corpus, use_cache=False))
    clock = Clock()
    reads: list[int] = []
    version = store.version

    def counted() -> int:
        reads.append(1)
        return version()

    store.version = counted  # type: ignore[method-assign]
    live = LiveKnowledge(store, served, ttl=1.0, clock=clock)
    assert live.refresh() == 0 and len(reads) == 1
    claim_id = _approve(store, "1.1")
    assert live.refresh() == 0 and len(reads) == 1  # within the interval: not even the version is read
    clock.now += 1.0
    assert live.refresh() == 1 and len(reads) == 2
    assert served.corpus.claim(claim_id) is not None and served.corpus.people["slack-u0author"].zh == "小明"
    assert [h.claim.id for h in served.search_engine.search("鸿蒙 端侧模型").hits] == [claim_id]
    clock.now += 1.0
    assert live.refresh() == 0 and len(served.corpus.claims) == len(tiny_corpus.claims) + 1


def test_a_stored_vector_of_the_same_embedder_is_used(tiny_corpus: Corpus, engine: Engine) -> None:
    store = TeamStore(engine)
    embedder = HashingStubEmbedder()
    served = Served(tiny_corpus, SearchEngine.build(tiny_corpus, use_cache=False, embedder=embedder))
    stored = np.zeros(embedder.dimension, dtype=np.float32)
    stored[3] = 1.0
    _approve(store, "1.2", vector=stored.tobytes(), embedder=embedder.name)
    LiveKnowledge(store, served).refresh(force=True)
    assert served.search_engine.semantic is not None
    assert served.search_engine.semantic.vectors.matrix[-1].tolist() == stored.tolist()


def test_approved_claims_join_the_digest_rotation(tiny_corpus: Corpus, engine: Engine) -> None:
    store = TeamStore(engine)
    digest = DigestService(tiny_corpus, Settings(), None, engine)
    served = Served(tiny_corpus, SearchEngine.build(tiny_corpus, use_cache=False))
    claim_id = _approve(store, "1.3")
    LiveKnowledge(store, served, on_change=digest.use_corpus).refresh(force=True)
    assert claim_id in {c.id for c in digest.picker.eligible}
    assert digest.corpus.claim(claim_id) is not None


def test_a_database_that_is_down_leaves_what_is_served(tiny_corpus: Corpus) -> None:
    from bot.digest.store import make_engine

    broken = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1")
    served = Served(tiny_corpus, SearchEngine.build(tiny_corpus, use_cache=False))
    before = served.search_engine
    assert LiveKnowledge(TeamStore(broken), served).refresh(force=True) == 0
    assert served.search_engine is before
    broken.dispose()


def test_slack_markup_reads_as_in_slack() -> None:
    text = "<@U1> 说 <#C2|general> 见 <https://a.cn/x?y=1|文章> 和 <https://b.cn> <!here> a &lt;b&gt; &amp; c"
    assert mentioned_users(text) == ["U1"]
    assert (
        readable(text, {"U1": "王五"})
        == "@王五 说 #general 见 文章 (https://a.cn/x?y=1) 和 https://b.cn @here a <b> & c"
    )
    assert readable("<@U9|old name> <mailto:a@b.cn|a@b.cn>") == "@old name a@b.cn"


def test_a_digest_only_process_follows_the_approvals(tiny_corpus: Corpus, engine: Engine) -> None:
    from bot.team.live import follow_for_digest

    store = TeamStore(engine)
    first = _approve(store, "1.4")
    digest = DigestService(tiny_corpus, Settings(), None, engine)
    live = follow_for_digest(digest, poll=False, ttl=0.0)
    assert first in {c.id for c in digest.picker.eligible}  # at start
    second = _approve(store, "1.5")
    assert live.refresh() == 1
    assert {first, second} <= {c.id for c in digest.picker.eligible}
    assert len(digest.corpus.claims) == len(tiny_corpus.claims) + 2


def test_the_approval_hook_gets_the_claim_and_cannot_undo_the_approval(tiny_corpus: Corpus, engine: Engine) -> None:
    from bot.team.service import TeamService

    store = TeamStore(engine)
    seen: list[str] = []
    service = TeamService(store, Settings(), on_approved=lambda claim: seen.append(claim.text))
    claim_id = "slack-c1-1-6"
    store.save(
        claim_id=claim_id, channel_id="C1", message_ts="1.6", permalink=None, author_id="U0AUTHOR",
        author_name="小明", message_text="端侧模型会爆发", quote="端侧模型会爆发", text="小明认为端侧模型会爆发。",
        en="", speaker_id=None, topics=("compute",), saved_by="U0SAVER",
    )  # fmt: skip
    assert service.approve(claim_id, "U0CURATOR", tiny_corpus, None) is not None
    assert seen == ["小明认为端侧模型会爆发。"]

    def broken(_: object) -> None:
        raise RuntimeError("gaps table missing")

    service.on_approved = broken
    store.save(
        claim_id="slack-c1-1-7", channel_id="C1", message_ts="1.7", permalink=None, author_id="U0AUTHOR",
        author_name="小明", message_text="又一条", quote="又一条", text="又一条。", en="", speaker_id=None,
        topics=("compute",), saved_by="U0SAVER",
    )  # fmt: skip
    assert service.approve("slack-c1-1-7", "U0CURATOR", tiny_corpus, None) is not None
    assert store.get("slack-c1-1-7").status == "approved"  # type: ignore[union-attr]


def test_a_request_does_not_read_the_database_when_a_poller_keeps_the_process_current(
    slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack, engine: Engine
) -> None:
    # lundao run polls: the request path then never waits on the database (a slow one would hold the ack).
    with team_app(slack_settings, tiny_corpus, fake_slack, engine) as workspace:
        live = workspace.team.live
        assert live is not None
        clock = Clock()
        live.clock, live.ttl = clock, 3600.0  # the poller's first look is an hour away
        live.refresh(force=True)  # looked now, by this clock
        reads: list[int] = []
        version = live.store.version

        def counted() -> int:
            reads.append(1)
            return version()

        live.store.version = counted  # type: ignore[method-assign]
        clock.now += 3600.0
        live.start_polling()
        try:
            assert workspace.command("开源").status == 200
            assert reads == []
        finally:
            live.stop()
        clock.now += 3600.0
        assert workspace.command("开源").status == 200
        assert reads == [1]  # without a poller (the console, tests) the request path still looks
