"""A 500 on chat.postMessage is never re-sent by the client: the digest records "failed" and retries later.

Slack may have posted the message before answering 500, so re-sending at once can post it twice.
Checked on every way the digest gets a client: either policy handed to the service directly, and
the wiring of ``lundao run`` and of ``lundao digest run``, end to end against the fake Slack.
"""

from __future__ import annotations

import datetime as dt
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.cli import main
from bot.digest import service as results
from bot.digest import store as db
from bot.digest.service import DigestService
from bot.digest.store import DigestStore, PostRow, make_engine
from bot.fake_slack import FakeSlack
from bot.slack_client import MAX_RETRY_AFTER, ClientPolicy, make_client, retry_handlers, with_policy
from config.settings import DigestChannel, Secret
from tests.corpus_factory import write_corpus
from tests.digest_support import Clock, make_corpus, make_settings, sqlite_url

CHANNEL = "C0POLICY1"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    with FakeSlack(public={CHANNEL}, members={CHANNEL}) as fake:
        yield fake


@pytest.mark.parametrize("policy", list(ClientPolicy))
def test_a_500_is_sent_once_and_recorded_as_failed_whatever_client_the_service_gets(
    policy: ClientPolicy, slack: FakeSlack, tmp_path: Path
) -> None:
    settings = replace(
        make_settings(channels=(DigestChannel(CHANNEL, "09:30"),)),
        bot_token=Secret("xoxb-policy-test"),
        api_base_url=slack.api_url,
    )
    client = make_client(settings, policy)
    service = DigestService(
        make_corpus({"a": 3}), settings, client, sqlite_url(tmp_path), Clock(dt.datetime(2024, 5, 6, 9, 30))
    )
    service.ensure_schema()
    slack.fail_next("chat.postMessage", status=500)
    outcome = service.post(CHANNEL)
    assert outcome.result == results.FAILED
    assert len(slack.posts(CHANNEL)) == 1
    [row] = service.store.history(CHANNEL)
    assert row.status == db.FAILED
    # The app's own client keeps its retries: the digest worked on a copy.
    assert [type(h) for h in client.retry_handlers] == [type(h) for h in retry_handlers(policy)]


def test_the_app_client_retries_reads_but_never_resends_a_message(slack: FakeSlack) -> None:
    settings = replace(make_settings(), bot_token=Secret("xoxb-policy-test"), api_base_url=slack.api_url)
    client = make_client(settings, ClientPolicy.APP)
    slack.fail_next("conversations.history", status=500)
    assert client.conversations_history(channel=CHANNEL)["ok"]
    assert len(slack.calls_to("conversations.history")) == 2  # a read is safe to repeat
    slack.fail_next("chat.postMessage", status=500, accept=True)
    with pytest.raises(SlackApiError):
        client.chat_postMessage(channel=CHANNEL, text="once")
    slack.fail_next("chat.postMessage", drop=True, accept=True)
    with pytest.raises((SlackClientError, OSError)):
        client.chat_postMessage(channel=CHANNEL, text="twice")
    assert [p["text"] for p in slack.posts(CHANNEL)] == ["once", "twice"]  # each sent once, never re-sent
    assert len(slack.messages[CHANNEL]) == 2
    slack.fail_next("chat.postMessage", status=429, retry_after=0)
    assert client.chat_postMessage(channel=CHANNEL, text="after a 429")["ok"]  # Slack did not act: waited, sent again
    assert len(slack.posts(CHANNEL)) == 4 and len(slack.messages[CHANNEL]) == 3


def test_a_retry_after_longer_than_the_limit_is_not_waited_for(slack: FakeSlack) -> None:
    settings = replace(make_settings(), bot_token=Secret("xoxb-policy-test"), api_base_url=slack.api_url)
    client = make_client(settings, ClientPolicy.POSTING)
    slack.fail_next("chat.postMessage", status=429, retry_after=MAX_RETRY_AFTER + 1)
    started = time.monotonic()
    with pytest.raises(SlackApiError):
        client.chat_postMessage(channel=CHANNEL, text="x")
    assert time.monotonic() - started < 5 and len(slack.posts(CHANNEL)) == 1


def test_with_policy_leaves_the_original_client_alone(slack: FakeSlack) -> None:
    settings = replace(make_settings(), bot_token=Secret("xoxb-policy-test"), api_base_url=slack.api_url)
    app_client = make_client(settings, ClientPolicy.APP)
    posting = with_policy(app_client, ClientPolicy.POSTING)
    assert posting.token == app_client.token and posting.base_url == app_client.base_url
    assert len(app_client.retry_handlers) == 3 and len(posting.retry_handlers) == 1


# --- the two commands, end to end ---------------------------------------------------------------


@pytest.fixture
def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, slack: FakeSlack) -> str:
    """Settings subscribing CHANNEL at 00:00 with a 24 h grace window, so a slot is due whenever this runs."""
    settings = tmp_path / "settings.yaml"
    settings.write_text(
        f"digest:\n  timezone: Asia/Shanghai\n  grace_hours: 24\n  channels:\n    - id: {CHANNEL}\n      time: '00:00'\n",
        encoding="utf-8",
    )
    for name in ("SLACK_APP_TOKEN", "LUNDAO_DATA_DIR", "LUNDAO_LANGUAGE", "LUNDAO_DIGEST_ENABLED", "PORT"):
        monkeypatch.delenv(name, raising=False)
    database_url = sqlite_url(tmp_path)
    monkeypatch.setenv("LUNDAO_SETTINGS", str(settings))
    monkeypatch.setenv("LUNDAO_KNOWLEDGE_DIR", str(write_corpus(tmp_path / "kb")))
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-policy-test")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "policy-test-secret")
    monkeypatch.setenv("SLACK_API_BASE_URL", slack.api_url)
    slack.fail_next("chat.postMessage", status=500)
    return database_url


def _settled_row(database_url: str, timeout: float = 30.0) -> PostRow | None:
    """The channel's row once an attempt has been recorded (not pending any more)."""
    store = DigestStore(make_engine(database_url))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            rows = [r for r in store.history(CHANNEL) if r.status != db.PENDING]
        except Exception:  # the tables may not exist yet
            rows = []
        if rows:
            return rows[0]
        time.sleep(0.05)
    return None


def test_lundao_run_hands_the_digest_a_client_that_does_not_resend_a_500(
    machine: str, slack: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.http_run

    rows: list[PostRow | None] = []

    def serve_until_the_digest_tried(factory: Callable[[], Any], *_args: Any, **_kwargs: Any) -> int:
        """Stands in for gunicorn: builds the app as a worker does, then "serves" until the digest tried."""
        served = factory()
        try:
            rows.append(_settled_row(machine))
        finally:
            served.close()
        return 0

    monkeypatch.setattr(bot.http_run, "serve_http", serve_until_the_digest_tried)
    assert main(["run"]) == 0
    [row] = rows
    assert row is not None and row.status == db.FAILED
    assert len(slack.posts(CHANNEL)) == 1


def test_lundao_digest_run_does_not_resend_a_500(
    machine: str, slack: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    handlers: dict[int, Callable[..., Any]] = {}
    monkeypatch.setattr(signal, "signal", lambda signum, handler: handlers.__setitem__(signum, handler))
    seen: list[PostRow | None] = []

    def stop_once_tried() -> None:
        seen.append(_settled_row(machine))
        deadline = time.monotonic() + 30
        while signal.SIGTERM not in handlers and time.monotonic() < deadline:
            time.sleep(0.01)
        if signal.SIGTERM in handlers:
            handlers[signal.SIGTERM](signal.SIGTERM, None)  # as Heroku stops a dyno

    stopper = threading.Thread(target=stop_once_tried, daemon=True)
    stopper.start()
    assert main(["digest", "run"]) == 0
    stopper.join(timeout=5)
    [row] = seen
    assert row is not None and row.status == db.FAILED
    assert len(slack.posts(CHANNEL)) == 1
