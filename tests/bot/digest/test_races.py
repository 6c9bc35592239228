"""Several threads and processes racing for the same channel and date post exactly once.

Against a SQLite file and against the PostgreSQL named by LUNDAO_TEST_POSTGRES_URL (default: the
server on this machine), each run in its own throwaway schema; skipped with the reason when none
is reachable.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, update

from bot.digest import service as results
from bot.digest import store as db
from bot.digest.store import create_tables, make_engine
from bot.fake_slack import FakeSlack
from config.settings import DigestChannel
from tests.digest_support import Clock, make_corpus, make_service, make_settings, sqlite_url
from tests.support import postgres_schema

CHANNEL = "C0RACE1"
POST_TIME = dt.datetime(2024, 5, 6, 9, 30, 5)
POSTGRES_URL = os.environ.get("LUNDAO_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
RACERS = 6


def _engine(url: str, schema: str | None) -> Engine:
    engine = make_engine(url)
    return engine.execution_options(schema_translate_map={None: schema}) if schema else engine


def _service(url: str, schema: str | None, base_url: str, worker: str, now: dt.datetime = POST_TIME):
    corpus = make_corpus({"a": 5, "b": 5})
    settings = make_settings(channels=(DigestChannel(CHANNEL, "09:30"),))
    return make_service(corpus, settings, base_url, _engine(url, schema), Clock(now), worker=worker)


def _race_in_process(url, schema, base_url, barrier, out, now_iso):  # runs in a spawned process
    service = _service(url, schema, base_url, f"process-{os.getpid()}", dt.datetime.fromisoformat(now_iso))
    barrier.wait(timeout=60)
    out.put([o.result for o in service.run_due()])


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database(request, tmp_path) -> Iterator[tuple[str, str | None]]:
    if request.param == "sqlite":
        url = sqlite_url(tmp_path)
        create_tables(make_engine(url))
        yield url, None
        return
    with postgres_schema() as url:
        create_tables(make_engine(url))
        yield url, None


@pytest.fixture
def slack():
    api = FakeSlack(public={CHANNEL}, members={CHANNEL}).start()
    yield api
    api.stop()


def _race_threads(services) -> list[str]:
    barrier = threading.Barrier(len(services))
    found: list[list[str]] = []
    lock = threading.Lock()

    def run(service):
        barrier.wait(timeout=30)
        outcome = [o.result for o in service.run_due()]
        with lock:
            found.append(outcome)

    threads = [threading.Thread(target=run, args=(s,)) for s in services]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return [r for outcome in found for r in outcome]


def test_threads_racing_for_a_slot_post_once(database, slack):
    url, schema = database
    services = [_service(url, schema, slack.api_url, f"thread-{i}") for i in range(RACERS)]
    outcomes = _race_threads(services)
    assert sorted(outcomes).count(results.POSTED) == 1
    assert set(outcomes) <= {results.POSTED, results.IN_PROGRESS, results.ALREADY_POSTED}
    assert len(slack.messages[CHANNEL]) == 1
    [row] = services[0].store.history(CHANNEL)
    assert row.status == db.POSTED and row.message_ts == slack.messages[CHANNEL][0]["ts"]


def test_processes_racing_for_a_slot_post_once(database, slack):
    url, schema = database
    context = multiprocessing.get_context("spawn")  # fresh interpreters, as separate dynos would be
    barrier = context.Barrier(RACERS)
    out = context.Queue()
    processes = [
        context.Process(target=_race_in_process, args=(url, schema, slack.api_url, barrier, out, POST_TIME.isoformat()))
        for _ in range(RACERS)
    ]
    for p in processes:
        p.start()
    outcomes = [r for _ in processes for r in out.get(timeout=120)]
    for p in processes:
        p.join(timeout=30)
        assert p.exitcode == 0
    assert outcomes.count(results.POSTED) == 1
    assert len(slack.messages[CHANNEL]) == 1


def test_racing_retries_of_a_failed_post_post_once(database, slack):
    url, schema = database
    slack.fail_next("chat.postMessage", error="fatal_error")
    first = _service(url, schema, slack.api_url, "first")
    assert [o.result for o in first.run_due()] == [results.FAILED]
    later = POST_TIME + dt.timedelta(minutes=10)
    services = [_service(url, schema, slack.api_url, f"retry-{i}", later) for i in range(RACERS)]
    outcomes = _race_threads(services)
    assert outcomes.count(results.POSTED) == 1
    assert len(slack.messages[CHANNEL]) == 1
    [row] = first.store.history(CHANNEL)
    assert (row.status, row.attempts) == (db.POSTED, 2)


def test_racing_recoveries_of_a_stale_claim_post_once(database, slack):
    url, schema = database
    first = _service(url, schema, slack.api_url, "crashed")
    with first.engine.begin() as conn:  # a process claimed the slot and died before calling Slack
        conn.execute(
            db.posts.insert().values(
                channel_id=CHANNEL,
                post_date=POST_TIME.date(),
                claim_id="a-claim-001",
                cycle=0,
                status=db.PENDING,
                attempts=1,
                claimed_at=POST_TIME.replace(tzinfo=first.tz),
                claimed_by="crashed",
            )
        )
        conn.execute(update(db.posts).values(claimed_by="crashed"))
    later = POST_TIME + dt.timedelta(minutes=30)
    services = [_service(url, schema, slack.api_url, f"recover-{i}", later) for i in range(RACERS)]
    outcomes = _race_threads(services)
    assert outcomes.count(results.POSTED) == 1
    assert len(slack.messages[CHANNEL]) == 1
    assert slack.messages[CHANNEL][0]["metadata"]["event_payload"]["claim_id"] == "a-claim-001"


def test_saving_a_subscription_inserts_then_updates_one_row(database):
    url, schema = database
    store = db.DigestStore(_engine(url, schema))
    now = POST_TIME.replace(tzinfo=dt.UTC)
    store.save_subscription(CHANNEL, time="09:30", weekdays_only=False, active=True, since=now, now=now)
    later = now + dt.timedelta(hours=1)
    store.save_subscription(CHANNEL, time="10:15", weekdays_only=True, active=False, since=None, now=later)
    [saved] = store.subscriptions()
    assert (saved.channel_id, saved.time, saved.weekdays_only, saved.active, saved.since) == (
        CHANNEL,
        "10:15",
        True,
        False,
        None,
    )
