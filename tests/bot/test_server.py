"""The HTTP gate in front of Bolt (bot/server.py), called as a WSGI application with the real app behind it.

The gate's promises: size checked before the body is read, signature before the parse, never a 500 or a
traceback for junk, honest answers while the app is warming up, and health/readiness endpoints.
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlparse

import pytest

from bot.app import create_app
from bot.fake_slack import FakeSlack
from bot.server import MAX_BODY_BYTES, WARMING_UP_TEXT, AnswersAfterResponse, Readiness, SlackGate, run_checks
from bot.slack_payloads import FORM, JSON, event_body, mention_event, signed_headers, slash_command_body
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine
from tests.support import SIGNING_SECRET


class Reply:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes):
        self.status = status
        self.code = int(status.split()[0])
        self.headers = {k.lower(): v for k, v in headers}
        self.body = body

    def json(self) -> Any:
        return json.loads(self.body)


class CountingStream:
    """A request body that counts what was read; ``endless`` never runs out (a client that keeps sending)."""

    def __init__(self, data: bytes = b"", endless: bool = False):
        self.data = io.BytesIO(data)
        self.endless = endless
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        if self.endless:
            assert size >= 0, "an unbounded read of an endless body"
            chunk = b"x" * size
        else:
            chunk = self.data.read(size)
        self.bytes_read += len(chunk)
        return chunk


def call(gate: SlackGate, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None, **environ):
    env: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.input": environ.pop("stream", None) or CountingStream(body),
    }
    if body:
        env["CONTENT_LENGTH"] = str(len(body))
    for name, value in (headers or {}).items():
        key = name.upper().replace("-", "_")
        env[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key] = value
    env.update(environ)
    seen: dict[str, Any] = {}

    def start_response(status: str, response_headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        seen["status"], seen["headers"] = status, response_headers

    data = b"".join(gate(env, start_response))
    return Reply(seen["status"], seen["headers"], data)


def signed(gate: SlackGate, body: str, content_type: str = FORM, timestamp: int | None = None) -> Reply:
    headers = signed_headers(SIGNING_SECRET, body, content_type, timestamp=timestamp)
    return call(gate, "POST", "/slack/events", body.encode(), headers)


@pytest.fixture
def gate() -> SlackGate:
    return SlackGate(SIGNING_SECRET, language="en")


@pytest.fixture
def ready_gate(slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack) -> Iterator[SlackGate]:
    gate = SlackGate(SIGNING_SECRET, language="en")
    gate.install(create_app(slack_settings, tiny_corpus, SearchEngine.build(tiny_corpus)))
    yield gate


# Health and readiness ------------------------------------------------------------------------------


def test_healthz_answers_while_warming_up_and_readyz_says_why_not(gate: SlackGate) -> None:
    assert call(gate, "GET", "/healthz").code == 200
    not_ready = call(gate, "GET", "/readyz")
    assert not_ready.code == 503
    assert not_ready.json() == {"ready": False, "checks": {"app": "warming up"}}


def test_readyz_runs_the_apps_checks_once_installed(ready_gate: SlackGate) -> None:
    database_up = True

    def database() -> None:
        if not database_up:
            raise ConnectionError("connection refused\nsecond line of detail")

    ready_gate.install(ready_gate._bolt, lambda: run_checks({"index": lambda: True, "database": database}))  # type: ignore[arg-type]
    assert call(ready_gate, "GET", "/readyz").json() == {
        "ready": True,
        "checks": {"app": "ok", "index": "ok", "database": "ok"},
    }
    database_up = False
    down = call(ready_gate, "GET", "/readyz")
    assert down.code == 503
    assert down.json()["checks"]["database"] == "ConnectionError: connection refused"


def test_run_checks_reports_false_as_not_ready() -> None:
    assert run_checks({"index": lambda: False}) == Readiness(False, {"index": "not ready"})


def test_a_failed_start_is_not_ready_and_refuses_slack(gate: SlackGate) -> None:
    gate.fail("SlackApiError")
    assert "failed to start" in call(gate, "GET", "/readyz").json()["checks"]["app"]
    assert signed(gate, slash_command_body("开源")).code == 503


def test_unknown_paths_and_methods(gate: SlackGate) -> None:
    assert call(gate, "GET", "/").code == 404
    assert call(gate, "GET", "/slack/events").code == 405


# Size and signature before anything else -------------------------------------------------------------


def test_a_declared_oversized_body_is_refused_without_reading_it(ready_gate: SlackGate) -> None:
    stream = CountingStream(endless=True)
    reply = call(ready_gate, "POST", "/slack/events", stream=stream, CONTENT_LENGTH=str(100 * 1024 * 1024))
    assert reply.code == 413
    assert stream.bytes_read == 0


def test_a_chunked_body_is_read_only_up_to_the_limit(ready_gate: SlackGate) -> None:
    stream = CountingStream(endless=True)
    reply = call(
        ready_gate,
        "POST",
        "/slack/events",
        stream=stream,
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input_terminated": True},
    )
    assert reply.code == 413
    assert stream.bytes_read <= MAX_BODY_BYTES + 1


def test_a_chunked_body_is_not_read_from_a_server_that_does_not_decode_it(ready_gate: SlackGate) -> None:
    stream = CountingStream(endless=True)
    reply = call(ready_gate, "POST", "/slack/events", stream=stream, HTTP_TRANSFER_ENCODING="chunked")
    assert reply.code == 411
    assert stream.bytes_read == 0


def test_a_chunked_signed_body_within_the_limit_is_served(ready_gate: SlackGate, tiny_corpus: Corpus) -> None:
    body = slash_command_body("help")  # answered in the ack
    headers = signed_headers(SIGNING_SECRET, body, FORM)
    reply = call(
        ready_gate,
        "POST",
        "/slack/events",
        headers=headers,
        stream=CountingStream(body.encode()),
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input_terminated": True},
    )
    assert reply.code == 200 and reply.json()["response_type"] == "ephemeral"


def test_a_bad_content_length_is_a_400(ready_gate: SlackGate) -> None:
    assert call(ready_gate, "POST", "/slack/events", CONTENT_LENGTH="ten").code == 400


def test_unsigned_requests_get_401_and_at_most_one_short_log_line(
    ready_gate: SlackGate, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    junk = [b"", b"{not json", b"payload=%7B", b"\xff\xfe" * 100, json.dumps({"type": "event_callback"}).encode()]
    replies = [call(ready_gate, "POST", "/slack/events", junk[i % len(junk)]) for i in range(200)]
    assert {r.code for r in replies} == {401}
    assert len(caplog.records) == 1
    [record] = caplog.records
    assert record.exc_info is None and "\n" not in record.getMessage()


def test_a_wrong_secret_or_stale_timestamp_is_401(ready_gate: SlackGate) -> None:
    body = slash_command_body("开源")
    forged = signed_headers("not-the-secret", body, FORM)
    assert call(ready_gate, "POST", "/slack/events", body.encode(), forged).code == 401
    stale = int(time.time()) - 6 * 60
    assert signed(ready_gate, body, timestamp=stale).code == 401
    assert signed(ready_gate, body, timestamp=int(time.time()) - 60).code == 200


# Signed but malformed ------------------------------------------------------------------------------

MALFORMED = [
    ("payload=notjson", FORM),
    ("payload=%5B1%5D", FORM),
    ("payload=%7B%7D", FORM),
    ('payload={"type":"block_actions"}', FORM),
    ('payload={"type":"block_actions","actions":"x","user":"u"}', FORM),
    ('payload={"type":"block_actions","actions":[{}],"user":{"id":"U1"}}', FORM),
    ('payload={"type":"block_actions","actions":[1],"user":{"id":"U1"}}', FORM),
    ('payload={"type":"shortcut","callback_id":1,"user":{"id":"U1"}}', FORM),
    ('payload={"type":"message_action","callback_id":"find_related","message":"x","user":{"id":"U1"}}', FORM),
    ('payload={"type":"view_submission","view":"x","user":{"id":"U1"}}', FORM),
    ("command=", FORM),
    ("a=b", FORM),
    ("", FORM),
    ("{}", JSON),
    ("[1]", JSON),
    ("{bad", JSON),
    ("null", JSON),
    ('{"type":"event_callback"}', JSON),
    ('{"type":"event_callback","event":"x"}', JSON),
    ('{"type":"event_callback","event":{"type":7}}', JSON),
    ('{"type":"something_new"}', JSON),
]


@pytest.mark.parametrize(("body", "content_type"), MALFORMED)
def test_signed_malformed_payloads_are_400_without_a_traceback(
    ready_gate: SlackGate, caplog: pytest.LogCaptureFixture, body: str, content_type: str
) -> None:
    reply = signed(ready_gate, body, content_type)
    assert reply.code == 400
    assert all(r.exc_info is None for r in caplog.records)


def test_a_signed_body_that_is_not_utf8_is_400(ready_gate: SlackGate) -> None:
    raw = b"text=\xff\xfe"
    stamp = str(int(time.time()))
    import hashlib
    import hmac

    signature = (
        "v0=" + hmac.new(SIGNING_SECRET.encode(), b"v0:" + stamp.encode() + b":" + raw, hashlib.sha256).hexdigest()
    )
    headers = {"content-type": FORM, "x-slack-request-timestamp": stamp, "x-slack-signature": signature}
    assert call(ready_gate, "POST", "/slack/events", raw, headers).code == 400


def test_real_payloads_reach_the_app(ready_gate: SlackGate, fake_slack: FakeSlack) -> None:
    response_url = fake_slack.new_response_url()
    assert signed(ready_gate, slash_command_body("开源", response_url=response_url)).code == 200
    answer = fake_slack.wait_for("response_url", path=urlparse(response_url).path)
    assert answer is not None and "开源" in answer.args["text"]
    event = signed(ready_gate, event_body(mention_event("开源", ts="1700000000.000100")), JSON)
    assert event.code == 200


# Warming up ----------------------------------------------------------------------------------------


def test_a_slash_command_while_warming_up_is_told_to_retry(gate: SlackGate) -> None:
    reply = signed(gate, slash_command_body("开源"))
    assert reply.code == 200
    assert reply.json() == {"response_type": "ephemeral", "text": WARMING_UP_TEXT["en"]}


def test_url_verification_and_ssl_check_need_no_app(gate: SlackGate) -> None:
    challenge = signed(gate, json.dumps({"type": "url_verification", "challenge": "c-123"}), JSON)
    assert challenge.code == 200 and challenge.json() == {"challenge": "c-123"}
    assert signed(gate, "ssl_check=1&token=x").code == 200


def test_events_while_warming_up_are_left_for_slacks_retry(gate: SlackGate) -> None:
    reply = signed(gate, event_body(mention_event("开源", ts="1700000000.000100")), JSON)
    assert reply.code == 503 and reply.headers["retry-after"] == "5"


def test_unsigned_requests_are_refused_while_warming_up_too(gate: SlackGate) -> None:
    assert call(gate, "POST", "/slack/events", slash_command_body("x").encode()).code == 401


def test_the_installed_app_answers_from_then_on(gate: SlackGate, slack_settings: Settings, tiny_corpus: Corpus) -> None:
    assert signed(gate, slash_command_body("开源")).json()["text"] == WARMING_UP_TEXT["en"]
    gate.install(create_app(slack_settings, tiny_corpus, SearchEngine.build(tiny_corpus)))
    assert signed(gate, slash_command_body("help")).json()["text"] != WARMING_UP_TEXT["en"]
    assert call(gate, "GET", "/readyz").code == 200


class _RecordingPool(ThreadPoolExecutor):
    def __init__(self) -> None:
        super().__init__(1)
        self.submitted = 0

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        self.submitted += 1
        return super().submit(fn, *args, **kwargs)


def test_an_answer_sent_after_the_ack_starts_once_the_ack_is_written(
    slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack
) -> None:
    pool = _RecordingPool()
    answers = AnswersAfterResponse(pool)
    gate = SlackGate(SIGNING_SECRET, language="en")
    app = create_app(slack_settings, tiny_corpus, SearchEngine.build(tiny_corpus), listener_executor=answers)
    gate.install(app, answers=answers)
    response_url = fake_slack.new_response_url()
    body = slash_command_body("开源", response_url=response_url).encode()
    env = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/slack/events",
        "wsgi.input": CountingStream(body),
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": FORM,
        **{
            "HTTP_" + k.upper().replace("-", "_"): v
            for k, v in signed_headers(SIGNING_SECRET, body.decode(), FORM).items()
            if k != "content-type"
        },
    }
    written = gate(env, lambda status, headers, exc_info=None: None)
    assert b"".join(written) == b""  # the empty ack
    assert pool.submitted == 0  # the answer waits for the server to finish writing it
    written.close()  # what a WSGI server does once the response is sent
    pool.shutdown(wait=True)
    assert pool.submitted == 1
    answer = fake_slack.wait_for("response_url", path=urlparse(response_url).path, timeout=0)
    assert answer is not None and answer.args["response_type"] == "ephemeral"


def test_the_gate_needs_a_signing_secret() -> None:
    with pytest.raises(ValueError, match="SLACK_SIGNING_SECRET"):
        SlackGate("")
