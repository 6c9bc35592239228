"""The gate's fast ack (bot/server.py ``FastAck``): questions acknowledged before Bolt, everything else as before.

The app is the one ``lundao run`` serves (``bot.http_run.build_served_app``: the real listeners, answer pool,
SQLite, the fake Slack Web API), behind ``SlackGate`` on a threaded wsgiref server on a free loopback port,
with signed requests sent over HTTP. Two gates share that app: one with the fast ack as ``lundao run``
installs it, one without (what the gate answered before it), so "the same response as before" is compared
request by request.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from bot.app import make_wsgi_server
from bot.fake_slack import FakeSlack
from bot.http_run import build_served_app
from bot.listeners.commands import insight
from bot.server import WARMING_UP_TEXT, SlackGate
from bot.serving import ServedApp
from bot.slack_payloads import FORM, slash_command_body
from config.settings import Settings
from tests.bot.http_support import Answer, post_signed, serving, shown_ids
from tests.corpus_factory import write_tiny_corpus
from tests.support import SIGNING_SECRET


def served_gate(gate: SlackGate) -> contextlib.AbstractContextManager[str]:
    """``gate`` served on a free loopback port (wsgiref closes each response once written, as gunicorn does)."""
    return serving(make_wsgi_server(gate, "127.0.0.1", 0))


@dataclass
class Spies:
    """Where the listener's ``quick_reply`` and the gate's Bolt dispatch (the usual path) ran: thread names.

    The listener's ack path calls ``quick_reply`` on the request's thread; the answer (``route``) calls it
    again on the answer pool's ("lundao-answer..."), so only the first kind counts as the ack path.
    """

    quick_replies: list[str] = field(default_factory=list)
    dispatches: list[str] = field(default_factory=list)

    @property
    def listener_acks(self) -> int:
        """How many times the listener's ack path ran."""
        return sum(1 for name in self.quick_replies if not name.startswith("lundao-answer"))


@dataclass
class Served:
    served: ServedApp
    slack: FakeSlack
    fast_url: str
    """The gate with the fast ack, as ``lundao run`` installs it."""
    usual_url: str
    """The gate without it: what every request got before."""
    spies: Spies

    def command(self, url: str, text: str, **kwargs: Any) -> tuple[Answer, str]:
        """The ack of ``/insight text`` (or ``kwargs["command"]``) and the path of its response_url."""
        response_url = self.slack.new_response_url()
        body = slash_command_body(text, response_url=response_url, **kwargs)
        return post_signed(url, body, FORM), urlparse(response_url).path


@pytest.fixture
def app(
    slack_settings: Settings, fake_slack: FakeSlack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Served]:
    settings = replace(slack_settings, knowledge_dir=write_tiny_corpus(tmp_path / "kb"), data_dir=tmp_path / "data")
    served = build_served_app(settings)
    assert served.fast_ack is not None and served.fast_ack.command == settings.command
    spies = Spies()

    real_quick_reply = insight.quick_reply

    def counting_quick_reply(*args: Any, **kwargs: Any) -> Any:
        spies.quick_replies.append(threading.current_thread().name)
        return real_quick_reply(*args, **kwargs)

    monkeypatch.setattr(insight, "quick_reply", counting_quick_reply)
    real_dispatch = SlackGate._dispatch

    def recording_dispatch(self: SlackGate, *args: Any, **kwargs: Any) -> Any:
        spies.dispatches.append(threading.current_thread().name)
        return real_dispatch(self, *args, **kwargs)

    monkeypatch.setattr(SlackGate, "_dispatch", recording_dispatch)
    fast = SlackGate(SIGNING_SECRET, language="en")
    fast.install(served.app, served.ready, served.answers, served.fast_ack)
    usual = SlackGate(SIGNING_SECRET, language="en")
    usual.install(served.app, served.ready, served.answers)
    try:
        with served_gate(fast) as fast_url, served_gate(usual) as usual_url:
            yield Served(served, fake_slack, fast_url, usual_url, spies)
    finally:
        assert served.close is not None
        served.close()


def _drain(app: Served) -> None:
    """What gunicorn's worker_exit does on SIGTERM, once the requests in flight are done: every answer sent
    after its ack is finished (tests/bot/test_serving.py sends the SIGTERM itself)."""
    assert app.served.close is not None
    app.served.close()


def test_a_question_is_acked_by_the_gate_and_answered_once_at_its_response_url(app: Served) -> None:
    ack, path = app.command(app.fast_url, "开源")
    assert (ack.status, ack.body) == (200, "")
    assert app.slack.wait_for("response_url", path=path, timeout=10) is not None
    _drain(app)
    assert app.spies.listener_acks == 0, "the listener's ack path ran for a question the gate acknowledged"
    assert app.spies.dispatches == [], "the gate dispatched the question to Bolt on the request thread"
    (posted,) = [c for c in app.slack.calls_to("response_url") if c.path == path]
    assert posted.args["response_type"] == "ephemeral" and shown_ids(posted.args["blocks"])
    assert app.slack.calls_to("chat.postEphemeral") == []


def test_the_answer_is_posted_once_bolt_is_done_with_the_request(app: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    # The asker may send the next question the moment the answer shows; whatever Bolt still did for this one
    # would then run beside that question's ack. So Bolt's dispatch returns first and the post comes after.
    posts_when_bolt_returned: list[int] = []
    real_dispatch = app.served.app.dispatch

    def dispatch(request: Any) -> Any:
        response = real_dispatch(request)
        posts_when_bolt_returned.append(len(app.slack.calls_to("response_url")))
        return response

    monkeypatch.setattr(app.served.app, "dispatch", dispatch)
    ack, path = app.command(app.fast_url, "开源")
    assert (ack.status, ack.body) == (200, "")
    assert app.slack.wait_for("response_url", path=path, timeout=10) is not None
    _drain(app)
    assert posts_when_bolt_returned == [0]
    assert len(app.slack.calls_to("response_url")) == 1


def test_the_fast_answer_is_the_listeners_answer(app: Served) -> None:
    fast_ack, fast_path = app.command(app.fast_url, "<!channel> 开源")
    usual_ack, usual_path = app.command(app.usual_url, "<!channel> 开源")
    assert (fast_ack.status, fast_ack.body) == (usual_ack.status, usual_ack.body) == (200, "")
    fast = app.slack.wait_for("response_url", path=fast_path, timeout=10)
    usual = app.slack.wait_for("response_url", path=usual_path, timeout=10)
    assert fast is not None and usual is not None
    assert shown_ids(fast.args["blocks"]) == shown_ids(usual.args["blocks"]) != []
    assert fast.args["text"] == usual.args["text"] and "<!channel>" not in fast.args["text"]
    assert app.spies.listener_acks == 1  # the usual gate's request only


def test_a_refused_response_url_falls_back_to_chat_post_ephemeral(app: Served) -> None:
    app.slack.fail_next("response_url", status=404, error="expired_url")
    ack, _ = app.command(app.fast_url, "开源", user_id="U0ASKER", channel_id="C0ASKED")
    assert (ack.status, ack.body) == (200, "")
    assert app.slack.wait_for("chat.postEphemeral", timeout=10) is not None
    _drain(app)
    (fallback,) = app.slack.calls_to("chat.postEphemeral")
    assert fallback.args["channel"] == "C0ASKED" and fallback.args["user"] == "U0ASKER"


def _same_on_both(app: Served, send: Callable[[str], tuple[Answer, str]]) -> tuple[Answer, Answer]:
    """``send`` through the gate with the fast ack, then through the one without it: both answers, same status."""
    fast, _ = send(app.fast_url)
    usual, _ = send(app.usual_url)
    assert fast.status == usual.status
    return fast, usual


@pytest.mark.parametrize("text", ["help", "topics", ""])
def test_answers_in_the_ack_go_the_usual_way_unchanged(app: Served, text: str) -> None:
    fast, usual = _same_on_both(app, lambda url: app.command(url, text))
    assert fast.status == 200 and fast.body == usual.body and fast.json()["response_type"] == "ephemeral"
    assert app.spies.listener_acks == 2 and len(app.spies.dispatches) == 2


def test_random_goes_the_usual_way(app: Served) -> None:
    fast, usual = _same_on_both(app, lambda url: app.command(url, "random"))
    assert fast.status == 200 and fast.json().keys() == usual.json().keys() and fast.json()["blocks"]
    assert app.spies.listener_acks == 2 and len(app.spies.dispatches) == 2


def test_another_command_goes_the_usual_way(app: Served) -> None:
    fast, usual = _same_on_both(app, lambda url: app.command(url, "开源", command="/other"))
    assert (fast.status, fast.body) == (usual.status, usual.body)
    assert app.spies.listener_acks == 0 and len(app.spies.dispatches) == 2


@pytest.mark.parametrize(
    "how",
    [{"secret": "not-the-secret"}, {"timestamp": int(time.time()) - 10 * 60}, {"extra": {"x-slack-signature": "v0=0"}}],
    ids=["wrong-secret", "stale", "bad-signature"],
)
def test_an_unsigned_or_stale_question_is_refused_as_before(app: Served, how: dict[str, Any]) -> None:
    def send(url: str) -> tuple[Answer, str]:
        response_url = app.slack.new_response_url()
        return post_signed(url, slash_command_body("开源", response_url=response_url), FORM, **how), response_url

    fast, usual = _same_on_both(app, send)
    assert (fast.status, fast.body) == (usual.status, usual.body) == (401, "Invalid request signature")
    _drain(app)
    assert app.slack.calls_to("response_url") == [] and app.spies.listener_acks == 0 and app.spies.dispatches == []


def test_a_question_before_the_app_is_ready_is_told_to_wait(app: Served) -> None:
    warming = SlackGate(SIGNING_SECRET, language="en")
    with served_gate(warming) as url:
        ack, _ = app.command(url, "开源")
    assert ack.status == 200 and ack.json()["text"] == WARMING_UP_TEXT["en"]
    # Installed, its fast ack answers: the same gate, once the app is swapped in.
    warming.install(app.served.app, app.served.ready, app.served.answers, app.served.fast_ack)
    with served_gate(warming) as url:
        ack, path = app.command(url, "开源")
    assert (ack.status, ack.body) == (200, "")
    assert app.slack.wait_for("response_url", path=path, timeout=10) is not None
    assert app.spies.listener_acks == 0


@pytest.mark.parametrize("text", ["开源 payload", "help payload"])
def test_a_command_that_mentions_payload_is_read_as_a_command(app: Served, text: str) -> None:
    # slack_bolt reads any form body holding the letters "payload" as an interaction with an empty body.
    for url in (app.fast_url, app.usual_url):
        ack, path = app.command(url, text)
        assert ack.status == 200, ack.body
        if not ack.body:
            posted = app.slack.wait_for("response_url", path=path, timeout=10)
            assert posted is not None and posted.args["response_type"] == "ephemeral"


def test_answers_after_the_ack_search_one_at_a_time(app: Served, monkeypatch: pytest.MonkeyPatch) -> None:
    # Several searches at once only crowd the threads that send the acks (bench/slash_load.py).
    real = insight._reply_or_apology
    running, most = [0], [0]
    lock = threading.Lock()

    def counting(*args: Any, **kwargs: Any) -> Any:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        try:
            return real(*args, **kwargs)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(insight, "_reply_or_apology", counting)
    sent: list[str] = []
    threads = [threading.Thread(target=lambda: sent.append(app.command(app.fast_url, "开源")[1])) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(sent) == 4
    for path in sent:
        assert app.slack.wait_for("response_url", path=path, timeout=10) is not None
    assert most[0] == 1
