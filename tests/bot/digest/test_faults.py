"""The digest under Web API faults and database outages: each slot posted once, none lost.

A post Slack accepted but answered with a 500, a dropped connection or a timeout is looked up (by its
metadata, in conversations.history) and recorded, not posted again, by this process or by a second
one ticking later; a 500 with nothing posted is retried and posted once. Runs on SQLite and
PostgreSQL. Then: a database down at start-up is retried until it answers, and a shutdown waits for
the post in flight and records it.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.db_migrate import upgrade
from bot.digest import service as results
from bot.digest import store as db
from bot.digest.outcomes import RETRY_DELAY
from bot.digest.scheduler import DigestRunner
from bot.fake_slack import FakeSlack
from config.settings import DigestChannel
from tests.digest_support import Clock, make_corpus, make_service, make_settings, sqlite_url
from tests.support import postgres_schema

CHANNEL = "C0FAULTS1"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    with postgres_schema() as schema_url:
        upgrade(schema_url)
        yield schema_url


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack(public={CHANNEL}, members={CHANNEL}) as fake:
        yield fake


def _service(slack: FakeSlack, url: str, clock: Clock, worker: str):
    settings = make_settings(channels=(DigestChannel(CHANNEL, "09:30"),))
    service = make_service(make_corpus({"a": 4, "b": 4}), settings, slack.api_url, url, clock, worker=worker)
    service.posting.transport.client.timeout = 1  # a hung answer becomes a timeout quickly
    return service


@pytest.mark.parametrize(
    "fault",
    [{"status": 500, "accept": True}, {"drop": True, "accept": True}, {"hang": 2.0, "accept": True}],
    ids=["500-after-post", "dropped-after-post", "timeout-after-post"],
)
def test_a_post_whose_answer_was_lost_is_recorded_not_posted_again(
    slack: FakeSlack, url: str, fault: dict[str, object]
) -> None:
    clock = Clock(dt.datetime(2024, 5, 6, 9, 30))
    first = _service(slack, url, clock, "process-1")
    slack.fail_next("chat.postMessage", **fault)  # type: ignore[arg-type]
    [outcome] = first.run_due()
    assert outcome.result == results.ALREADY_POSTED
    [message] = slack.messages[CHANNEL]
    [row] = first.store.history(CHANNEL)
    assert row.status == db.POSTED and row.message_ts == message["ts"]
    # A second process ticking minutes later, and a manual `digest post`, see it as posted.
    second = _service(slack, url, clock, "process-2")
    clock.advance(minutes=3)
    assert [o.result for o in second.run_due()] == [results.ALREADY_POSTED]
    assert second.post(CHANNEL).result == results.ALREADY_POSTED
    assert len(slack.posts(CHANNEL)) == 1 and len(slack.messages[CHANNEL]) == 1


def test_a_500_with_nothing_posted_is_retried_and_posted_once(slack: FakeSlack, url: str) -> None:
    clock = Clock(dt.datetime(2024, 5, 6, 9, 30))
    service = _service(slack, url, clock, "process-1")
    slack.fail_next("chat.postMessage", status=500)
    assert [o.result for o in service.run_due()] == [results.FAILED]
    [row] = service.store.history(CHANNEL)
    assert row.status == db.FAILED and row.error and "maybe posted" in row.error
    other = _service(slack, url, clock, "process-2")
    clock.advance(seconds=RETRY_DELAY.total_seconds() + 1)
    assert [o.result for o in other.run_due()] == [results.POSTED]
    assert len(slack.messages[CHANNEL]) == 1
    # The retry looked the channel up first, since the 500 might have come after a post.
    assert len(slack.calls_to("conversations.history")) == 2


def test_429s_wait_retry_after_and_post_once(slack: FakeSlack, url: str) -> None:
    clock = Clock(dt.datetime(2024, 5, 6, 9, 30))
    service = _service(slack, url, clock, "process-1")
    slack.fail_next("chat.postMessage", status=429, retry_after=0, times=2)
    assert [o.result for o in service.run_due()] == [results.POSTED]
    assert len(slack.posts(CHANNEL)) == 3 and len(slack.messages[CHANNEL]) == 1


def test_a_database_down_at_start_is_retried_and_the_scheduler_starts_when_it_is_back(
    slack: FakeSlack, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.digest")
    clock = Clock(dt.datetime(2024, 5, 6, 9, 30))
    service = _service(slack, sqlite_url(tmp_path), clock, "process-1")
    real_ensure_schema = service.ensure_schema
    tries: list[float] = []

    def flaky_ensure_schema() -> None:
        tries.append(time.monotonic())
        if len(tries) < 3:
            raise ConnectionRefusedError("connection refused")
        real_ensure_schema()

    service.ensure_schema = flaky_ensure_schema  # type: ignore[method-assign]
    runner = DigestRunner(service, service.settings, tick_seconds=60, backoff=(0.05, 0.1))
    try:
        assert runner.start() is False and not runner.running  # serving goes on meanwhile
        deadline = time.monotonic() + 10
        while not runner.running and time.monotonic() < deadline:
            time.sleep(0.02)
        assert runner.running and len(tries) == 3
        assert tries[2] - tries[1] >= 0.09  # the delay grew
        deadline = time.monotonic() + 10
        while not slack.messages.get(CHANNEL) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(slack.messages[CHANNEL]) == 1  # the first tick ran as soon as the scheduler started
    finally:
        runner.shutdown(wait=True)
    messages = [r.getMessage() for r in caplog.records]
    assert any("unavailable" in m and "retrying in the background" in m for m in messages)
    assert any("the database is back" in m for m in messages)


def test_shutdown_waits_for_the_post_in_flight_and_records_it(slack: FakeSlack, tmp_path: Path) -> None:
    clock = Clock(dt.datetime(2024, 5, 6, 9, 30))
    service = _service(slack, sqlite_url(tmp_path), clock, "process-1")
    service.posting.transport.client.timeout = 10
    slack.fail_next("chat.postMessage", hang=1.5, accept=True)  # a slow but successful post
    runner = DigestRunner(service, service.settings, tick_seconds=60)
    assert runner.start() is True
    deadline = time.monotonic() + 10
    while not slack.calls_to("chat.postMessage") and time.monotonic() < deadline:
        time.sleep(0.01)
    stopping = threading.Thread(target=runner.shutdown, kwargs={"wait": True})
    started = time.monotonic()
    stopping.start()  # as SIGTERM does, mid-post
    stopping.join(timeout=20)
    assert time.monotonic() - started >= 1.0  # it waited for Slack's answer
    [row] = service.store.history(CHANNEL)
    assert row.status == db.POSTED and row.message_ts == slack.messages[CHANNEL][0]["ts"]
