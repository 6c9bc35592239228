"""The fake Slack's own hook for what it has answered (bench/slash_load.py paces its load by it)."""

from __future__ import annotations

import json
import threading
import urllib.request

from bot.fake_slack import Call, FakeSlack


def post(url: str, payload: dict[str, object]) -> int:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return int(response.status)


def test_each_call_is_handed_to_answered_once_its_answer_is_written() -> None:
    answered: list[Call] = []
    done = threading.Event()

    def record(call: Call) -> None:
        answered.append(call)
        if len(answered) == 2:
            done.set()

    with FakeSlack(answered=record) as slack:
        response_url = slack.new_response_url()
        assert post(response_url, {"text": "an answer"}) == 200
        assert post(slack.api_url + "chat.postEphemeral", {"channel": "C1", "user": "U1", "text": "x"}) == 200
        assert done.wait(5)
    # Each call is handed over on its own handler thread once its answer is flushed, so the second post's thread
    # may hand its call over before the first one's does: the order is not the fake's to promise.
    by_method = {c.method: c for c in answered}
    assert sorted((c.method, c.path) for c in answered) == [
        ("chat.postEphemeral", "/api/chat.postEphemeral"),
        ("response_url", response_url.removeprefix(slack.url)),
    ]
    assert by_method["response_url"].args["text"] == "an answer"
