"""Signed payloads mutated field by field, through the gate and the real app: never a 500, never a traceback.

The seeds are the payloads Slack sends (a slash command, a mention, App Home opened, a button click, the
message shortcut); each case removes one field or gives it another type (None, a number, a list, an
empty string, an object). Deterministic: the same cases every run.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode

import pytest

from bot.app import create_app
from bot.fake_slack import FakeSlack
from bot.listeners.shortcuts.find_related import FIND_RELATED
from bot.server import SlackGate
from bot.slack_payloads import (
    FORM,
    JSON,
    block_actions_body,
    event_body,
    mention_event,
    message_shortcut_body,
    slash_command_body,
)
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine
from tests.bot.test_server import signed
from tests.support import SIGNING_SECRET

ODD_VALUES: list[Any] = [None, 7, [], "", {"x": 1}, ["a"], True]


def _seeds(response_url: str) -> list[tuple[str, dict[str, Any], str]]:
    """(name, payload, how it is sent): JSON for events, form fields for commands, payload= for interactions."""
    button = {"action_id": "share", "value": json.dumps({"c": "compute-shortage"}), "block_id": "b1"}
    click = json.loads(parse_qs(block_actions_body(button, response_url=response_url))["payload"][0])
    shortcut = json.loads(
        parse_qs(message_shortcut_body(FIND_RELATED, {"ts": "1700000000.000100", "text": "开源"}))["payload"][0]
    )
    mention = json.loads(event_body(mention_event("开源", ts="1700000000.000200")))
    home = json.loads(event_body({"type": "app_home_opened", "user": "UFAKEUSER1", "tab": "home"}))
    command = {k: v[0] for k, v in parse_qs(slash_command_body("开源", response_url=response_url)).items()}
    return [
        ("command", command, "form"),
        ("mention", mention, "json"),
        ("home", home, "json"),
        ("click", click, "payload"),
        ("shortcut", shortcut, "payload"),
    ]


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


def _mutated(payload: Any, path: tuple[Any, ...], value: Any, remove: bool) -> Any:
    copy = json.loads(json.dumps(payload))
    parent = copy
    for step in path[:-1]:
        parent = parent[step]
    if remove and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copy


def _cases(count: int) -> list[tuple[str, str, str]]:
    rng = random.Random(10)
    seeds = _seeds("http://127.0.0.1:9/response/1")
    cases: list[tuple[str, str, str]] = []
    while len(cases) < count:
        name, payload, how = seeds[len(cases) % len(seeds)]
        paths = list(_paths(payload))
        path = rng.choice(paths)
        remove = rng.random() < 0.3
        value = rng.choice(ODD_VALUES)
        changed = _mutated(payload, path, value, remove)
        label = f"{name}:{'/'.join(map(str, path))}={'<removed>' if remove else json.dumps(value)}"
        if how == "json":
            cases.append((label, json.dumps(changed, ensure_ascii=False), JSON))
        elif how == "payload":
            cases.append((label, urlencode({"payload": json.dumps(changed, ensure_ascii=False)}), FORM))
        elif isinstance(changed, dict):
            form = {k: v if isinstance(v, str) else json.dumps(v) for k, v in changed.items()}
            cases.append((label, urlencode(form), FORM))
    return cases


CASES = _cases(60)


@pytest.fixture(scope="module")
def fuzz_gate(tiny_corpus: Corpus) -> Iterator[SlackGate]:
    from dataclasses import replace

    from config.settings import Secret

    with FakeSlack() as slack:
        settings = replace(
            Settings(), bot_token=Secret("xoxb-fuzz"), signing_secret=Secret(SIGNING_SECRET), api_base_url=slack.api_url
        )
        gate = SlackGate(SIGNING_SECRET, language="en")
        gate.install(create_app(settings, tiny_corpus, SearchEngine.build(tiny_corpus)))
        yield gate


@pytest.mark.parametrize(("label", "body", "content_type"), CASES, ids=[c[0][:60] for c in CASES])
def test_a_mutated_signed_payload_never_gets_a_500(
    fuzz_gate: SlackGate, caplog: pytest.LogCaptureFixture, label: str, body: str, content_type: str
) -> None:
    reply = signed(fuzz_gate, body, content_type)
    assert reply.code in (200, 400, 404), (label, reply.code, reply.body[:200])
    assert not [r for r in caplog.records if r.exc_info], label
