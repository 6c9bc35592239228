"""Each mention answered once across two app instances sharing a database, whatever the Web API does.

Two apps (A and B, as two web processes would be) share one ``slack_events_seen`` table on SQLite and
on PostgreSQL. Slack's first delivery goes to A, its retries to B (or A again); the fake Web API
injects the faults of issue 10: 429s outlasting the client's retries, 500s, a post Slack accepted whose
answer is a 500, a dropped connection or a timeout. Each scenario must end with exactly one reply in
the thread (0 duplicates, 0 lost), or, after Slack's last retry, with the user told privately.
"""

from __future__ import annotations

import datetime as dt
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from bot.app import EVENTS_PATH, create_app, make_http_server
from bot.db_migrate import upgrade
from bot.digest.store import make_engine
from bot.events_seen import LEASE, EventClaim, EventLedger, MemoryLedger
from bot.fake_slack import FakeSlack
from bot.slack_client import ClientPolicy, make_client
from bot.slack_payloads import JSON, event_body, mention_event, signed_headers
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine
from tests.support import SIGNING_SECRET

CHANNEL = "CFAKECHAN1"


@pytest.fixture
def database_url(database_url: str) -> str:
    """tests/bot/conftest.py's empty database, migrated."""
    upgrade(database_url)
    return database_url


@dataclass
class Instance:
    url: str
    engine: Engine

    def deliver(self, event_id: str, event: dict[str, object], retry_num: int = 0) -> int:
        body = event_body(event, event_id=event_id)
        headers = signed_headers(SIGNING_SECRET, body, JSON)
        if retry_num:
            headers |= {"x-slack-retry-num": str(retry_num), "x-slack-retry-reason": "http_error"}
        request = urllib.request.Request(self.url, data=body.encode(), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)


@pytest.fixture
def instances(
    database_url: str, slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack
) -> Iterator[tuple[Instance, Instance]]:
    search_engine = SearchEngine.build(tiny_corpus)
    servers, started = [], []
    for name in ("A", "B"):
        engine = make_engine(database_url)
        client = make_client(slack_settings, ClientPolicy.APP)
        client.timeout = 1  # a hung answer becomes a timeout quickly
        app = create_app(
            slack_settings,
            tiny_corpus,
            search_engine,
            client=client,
            event_ledger=EventLedger(engine, f"worker-{name}"),
        )
        server = make_http_server(app, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        servers.append((server, thread, engine))
        started.append(Instance(f"http://127.0.0.1:{server.server_port}{EVENTS_PATH}", engine))
    try:
        yield started[0], started[1]
    finally:
        for server, thread, engine in servers:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
            engine.dispose()


def _replies(slack: FakeSlack) -> list[dict[str, object]]:
    return [m for m in slack.messages.get(CHANNEL, []) if m.get("thread_ts")]


def test_a_delivery_to_a_and_its_retry_to_b_give_one_reply(instances, fake_slack: FakeSlack) -> None:
    a, b = instances
    event = mention_event("开源", ts="1700000100.000100")
    assert a.deliver("Ev0SPLIT1", event) == 200
    assert b.deliver("Ev0SPLIT1", event, retry_num=1) == 200
    assert a.deliver("Ev0SPLIT1", event, retry_num=2) == 200
    assert len(_replies(fake_slack)) == 1
    assert len(fake_slack.posts(CHANNEL)) == 1


@pytest.mark.parametrize(
    ("fault", "attempts_before_giving_up"),
    [
        ({"status": 429, "retry_after": 0, "times": 3}, 3),  # the client waits Retry-After twice, then gives up
        ({"status": 500, "times": 2}, 2),  # a 500 without a post: looked up, posted again once, looked up
    ],
)
def test_a_reply_that_failed_is_posted_by_slacks_retry_on_the_other_instance(
    instances, fake_slack: FakeSlack, fault: dict[str, int], attempts_before_giving_up: int
) -> None:
    a, b = instances
    event = mention_event("开源", ts="1700000200.000100")
    fake_slack.fail_next("chat.postMessage", **fault)
    assert a.deliver("Ev0LOST1", event) == 503  # not done: Slack is asked to deliver it again
    assert len(fake_slack.posts(CHANNEL)) == attempts_before_giving_up and not _replies(fake_slack)
    assert b.deliver("Ev0LOST1", event, retry_num=1) == 200
    assert b.deliver("Ev0LOST1", event, retry_num=2) == 200
    assert len(_replies(fake_slack)) == 1  # 0 lost, 0 duplicated


@pytest.mark.parametrize(
    "fault",
    [
        {"status": 500, "accept": True},  # Slack posted it, then answered 500
        {"drop": True, "accept": True},  # posted, then the connection dropped before the answer
        {"hang": 2.0, "accept": True},  # posted, answered after the client's 1 s timeout
    ],
    ids=["500-after-post", "dropped-after-post", "timeout-after-post"],
)
def test_a_post_whose_answer_was_lost_is_found_not_posted_again(
    instances, fake_slack: FakeSlack, fault: dict[str, object]
) -> None:
    a, b = instances
    event = mention_event("开源", ts="1700000300.000100")
    fake_slack.fail_next("chat.postMessage", **fault)  # type: ignore[arg-type]
    assert a.deliver("Ev0AMBIG1", event) == 200
    assert b.deliver("Ev0AMBIG1", event, retry_num=1) == 200
    assert len(_replies(fake_slack)) == 1
    assert len(fake_slack.posts(CHANNEL)) == 1  # never re-sent: read back instead
    [lookup] = fake_slack.calls_to("conversations.replies")
    assert lookup.args["ts"] == "1700000300.000100"


def test_after_slacks_last_retry_the_user_is_told_privately(instances, fake_slack: FakeSlack) -> None:
    a, _ = instances
    event = mention_event("开源", ts="1700000400.000100", user="UASKER01")
    fake_slack.fail_next("chat.postMessage", status=500, times=2)
    assert a.deliver("Ev0FINAL1", event, retry_num=3) == 200
    assert not _replies(fake_slack)
    [note] = fake_slack.calls_to("chat.postEphemeral")
    assert note.args["user"] == "UASKER01" and note.args["thread_ts"] == "1700000400.000100"
    assert "没能" in str(note.args["text"])
    assert a.deliver("Ev0FINAL1", event, retry_num=3) == 200  # told once: the event is done
    assert len(fake_slack.calls_to("chat.postEphemeral")) == 1


def test_an_error_that_cannot_go_away_tells_the_user_at_once(instances, fake_slack: FakeSlack) -> None:
    a, _ = instances
    fake_slack.fail_next("chat.postMessage", error="is_archived")
    assert a.deliver("Ev0ARCHIVED", mention_event("开源", ts="1700000500.000100")) == 200
    assert len(fake_slack.calls_to("chat.postEphemeral")) == 1


# --- the ledger itself: leases, take-over, expiry, the database being down -------------------------


class _Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def test_a_claim_held_by_a_silent_process_is_taken_over_after_the_lease_only_once(database_url: str) -> None:
    clock = _Clock()
    engine = make_engine(database_url)
    try:
        a, b, c = (EventLedger(engine, name, clock=clock) for name in ("a", "b", "c"))
        claim = a.claim("Ev0LEASE1")
        assert claim == EventClaim("Ev0LEASE1", 1)
        assert b.claim("Ev0LEASE1") is None  # A is answering it
        clock.now += LEASE + dt.timedelta(seconds=1)  # A died without a word
        taken = b.claim("Ev0LEASE1")
        assert taken == EventClaim("Ev0LEASE1", 2) and c.claim("Ev0LEASE1") is None
        a.release(claim)  # A's stale token changes nothing
        assert c.claim("Ev0LEASE1") is None
        b.complete(taken)
        clock.now += LEASE * 10
        assert a.claim("Ev0LEASE1") is None and c.claim("Ev0LEASE1") is None
    finally:
        engine.dispose()


def test_a_released_claim_is_free_at_once_for_any_process(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        a, b = EventLedger(engine, "a"), EventLedger(engine, "b")
        claim = a.claim("Ev0RELEASE")
        assert claim is not None
        a.release(claim)
        assert b.claim("Ev0RELEASE") == EventClaim("Ev0RELEASE", 2)
    finally:
        engine.dispose()


def test_expired_rows_are_purged(database_url: str) -> None:
    from sqlalchemy import func, select

    from bot.events_seen import TTL, slack_events_seen

    clock = _Clock()
    engine = make_engine(database_url)
    try:
        ledger = EventLedger(engine, "a", clock=clock)
        for index in range(5):
            claim = ledger.claim(f"Ev0OLD{index}")
            assert claim is not None
            ledger.complete(claim)
        clock.now += TTL + dt.timedelta(minutes=1)
        ledger._next_purge = 0.0  # the purge runs now and then; make "then" now
        assert ledger.claim("Ev0NEW") is not None
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(slack_events_seen)).scalar() == 1
    finally:
        engine.dispose()


def test_with_the_database_down_the_ledger_still_dedupes_in_this_process(tmp_path: Path, caplog) -> None:
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1")
    ledger = EventLedger(engine, "a")
    claim = ledger.claim("Ev0DOWN1")
    assert claim is not None and ledger.claim("Ev0DOWN1") is None
    ledger.complete(claim)
    assert ledger.claim("Ev0DOWN1") is None
    assert sum("unavailable" in r.getMessage() for r in caplog.records) == 1  # said once, not per event


def test_the_memory_ledger_is_bounded() -> None:
    ledger = MemoryLedger(capacity=100)
    for index in range(1000):
        assert ledger.claim(f"Ev{index}") is not None
    assert len(ledger) == 100
