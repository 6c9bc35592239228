"""The Slack app end to end: signed requests through the real HTTP adapter, a fake Web API behind it.

Each test starts the app's WSGI server on a free local port and the fake Slack Web API
(bot/fake_slack.py), sends what Slack would send (slash command form bodies, event JSON,
interactive ``payload=``), and checks the HTTP answer and the Web API calls the app made.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from bot import blocks as kit
from bot.app import create_app
from bot.fake_slack import BOT_ID, BOT_USER_ID, FakeSlack, FakeUser
from bot.slack_payloads import (
    FORM,
    mention_event,
    signed_headers,
    slash_command_body,
)
from config.settings import Settings
from knowledge.models import Claim, Corpus
from knowledge.search import SearchEngine
from tests.bot.http_support import TODAY, Workspace, buttons, serve, served, shown_ids, texts
from tests.support import SIGNING_SECRET


@dataclass
class FakeDigest:
    """The DigestService contract, recording what the app asked of it."""

    corpus: Corpus
    thread_claims: dict[tuple[str, str], str] = field(default_factory=dict)
    admins: set[str] = field(default_factory=set)
    calls: list[tuple[str, Any]] = field(default_factory=list)

    def todays_claim(self, channel_id: str | None, on: dt.date | None = None) -> Claim | None:
        self.calls.append(("todays_claim", (channel_id, on)))
        return self.corpus.claim("compute-shortage")

    def subscribe(self, channel_id: str, *, time: str | None, weekdays_only: bool | None) -> str:
        self.calls.append(("subscribe", (channel_id, time, weekdays_only)))
        if time == "23:59":
            raise ValueError("时间 <23:59> 太晚了")
        return f"subscribed {channel_id} at {time or 'default'}"

    def unsubscribe(self, channel_id: str) -> str:
        self.calls.append(("unsubscribe", channel_id))
        return f"unsubscribed {channel_id}"

    def can_manage(self, user_id: str, is_workspace_admin: bool) -> bool:
        self.calls.append(("can_manage", (user_id, is_workspace_admin)))
        return is_workspace_admin or user_id in self.admins

    def thread_claim(self, channel_id: str, thread_ts: str) -> Claim | None:
        claim_id = self.thread_claims.get((channel_id, thread_ts))
        return self.corpus.claim(claim_id) if claim_id else None


@pytest.fixture
def workspace(slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack) -> Iterator[Workspace]:
    yield from serve(slack_settings, tiny_corpus, fake_slack, None)


@pytest.fixture
def digest(tiny_corpus: Corpus) -> FakeDigest:
    return FakeDigest(tiny_corpus)


@pytest.fixture
def digest_workspace(
    slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack, digest: FakeDigest
) -> Iterator[Workspace]:
    yield from serve(slack_settings, tiny_corpus, fake_slack, digest)


def _search_ids(corpus: Corpus, query: str, limit: int = 3, offset: int = 0) -> list[str]:
    return [h.claim.id for h in SearchEngine.build(corpus).search(query, limit=limit, offset=offset).hits]


# --- the slash command ----------------------------------------------------------------------------


def test_a_question_is_acked_empty_and_answered_privately_at_its_response_url(
    workspace: Workspace, tiny_corpus: Corpus
) -> None:
    expected = _search_ids(tiny_corpus, "开源")
    assert expected, "the tiny corpus should have answers about 开源"
    response_url = workspace.slack.new_response_url()
    ack = workspace.post(slash_command_body("开源", response_url=response_url), FORM)
    assert (ack.status, ack.body) == (200, "")
    posted = workspace.slack.wait_for("response_url", path=urllib.parse.urlparse(response_url).path)
    assert posted is not None
    body = posted.args
    assert body["response_type"] == "ephemeral"
    assert shown_ids(body["blocks"]) == expected
    shown = "\n".join(texts(body["blocks"]))
    for claim_id in expected:
        claim = tiny_corpus.claim(claim_id)
        assert claim is not None and claim.text in shown and claim.en in shown
    # Nothing was posted anywhere else: no message in the channel, no second copy.
    assert [c.method for c in workspace.slack.calls if c.method != "auth.test"] == ["response_url"]


def test_help_random_and_topics_are_answered_in_the_ack_itself(workspace: Workspace) -> None:
    for text in ("", "help", "random", "topics"):
        ack = workspace.post(slash_command_body(text, response_url=workspace.slack.new_response_url()), FORM)
        assert ack.status == 200 and ack.json()["response_type"] == "ephemeral" and ack.json()["blocks"]
    assert [c.method for c in workspace.slack.calls if c.method != "auth.test"] == []


def test_a_question_is_acknowledged_before_anything_is_searched(
    slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = SearchEngine.build(tiny_corpus)
    search = engine.search
    acked = threading.Event()
    searched_after_the_ack: list[bool] = []

    def search_once_acked(*args: Any, **kwargs: Any) -> Any:
        # Were the search on the ack's path, the ack could not have come back yet: this waits in vain.
        searched_after_the_ack.append(acked.wait(timeout=10))
        return search(*args, **kwargs)

    monkeypatch.setattr(engine, "search", search_once_acked)
    for workspace in serve(slack_settings, tiny_corpus, fake_slack, None, engine):
        response_url = fake_slack.new_response_url()
        ack = workspace.post(slash_command_body("开源", response_url=response_url), FORM)
        acked.set()
        assert (ack.status, ack.body) == (200, "")
        posted = fake_slack.wait_for("response_url", path=urllib.parse.urlparse(response_url).path)
        assert posted is not None and shown_ids(posted.args["blocks"])
    assert searched_after_the_ack == [True]


@contextlib.contextmanager
def _drained_app(settings: Settings, corpus: Corpus) -> Iterator[tuple[Workspace, FakeSlack]]:
    """The app with its own answer pool, which is drained on the way out: every answer has been sent."""
    slack = FakeSlack().start()
    answers = ThreadPoolExecutor(2)
    try:
        app = create_app(
            replace(settings, api_base_url=slack.api_url), corpus, SearchEngine.build(corpus), listener_executor=answers
        )
        with served(app) as url:
            yield Workspace(url, slack, corpus), slack
            answers.shutdown(wait=True)
    finally:
        answers.shutdown(wait=True)
        slack.stop()


def test_an_answer_taken_by_the_response_url_is_not_sent_again(slack_settings: Settings, tiny_corpus: Corpus) -> None:
    with _drained_app(slack_settings, tiny_corpus) as (workspace, slack):
        assert shown_ids(workspace.command("开源").json()["blocks"])
    assert len(slack.calls_to("response_url")) == 1 and slack.calls_to("chat.postEphemeral") == []


@pytest.mark.parametrize(
    "failure",
    [{"status": 404, "error": "expired_url"}, {"status": 500}, {"drop": True}],
    ids=["expired", "server-error", "no-answer"],
)
def test_an_answer_the_response_url_refused_goes_by_chat_post_ephemeral_once(
    slack_settings: Settings, tiny_corpus: Corpus, failure: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    with _drained_app(slack_settings, tiny_corpus) as (workspace, slack):
        slack.fail_next("response_url", **failure)
        response_url = slack.new_response_url()
        body = slash_command_body("<!channel> 开源", user_id="U0ASKER", channel_id="C0ASKED", response_url=response_url)
        ack = workspace.post(body, FORM)
        assert (ack.status, ack.body) == (200, "")
    (refused,) = slack.calls_to("response_url")
    (fallback,) = slack.calls_to("chat.postEphemeral")
    assert fallback.args["channel"] == "C0ASKED" and fallback.args["user"] == "U0ASKER"
    # The same message the response_url was given: blocks (with their buttons) and text, the question escaped.
    blocks = fallback.args["blocks"]
    assert (json.loads(blocks) if isinstance(blocks, str) else blocks) == refused.args["blocks"]
    assert fallback.args["text"] == refused.args["text"]
    assert shown_ids(refused.args["blocks"]) and "<!channel>" not in "".join(texts(refused.args))
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "chat.postEphemeral" in warnings[0].getMessage() and not warnings[0].exc_info


def test_an_answer_nobody_would_take_is_logged_once_without_a_crash(
    slack_settings: Settings, tiny_corpus: Corpus, caplog: pytest.LogCaptureFixture
) -> None:
    with _drained_app(slack_settings, tiny_corpus) as (workspace, slack):
        slack.fail_next("response_url", status=404)
        slack.fail_next("chat.postEphemeral", error="channel_not_found")
        assert workspace.post(slash_command_body("开源", response_url=slack.new_response_url()), FORM).status == 200
    assert len(slack.calls_to("response_url")) == 1 and len(slack.calls_to("chat.postEphemeral")) == 1
    lost = [r for r in caplog.records if "lost" in r.getMessage()]
    assert len(lost) == 1 and "channel_not_found" in lost[0].getMessage() and not lost[0].exc_info


def test_injection_in_a_query_is_escaped_in_the_reply(workspace: Workspace) -> None:
    answer = workspace.command("<!channel> <@U999> & 量子纠缠")
    text = answer.text() + answer.json()["text"]
    assert "<!channel>" not in text and "<@U999>" not in text
    assert "&lt;!channel&gt;" in text and "&amp;" in text


def test_no_confident_match_says_so_without_a_random_claim(workspace: Workspace, tiny_corpus: Corpus) -> None:
    answer = workspace.command("量子纠缠的哲学意义")
    assert answer.status == 200
    assert not buttons(answer.json()["blocks"])
    assert not any(c.text in answer.text() for c in tiny_corpus.claims)
    assert "help" in answer.text()


@pytest.mark.parametrize("text", ["", "help", "帮助"])
def test_help_shows_usage_examples_and_topics(workspace: Workspace, text: str) -> None:
    shown = workspace.command(text).text()
    assert "/insight" in shown and "开源" in shown and "算力" in shown


def test_topics_today_and_random(workspace: Workspace, tiny_corpus: Corpus) -> None:
    topics = workspace.command("topics").text()
    assert "topic:open-source" in topics and "— 4 条" in topics
    today = workspace.command("today").text()
    assert str(TODAY) in today
    assert sum(c.text in today for c in tiny_corpus.digest_claims()) == 1
    assert workspace.command("today").text() == today  # the same insight all day
    random_text = workspace.command("random").text()
    assert sum(c.text in random_text for c in tiny_corpus.claims) == 1


def test_filters_are_passed_to_the_search(workspace: Workspace, tiny_corpus: Corpus) -> None:
    expected = _search_ids(tiny_corpus, "by:李四 开源")
    assert expected and all(tiny_corpus.claim(i).speaker_id == "li-si" for i in expected)  # type: ignore[union-attr]
    assert shown_ids(workspace.command("by:李四 开源").json()["blocks"]) == expected


# --- the buttons ----------------------------------------------------------------------------------


def test_share_posts_in_channel_through_response_url_crediting_the_user(
    workspace: Workspace, tiny_corpus: Corpus
) -> None:
    blocks = workspace.command("开源").json()["blocks"]
    share = next(b for b in buttons(blocks) if b["action_id"] == kit.ACTION_SHARE)
    claim = tiny_corpus.claim(json.loads(share["value"])["c"])
    assert claim is not None
    response_url = workspace.slack.new_response_url()
    assert workspace.click(share, user_id="U0SHARER", response_url=response_url).status == 200
    posts = workspace.click_responses()
    assert len(posts) == 1 and posts[0].path == urllib.parse.urlparse(response_url).path
    message = posts[0].args
    assert message["response_type"] == "in_channel" and message["replace_original"] is False
    shown = "\n".join(texts(message["blocks"]))
    assert "<@U0SHARER>" in shown and claim.text in shown and claim.en in shown
    assert not workspace.slack.calls_to("chat.postMessage")  # works without the bot in the channel


def test_share_with_an_expired_response_url_tells_the_user(workspace: Workspace) -> None:
    blocks = workspace.command("开源").json()["blocks"]
    share = next(b for b in buttons(blocks) if b["action_id"] == kit.ACTION_SHARE)
    workspace.slack.fail_next("response_url", status=404, error="expired_url")
    assert workspace.click(share, user_id="U0SHARER").status == 200
    [note] = workspace.slack.calls_to("chat.postEphemeral")
    assert note.args["user"] == "U0SHARER" and note.args["channel"] == "CFAKECHAN1"
    assert "过期" in note.args["text"]


def test_a_share_whose_answer_was_lost_is_not_sent_again(workspace: Workspace) -> None:
    blocks = workspace.command("开源").json()["blocks"]
    share = next(b for b in buttons(blocks) if b["action_id"] == kit.ACTION_SHARE)
    workspace.slack.fail_next("response_url", drop=True, accept=True)  # shared, then the connection dropped
    assert workspace.click(share).status == 200
    assert len(workspace.click_responses()) == 1
    assert not workspace.slack.calls_to("chat.postEphemeral")  # it may well have been shared: no false alarm


def test_more_pages_through_results_replacing_the_answer(workspace: Workspace, tiny_corpus: Corpus) -> None:
    first = workspace.command("开源").json()["blocks"]
    more = next(b for b in buttons(first) if b["action_id"] == kit.ACTION_MORE)
    workspace.click(more)
    page = workspace.click_responses()[-1].args
    assert page["replace_original"] is True and page["response_type"] == "ephemeral"
    assert shown_ids(page["blocks"]) == _search_ids(tiny_corpus, "开源", offset=3)
    assert not set(shown_ids(page["blocks"])) & set(shown_ids(first))


def test_forged_button_values_get_a_message_not_a_crash(workspace: Workspace) -> None:
    for action_id, value in (
        (kit.ACTION_SHARE, "not json"),
        (kit.ACTION_SHARE, '{"c":"no-such-claim"}'),
        (kit.ACTION_MORE, '{"q":1}'),
    ):
        assert workspace.click({"action_id": action_id, "value": value, "block_id": "x"}).status == 200
    replies = workspace.click_responses()
    assert len(replies) == 3
    assert all(r.args["response_type"] == "ephemeral" and r.args["replace_original"] is False for r in replies)


def test_context_shows_quote_and_paragraph(workspace: Workspace, tiny_corpus: Corpus) -> None:
    blocks = workspace.command("闭源 可靠性").json()["blocks"]
    context = next(b for b in buttons(blocks) if b["action_id"] == kit.ACTION_CONTEXT)
    claim = tiny_corpus.claim(json.loads(context["value"])["c"])
    assert claim is not None
    workspace.click(context)
    reply = workspace.click_responses()[-1].args
    shown = "\n".join(texts(reply["blocks"]))
    paragraph = tiny_corpus.source_of(claim).paragraph_around(claim.quote)
    assert claim.quote in shown and paragraph and kit.escape(paragraph) in shown.replace("\n>", "")
    assert reply["response_type"] == "ephemeral"


# --- mentions ---------------------------------------------------------------------------------------


def test_top_level_mention_is_answered_in_its_thread(workspace: Workspace, tiny_corpus: Corpus) -> None:
    assert workspace.event(mention_event("算力 GPU", ts="1700000001.000100")).status == 200
    (post,) = workspace.slack.calls_to("chat.postMessage")
    assert post.args["thread_ts"] == "1700000001.000100" and post.args["channel"] == "CFAKECHAN1"
    expected = _search_ids(tiny_corpus, "算力 GPU")
    shown = "\n".join(texts(post.args["blocks"]))
    assert expected and all(tiny_corpus.claim(i).text in shown for i in expected)  # type: ignore[union-attr]


def test_mention_in_a_thread_answers_in_that_thread(workspace: Workspace) -> None:
    workspace.event(mention_event("开源", ts="1700000002.000200", thread_ts="1700000000.000001"))
    (post,) = workspace.slack.calls_to("chat.postMessage")
    assert post.args["thread_ts"] == "1700000000.000001"


def test_mention_without_an_answer_is_short(workspace: Workspace, tiny_corpus: Corpus) -> None:
    workspace.event(mention_event("量子纠缠的哲学意义", ts="1700000003.000300"))
    (post,) = workspace.slack.calls_to("chat.postMessage")
    assert len(post.args["blocks"]) == 1
    assert not any(c.text in post.args["text"] for c in tiny_corpus.claims)


def test_mention_in_a_digest_thread_uses_the_digest_claim(
    digest_workspace: Workspace, digest: FakeDigest, tiny_corpus: Corpus
) -> None:
    digest.thread_claims[("CFAKECHAN1", "1700000000.000009")] = "open-catch-up"
    digest_workspace.event(mention_event("有反例吗", ts="1700000004.000400", thread_ts="1700000000.000009"))
    (post,) = digest_workspace.slack.calls_to("chat.postMessage")
    shown = "\n".join(texts(post.args["blocks"]))
    related = SearchEngine.build(tiny_corpus).related("open-catch-up", limit=3)
    assert related and tiny_corpus.claim("open-catch-up").text not in shown  # type: ignore[union-attr]
    assert any(h.claim.text in shown for h in related)


def test_bots_and_the_app_itself_are_never_answered(workspace: Workspace) -> None:
    other_bot = {**mention_event("开源", ts="1700000005.000500"), "bot_id": "BOTHER", "user": "UOTHERBOT"}
    itself = {**mention_event("开源", ts="1700000006.000600"), "user": BOT_USER_ID, "bot_id": BOT_ID}
    for event in (other_bot, itself):
        assert workspace.event(event).status == 200
    assert not workspace.slack.calls_to("chat.postMessage")


def test_a_retried_delivery_never_produces_a_second_reply(workspace: Workspace) -> None:
    event = mention_event("开源", ts="1700000007.000700")
    assert workspace.event(event, event_id="Ev0RETRY1").status == 200
    assert workspace.event(event, event_id="Ev0RETRY1", retry_num=1).status == 200
    assert workspace.event(event, event_id="Ev0RETRY1", retry_num=2).status == 200
    assert len(workspace.slack.calls_to("chat.postMessage")) == 1
    workspace.event(event, event_id="Ev0OTHER2")  # a different event is answered
    assert len(workspace.slack.calls_to("chat.postMessage")) == 2


# --- the shortcut ---------------------------------------------------------------------------------


def test_shortcut_posts_related_claims_in_the_message_thread(workspace: Workspace, tiny_corpus: Corpus) -> None:
    message = {"type": "message", "user": "U2", "text": "大家觉得开源社区的迭代速度怎么样？", "ts": "1700000010.000100"}
    assert workspace.shortcut(message).status == 200
    (post,) = workspace.slack.calls_to("chat.postMessage")
    assert post.args["channel"] == "CFAKECHAN1" and post.args["thread_ts"] == "1700000010.000100"
    shown = "\n".join(texts(post.args["blocks"]))
    assert tiny_corpus.claim("open-community-speed").text in shown  # type: ignore[union-attr]


def test_shortcut_answers_privately_where_the_bot_cannot_post(workspace: Workspace) -> None:
    workspace.slack.fail_next("chat.postMessage", error="not_in_channel")
    message = {"type": "message", "user": "U2", "text": "开源", "ts": "1700000011.000100", "thread_ts": "1700000000.5"}
    assert workspace.shortcut(message, channel_id="GPRIVATE1").status == 200
    (attempt,) = workspace.slack.calls_to("chat.postMessage")
    assert attempt.args["thread_ts"] == "1700000000.5"
    (private,) = workspace.click_responses()
    assert private.args["response_type"] == "ephemeral"
    assert "开源" in "\n".join(texts(private.args["blocks"]))


def test_shortcut_falls_back_to_a_dm_when_the_response_url_fails(workspace: Workspace) -> None:
    workspace.slack.fail_next("chat.postMessage", error="channel_not_found")
    workspace.slack.fail_next("response_url", status=404, error="expired_url")
    workspace.shortcut({"type": "message", "user": "U2", "text": "开源", "ts": "1700000012.000100"})
    posts = workspace.slack.calls_to("chat.postMessage")
    assert len(posts) == 2 and posts[1].args["channel"] == "UFAKEUSER1"


def test_shortcut_on_a_digest_post_relates_to_its_claim(
    digest_workspace: Workspace, digest: FakeDigest, tiny_corpus: Corpus
) -> None:
    digest.thread_claims[("CFAKECHAN1", "1700000020.000100")] = "open-private-deploy"
    digest_workspace.shortcut({"type": "message", "bot_id": BOT_ID, "text": "今日观点", "ts": "1700000020.000100"})
    (post,) = digest_workspace.slack.calls_to("chat.postMessage")
    shown = "\n".join(texts(post.args["blocks"]))
    related = SearchEngine.build(tiny_corpus).related("open-private-deploy", limit=3)
    assert related and all(h.claim.text in shown for h in related)


# --- App Home ---------------------------------------------------------------------------------------


def test_app_home_is_published_with_today_topics_and_usage(digest_workspace: Workspace, digest: FakeDigest) -> None:
    digest_workspace.event({"type": "app_home_opened", "user": "U0HOME", "channel": "D0HOME", "tab": "home"})
    (publish,) = digest_workspace.slack.calls_to("views.publish")
    assert publish.args["user_id"] == "U0HOME"
    view = publish.args["view"] if isinstance(publish.args["view"], dict) else json.loads(publish.args["view"])
    shown = "\n".join(texts(view["blocks"]))
    assert view["type"] == "home"
    assert digest.corpus.claim("compute-shortage").text in shown  # type: ignore[union-attr]
    assert ("todays_claim", (None, TODAY)) in digest.calls
    assert "topic:open-source" in shown and "/insight" in shown
    digest_workspace.event({"type": "app_home_opened", "user": "U0HOME", "channel": "D0HOME", "tab": "messages"})
    assert len(digest_workspace.slack.calls_to("views.publish")) == 1


# --- the digest commands ----------------------------------------------------------------------------


def test_subscribe_needs_an_admin_and_passes_time_and_weekdays(digest_workspace: Workspace, digest: FakeDigest) -> None:
    digest_workspace.slack.add_user(FakeUser("U0ADMIN", is_admin=True))
    digest_workspace.slack.add_user(FakeUser("U0PLAIN"))
    refused = digest_workspace.command("subscribe 8:05 weekdays", user_id="U0PLAIN")
    assert ("can_manage", ("U0PLAIN", False)) in digest.calls
    assert not [c for c in digest.calls if c[0] == "subscribe"] and "管理员" in refused.text()
    done = digest_workspace.command("subscribe 8:05 weekdays", user_id="U0ADMIN", channel_id="C0NEWS")
    assert ("subscribe", ("C0NEWS", "08:05", True)) in digest.calls
    assert "subscribed C0NEWS at 08:05" in done.text()
    assert (
        "unsubscribed C0NEWS" in digest_workspace.command("unsubscribe", user_id="U0ADMIN", channel_id="C0NEWS").text()
    )


def test_subscribe_rejects_bad_input_with_escaped_messages(digest_workspace: Workspace, digest: FakeDigest) -> None:
    digest_workspace.slack.add_user(FakeUser("U0ADMIN", is_owner=True))
    bad = digest_workspace.command("subscribe <!here>", user_id="U0ADMIN").text()
    assert "&lt;!here&gt;" in bad and "<!here>" not in bad
    assert not [c for c in digest.calls if c[0] in ("subscribe", "can_manage")]
    failed = digest_workspace.command("subscribe 23:59", user_id="U0ADMIN").text()
    assert "&lt;23:59&gt;" in failed


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("8:05", "08:05"), ("8：05", "08:05"), ("０９：３０", "09:30"), ("23:59", "23:59")],
)
def test_subscribe_times_accept_the_full_width_colon_and_digits_of_a_chinese_keyboard(
    typed: str, expected: str
) -> None:
    from bot.listeners.commands.insight import parse_subscribe

    assert parse_subscribe([typed, "工作日"]) == (expected, True, None)
    assert parse_subscribe(["24:00"]) == (None, None, "24:00")


def test_without_a_digest_subscribe_says_it_is_not_enabled(workspace: Workspace) -> None:
    assert "没有启用" in workspace.command("subscribe 09:00").text()


# --- signatures, retries and failures of the Web API -----------------------------------------------


def test_bad_signature_or_stale_timestamp_is_rejected_with_401(workspace: Workspace) -> None:
    body = slash_command_body("开源")
    assert workspace.post(body, FORM, secret="wrong-secret").status == 401
    assert workspace.post(body, FORM, timestamp=int(time.time()) - 60 * 10).status == 401
    tampered = signed_headers(SIGNING_SECRET, body, FORM)
    request = urllib.request.Request(workspace.url, data=(body + "x").encode(), headers=tampered, method="POST")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=10)
    assert error.value.code == 401
    assert workspace.post(body, FORM).status == 200


def test_rate_limit_is_retried_after_retry_after(workspace: Workspace) -> None:
    workspace.slack.fail_next("chat.postMessage", status=429, retry_after=0)
    workspace.event(mention_event("开源", ts="1700000030.000100"))
    attempts = workspace.slack.calls_to("chat.postMessage")
    assert len(attempts) == 2 and attempts[0].args == attempts[1].args


def test_a_reply_that_met_500s_asks_slack_to_redeliver_and_the_retry_posts_it_once(workspace: Workspace) -> None:
    event = mention_event("开源", ts="1700000031.000100")
    workspace.slack.fail_next("chat.postMessage", status=500, times=2)
    assert workspace.event(event, event_id="Ev0FIVEHUNDRED").status == 503  # Slack retries a non-2xx
    # Before each new attempt the thread was read back (a 500 may come after the post).
    assert len(workspace.slack.calls_to("conversations.replies")) == 2
    assert workspace.event(event, event_id="Ev0FIVEHUNDRED", retry_num=1).status == 200
    assert len(workspace.slack.messages["CFAKECHAN1"]) == 1
    assert workspace.event(event, event_id="Ev0FIVEHUNDRED", retry_num=2).status == 200
    assert len(workspace.slack.messages["CFAKECHAN1"]) == 1
    workspace.slack.clear()
    assert workspace.command("开源").status == 200  # the app keeps answering


def test_english_ui(slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack) -> None:
    for space in serve(replace(slack_settings, language="en"), tiny_corpus, fake_slack, None):
        shown = space.command("开源").text()
        assert "Insights about" in shown and "分享到频道" not in shown
        assert "no confident answer" in space.command("量子纠缠的哲学意义").text()
