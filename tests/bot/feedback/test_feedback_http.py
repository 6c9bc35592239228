"""Helpful / Not helpful, gaps and learned phrasings end to end: signed requests through the real app,
the fake Web API behind it, the feedback tables on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from bot import blocks as kit
from bot.app import EVENTS_PATH, create_app, make_http_server
from bot.fake_slack import FakeSlack
from bot.feedback.service import FeedbackService
from bot.feedback.store import NO_ANSWER, NOT_HELPFUL
from bot.feedback_blocks import ACTION_HELPFUL, ACTION_NOT_HELPFUL
from bot.listeners.shortcuts.find_related import FIND_RELATED
from bot.slack_payloads import FORM, block_actions_body, mention_event, message_shortcut_body
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine
from tests.bot.http_support import Workspace, buttons, served

QUESTION = "开源模型和闭源模型比怎么样"


@pytest.fixture
def feedback(feedback_engine: Engine) -> FeedbackService:
    return FeedbackService(feedback_engine)


@pytest.fixture
def workspace(
    slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack, feedback: FeedbackService
) -> Iterator[Workspace]:
    app = create_app(slack_settings, tiny_corpus, SearchEngine.build(tiny_corpus), feedback=feedback)
    with served(app) as url:
        yield Workspace(url, fake_slack, tiny_corpus)


def _claims(blocks: list[dict[str, Any]]) -> list[str]:
    return [json.loads(b["value"])["c"] for b in buttons(blocks) if b["action_id"] == kit.ACTION_CONTEXT]


def _button(blocks: list[dict[str, Any]], action: str, claim_id: str) -> dict[str, Any]:
    return next(b for b in buttons(blocks) if b["action_id"] == action and json.loads(b["value"])["c"] == claim_id)


def _feedback_rows(blocks: list[dict[str, Any]]) -> dict[str, list[str]]:
    """claim id -> the feedback action ids still on its row."""
    rows: dict[str, list[str]] = {}
    for button in buttons(blocks):
        claim = json.loads(button["value"]).get("c")
        if claim:
            rows.setdefault(claim, [])
            if button["action_id"] in (ACTION_HELPFUL, ACTION_NOT_HELPFUL):
                rows[claim].append(button["action_id"])
    return rows


def test_helpful_on_a_results_page_thanks_in_place_and_teaches_the_question(
    workspace: Workspace, feedback: FeedbackService
) -> None:
    blocks = workspace.command(QUESTION, user_id="U0ASKER").json()["blocks"]
    shown = _claims(blocks)
    assert len(shown) >= 2 and all(v == [ACTION_HELPFUL, ACTION_NOT_HELPFUL] for v in _feedback_rows(blocks).values())
    chosen = shown[1]
    response_url = workspace.slack.new_response_url()
    answer = workspace.click(_button(blocks, ACTION_HELPFUL, chosen), user_id="U0ASKER", response_url=response_url)
    assert answer.status == 200
    [update] = workspace.click_responses()
    assert update.args["replace_original"] is True and update.args["response_type"] == "ephemeral"
    # The same answer, in the same order, only the clicked row thanked.
    assert _claims(update.args["blocks"]) == shown
    rows = _feedback_rows(update.args["blocks"])
    assert rows[chosen] == [] and all(rows[c] == [ACTION_HELPFUL, ACTION_NOT_HELPFUL] for c in shown if c != chosen)
    assert "谢谢反馈" in json.dumps(update.args["blocks"], ensure_ascii=False)
    [vote] = feedback.store.votes()
    assert (vote["query"], vote["claim_id"], vote["helpful"], vote["user_id"]) == (QUESTION, chosen, True, None)
    # The next person asking the same way gets the helpful claim first.
    assert _claims(workspace.command(QUESTION, user_id="U0OTHER").json()["blocks"])[0] == chosen


def test_an_unanswered_question_and_a_not_helpful_click_are_gaps(
    workspace: Workspace, feedback: FeedbackService
) -> None:
    workspace.command("量子纠缠的哲学意义")
    workspace.command("help")
    workspace.command("by:nobody 开源")  # a filter that matches no speaker is a typo, not a gap
    blocks = workspace.command("开源").json()["blocks"]
    first = _claims(blocks)[0]
    workspace.click(_button(blocks, ACTION_NOT_HELPFUL, first))
    assert feedback.flush()  # unanswered questions are written in the background, after the answer
    gaps = feedback.store.gaps()
    assert sorted((g.query, g.kind, g.claim_id or "") for g in gaps) == [
        ("开源", NOT_HELPFUL, first),
        ("量子纠缠的哲学意义", NO_ANSWER, ""),
    ]
    [update] = workspace.click_responses()
    assert "知识库维护者" in json.dumps(update.args["blocks"], ensure_ascii=False)


def test_a_thread_answer_is_updated_in_place_with_chat_update(workspace: Workspace, feedback: FeedbackService) -> None:
    workspace.event(mention_event("<@UBOT> 开源社区", ts="1700000100.000100"))
    [post] = workspace.slack.calls_to("chat.postMessage")
    blocks = post.args["blocks"] if isinstance(post.args["blocks"], list) else json.loads(post.args["blocks"])
    shown = _claims(blocks)
    assert shown and _feedback_rows(blocks)[shown[0]] == [ACTION_HELPFUL, ACTION_NOT_HELPFUL]
    ts = workspace.slack.messages["CFAKECHAN1"][-1]["ts"]
    message = {"type": "message", "ts": ts, "text": post.args["text"], "blocks": blocks}
    body = block_actions_body(
        _button(blocks, ACTION_HELPFUL, shown[0]), user_id="U0READER", response_url=None, message=message
    )
    assert workspace.post(body, FORM).status == 200
    [update] = workspace.slack.calls_to("chat.update")
    assert update.args["channel"] == "CFAKECHAN1" and update.args["ts"] == ts
    updated = update.args["blocks"] if isinstance(update.args["blocks"], list) else json.loads(update.args["blocks"])
    assert _claims(updated) == shown and _feedback_rows(updated)[shown[0]] == []
    assert feedback.store.votes()[0]["surface"] == "thread"
    assert [p.claim_id for p in feedback.store.phrasings()] == [shown[0]]


def test_find_related_answers_carry_thebuttons(workspace: Workspace, feedback: FeedbackService) -> None:
    message = {"type": "message", "user": "U0AUTHOR", "text": "开源模型会追上闭源吗", "ts": "1700000200.000100"}
    body = message_shortcut_body(FIND_RELATED, message, response_url=workspace.slack.new_response_url())
    assert workspace.post(body, FORM).status == 200
    [post] = workspace.slack.calls_to("chat.postMessage")
    blocks = post.args["blocks"] if isinstance(post.args["blocks"], list) else json.loads(post.args["blocks"])
    value = json.loads(buttons(blocks)[-1]["value"])
    assert buttons(blocks)[-1]["action_id"] == ACTION_NOT_HELPFUL and value["q"] == "开源模型会追上闭源吗"
    # A message with nothing related is not a question nobody answered: no gap.
    chat = {"type": "message", "user": "U0AUTHOR", "text": "量子纠缠的哲学意义", "ts": "1700000201.000100"}
    workspace.post(message_shortcut_body(FIND_RELATED, chat, response_url=workspace.slack.new_response_url()), FORM)
    assert feedback.flush() and feedback.store.gaps() == []
    workspace.event(mention_event("<@UBOT> 量子纠缠的哲学意义", ts="1700000202.000100"))
    assert feedback.flush()
    assert [g.query for g in feedback.store.gaps()] == ["量子纠缠的哲学意义"]


def test_more_pages_carry_their_offset_and_a_click_redraws_that_page(workspace: Workspace) -> None:
    first = workspace.command("开源").json()["blocks"]
    more = next(b for b in buttons(first) if b["action_id"] == kit.ACTION_MORE)
    workspace.click(more)
    page = workspace.click_responses()[-1].args["blocks"]
    shown = _claims(page)
    assert shown and not set(shown) & set(_claims(first))
    assert json.loads(_button(page, ACTION_HELPFUL, shown[0])["value"])["o"] == 3
    workspace.click(_button(page, ACTION_HELPFUL, shown[0]))
    redrawn = workspace.click_responses()[-1].args["blocks"]
    assert _claims(redrawn) == shown and _feedback_rows(redrawn)[shown[0]] == []


def test_user_ids_are_stored_only_when_the_settings_allow(
    slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack, feedback_engine: Engine
) -> None:
    from dataclasses import replace

    from config.settings import FeedbackSettings

    settings = replace(slack_settings, feedback=FeedbackSettings(store_user_ids=True))
    feedback = FeedbackService(feedback_engine, settings.feedback)
    app = create_app(settings, tiny_corpus, SearchEngine.build(tiny_corpus), feedback=feedback)
    server = make_http_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        workspace = Workspace(f"http://127.0.0.1:{server.server_port}{EVENTS_PATH}", fake_slack, tiny_corpus)
        workspace.command("量子纠缠的哲学意义", user_id="U0ASKER")
        blocks = workspace.command("开源", user_id="U0ASKER").json()["blocks"]
        workspace.click(_button(blocks, ACTION_NOT_HELPFUL, _claims(blocks)[0]), user_id="U0VOTER")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert feedback.flush() and [v["user_id"] for v in feedback.store.votes()] == ["U0VOTER"]
    with feedback_engine.connect() as conn:
        from sqlalchemy import text

        # The asker's gap is queued to the service's background writer, the voter's written by the click itself: under
        # load either may land first, and the order is not what this test is about.
        assert sorted(r[0] for r in conn.execute(text("select user_id from feedback_gaps"))) == ["U0ASKER", "U0VOTER"]


def test_sharing_an_answer_teaches_its_question(workspace: Workspace, feedback: FeedbackService) -> None:
    blocks = workspace.command("开源社区的速度").json()["blocks"]
    claim = _claims(blocks)[0]
    share = _button(blocks, kit.ACTION_SHARE, claim)
    assert workspace.click(share, user_id="U0SHARER").status == 200
    assert len(workspace.click_responses()) == 1  # shared in the channel
    [phrasing] = feedback.store.phrasings()
    assert (phrasing.claim_id, phrasing.text, phrasing.source) == (claim, "开源社区的速度", "share")


def test_a_forged_or_stale_click_is_answered_not_recorded(workspace: Workspace, feedback: FeedbackService) -> None:
    forged = {"action_id": ACTION_HELPFUL, "value": '{"c":"no-such-claim","q":"x","o":0}', "block_id": "claim:x"}
    assert workspace.click(forged).status == 200
    broken = {"action_id": ACTION_NOT_HELPFUL, "value": "not json", "block_id": "claim:x"}
    assert workspace.click(broken).status == 200
    notes = [c.args["text"] for c in workspace.click_responses()]
    assert len(notes) == 2 and all("不在知识库中" in n for n in notes)
    assert feedback.store.votes() == [] and feedback.store.gaps() == []


def test_without_a_database_answers_have_no_feedbackbuttons(
    slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack
) -> None:
    from bot.listeners.common import Lundao

    lundao = Lundao(slack_settings, tiny_corpus, SearchEngine.build(tiny_corpus))
    blocks = lundao.answer("开源").block_dicts()
    assert _claims(blocks) and not [
        b for b in buttons(blocks) if b["action_id"] in (ACTION_HELPFUL, ACTION_NOT_HELPFUL)
    ]
