"""``lundao run``'s app (bot.http_run.build_served_app) records feedback in its database, and says so when it cannot."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from slack_bolt import App, BoltRequest

from bot.db_migrate import migrated_engine
from bot.fake_slack import FakeSlack
from bot.feedback.store import FeedbackStore
from bot.feedback_blocks import ACTION_HELPFUL
from bot.http_run import build_served_app
from bot.slack_payloads import FORM, block_actions_body, signed_headers, slash_command_body
from config.settings import Settings
from tests.corpus_factory import write_tiny_corpus
from tests.support import SIGNING_SECRET


def _dispatch(app: App, body: str) -> dict[str, Any]:
    response = app.dispatch(BoltRequest(body=body, headers={**signed_headers(SIGNING_SECRET, body, FORM)}))
    assert response.status == 200
    return json.loads(response.body) if response.body else {}


def _ask(app: App, slack: FakeSlack, text: str) -> dict[str, Any]:
    """The answer to ``/insight text``: acknowledged empty, then posted to the command's response_url."""
    response_url = slack.new_response_url()
    assert _dispatch(app, slash_command_body(text, response_url=response_url)) == {}
    answer = slack.wait_for("response_url", path=urlparse(response_url).path)
    assert answer is not None
    return answer.args


def _helpful(blocks: list[dict[str, Any]]) -> dict[str, Any]:
    return next(
        {**e, "block_id": b["block_id"]}
        for b in blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == ACTION_HELPFUL
    )


def _served(settings: Settings, tmp_path: Path, **changes: Any) -> Any:
    settings = replace(
        settings,
        knowledge_dir=write_tiny_corpus(tmp_path / "kb"),
        data_dir=tmp_path / "data",
        digest=replace(settings.digest, enabled=False),
        **changes,
    )
    return settings, build_served_app(settings)


def test_the_served_app_records_a_helpful_click(
    slack_settings: Settings, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    settings, served = _served(slack_settings, tmp_path)
    try:
        answer = _ask(served.app, fake_slack, "开源")
        _dispatch(
            served.app, block_actions_body(_helpful(answer["blocks"]), response_url=fake_slack.new_response_url())
        )
    finally:
        served.close()
    engine = migrated_engine(settings.effective_database_url)
    try:
        [vote] = FeedbackStore(engine).votes()
    finally:
        engine.dispose()
    assert vote["query"] == "开源" and vote["helpful"] is True and vote["user_id"] is None


def test_a_database_that_is_down_is_told_to_the_user(
    slack_settings: Settings, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    _settings, served = _served(
        slack_settings, tmp_path, database_url="postgresql://nobody@127.0.0.1:1/none?connect_timeout=1"
    )
    try:
        answer = _ask(served.app, fake_slack, "开源")
        assert answer["blocks"]  # the answer does not wait for the database
        _dispatch(
            served.app, block_actions_body(_helpful(answer["blocks"]), response_url=fake_slack.new_response_url())
        )
    finally:
        served.close()
    [_answer, update] = fake_slack.calls_to("response_url")
    shown = json.dumps(update.args["blocks"], ensure_ascii=False)
    assert "没能记下" in shown and "开源" in shown


def test_closing_the_served_app_finishes_the_answers_in_flight(
    slack_settings: Settings, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    """What a worker does on SIGTERM once gunicorn has finished its requests: answers sent after the ack finish."""
    _settings, served = _served(slack_settings, tmp_path)
    # Keeps the answer in flight: the response_url answers 500 after a while, so it goes by chat.postEphemeral.
    fake_slack.fail_next("response_url", status=500, hang=0.5)
    try:
        assert _dispatch(served.app, slash_command_body("开源", response_url=fake_slack.new_response_url())) == {}
    finally:
        served.close()
    [fallback] = fake_slack.calls_to("chat.postEphemeral")
    assert "开源" in json.dumps(fallback.args, ensure_ascii=False)
