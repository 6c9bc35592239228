"""The Slack app served over HTTP and signed requests sent to it: what the end-to-end tests share.

The app runs behind Bolt's WSGI adapter on a free local port (``served``); requests are signed as Slack
signs them (``post_signed``); ``Workspace`` sends the usual ones (a slash command, an event, a click).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse
from wsgiref.simple_server import WSGIServer

from slack_bolt import App

from bot import blocks as kit
from bot.app import EVENTS_PATH, create_app, make_http_server
from bot.fake_slack import Call, FakeSlack
from bot.listeners.common import DigestLike
from bot.listeners.shortcuts.find_related import FIND_RELATED
from bot.slack_payloads import (
    FORM,
    JSON,
    block_actions_body,
    event_body,
    message_shortcut_body,
    signed_headers,
    slash_command_body,
)
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine
from tests.support import SIGNING_SECRET

TODAY = dt.date(2024, 3, 5)
"""The day the app served by ``serve`` thinks it is."""


@dataclass
class Answer:
    status: int
    body: str

    def json(self) -> dict[str, Any]:
        return json.loads(self.body) if self.body else {}

    def text(self) -> str:
        return "\n".join(texts(self.json().get("blocks", [])))


def texts(node: object) -> list[str]:
    """Every text in a message, a view or a part of one (what a user sees), in order."""
    found: list[str] = []
    if isinstance(node, dict):
        if isinstance(node.get("text"), str):
            found.append(node["text"])
        for value in node.values():
            found.extend(texts(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(texts(item))
    return found


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The buttons of ``blocks``, each with its block_id (as a click sends it back)."""
    return [{**e, "block_id": b.get("block_id", "")} for b in blocks if b["type"] == "actions" for e in b["elements"]]


def shown_ids(blocks: list[dict[str, Any]]) -> list[str]:
    """The ids of the claims an answer shows, in order (from their Share buttons)."""
    return [json.loads(b["value"])["c"] for b in buttons(blocks) if b["action_id"] == kit.ACTION_SHARE]


def answer_of(ack: Answer, slack: FakeSlack, response_url: str, *, timeout: float = 10) -> Answer:
    """A slash command's answer: its ack when that is not empty, else its post to ``response_url``.

    The app acknowledges a question empty and answers it after the ack (``bot.listeners.commands.insight``);
    an answer that went by chat.postEphemeral instead (the response_url failed) is not found here.
    """
    if ack.status != 200 or ack.body:
        return ack
    posted = slack.wait_for("response_url", path=urlparse(response_url).path, timeout=timeout)
    if posted is None:
        return Answer(ack.status, "")
    return Answer(200, json.dumps(posted.args))


def post_signed(
    url: str,
    body: str,
    content_type: str,
    *,
    secret: str = SIGNING_SECRET,
    timestamp: int | None = None,
    extra: dict[str, str] | None = None,
    timeout: float = 10,
) -> Answer:
    """``body`` posted to ``url`` with Slack's signature headers (and ``extra`` ones): the app's answer."""
    headers = {**signed_headers(secret, body, content_type, timestamp=timestamp), **(extra or {})}
    request = urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Answer(response.status, response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.read().decode("utf-8"))


def served(app: App) -> contextlib.AbstractContextManager[str]:
    """``app`` served on a free local port while the block runs: the URL Slack would post its events to."""
    return serving(make_http_server(app, "127.0.0.1", 0))


@contextlib.contextmanager
def serving(server: WSGIServer) -> Iterator[str]:
    """``server`` serving in a thread while the block runs (it owns the port): the URL Slack would post to."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{EVENTS_PATH}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class Workspace:
    """Sends signed requests to the running app the way Slack does."""

    def __init__(self, url: str, slack: FakeSlack, corpus: Corpus):
        self.url = url
        self.slack = slack
        self.corpus = corpus
        self.command_urls: set[str] = set()
        """The paths of the response_urls given to slash commands (their answers come there)."""

    def click_responses(self) -> list[Call]:
        """What was posted to a response_url other than a slash command's answer (a click's, a shortcut's)."""
        return [c for c in self.slack.calls_to("response_url") if c.path not in self.command_urls]

    def post(
        self,
        body: str,
        content_type: str,
        *,
        secret: str = SIGNING_SECRET,
        timestamp: int | None = None,
        extra: dict[str, str] | None = None,
    ) -> Answer:
        return post_signed(self.url, body, content_type, secret=secret, timestamp=timestamp, extra=extra)

    def command(self, text: str, *, user_id: str = "UFAKEUSER1", channel_id: str = "CFAKECHAN1") -> Answer:
        """What the user sees: the ack when it has the answer (help), else what came to the response_url."""
        response_url = self.slack.new_response_url()
        self.command_urls.add(urlparse(response_url).path)
        ack = self.post(
            slash_command_body(text, user_id=user_id, channel_id=channel_id, response_url=response_url), FORM
        )
        return answer_of(ack, self.slack, response_url)

    def event(self, event: dict[str, Any], *, event_id: str | None = None, retry_num: int | None = None) -> Answer:
        extra = {"x-slack-retry-num": str(retry_num), "x-slack-retry-reason": "http_timeout"} if retry_num else None
        return self.post(event_body(event, event_id=event_id), JSON, extra=extra)

    def click(self, button: dict[str, Any], *, user_id: str = "UFAKEUSER1", response_url: str | None = None) -> Answer:
        url = response_url if response_url is not None else self.slack.new_response_url()
        return self.post(block_actions_body(button, user_id=user_id, response_url=url or None), FORM)

    def shortcut(self, message: dict[str, Any], *, channel_id: str = "CFAKECHAN1") -> Answer:
        body = message_shortcut_body(
            FIND_RELATED, message, channel_id=channel_id, response_url=self.slack.new_response_url()
        )
        return self.post(body, FORM)


def serve(
    settings: Settings, corpus: Corpus, slack: FakeSlack, digest: DigestLike | None, engine: SearchEngine | None = None
) -> Iterator[Workspace]:
    """The app over ``corpus`` (on ``TODAY``), served while the generator is open: a workspace posting to it."""
    app = create_app(settings, corpus, engine or SearchEngine.build(corpus), digest, today=lambda: TODAY)
    with served(app) as url:
        yield Workspace(url, slack, corpus)
