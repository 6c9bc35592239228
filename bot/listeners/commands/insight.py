"""The slash command (``/insight`` by default): a router over its sub-commands.

Slack waits at most 3 seconds for the acknowledgement, and a burst of commands queues behind every
slow one. So the ack is what needs nothing slow: help, random and topics are answered in it; a
question (a search and its query embedding), today (the digest's database) and subscribe (users.info
and the database) are acknowledged empty at once and answered on another thread through the
command's ``response_url`` (the same ephemeral message), which needs no bot in the channel. When the
response_url cannot be used the answer goes by ``chat.postEphemeral`` instead (``send_answer``).
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.webhook import WebhookClient

from bot.listeners.common import Lundao, Reply
from bot.mrkdwn import escape, truncate_plain
from config.settings import TIME_PATTERN

_HELP = {"", "help", "帮助", "?", "？", "usage", "用法"}
_TODAY = {"today", "今日", "今天"}
_RANDOM = {"random", "随机"}
_TOPICS = {"topics", "话题", "topic"}
_SUBSCRIBE = {"subscribe", "订阅"}
_UNSUBSCRIBE = {"unsubscribe", "退订", "取消订阅"}
_WEEKDAYS = {"weekdays", "weekday", "工作日"}
_DAILY = {"daily", "everyday", "每天", "每日"}
RESPONSE_URL_TIMEOUT = 10
"""Seconds to wait for Slack to take an answer posted to a response_url (as the Share button does)."""
_WEBHOOK_LOG = logging.getLogger("lundao.slack.response_url")
# slack_sdk's webhook client logs an error of its own before raising; ``send_answer``'s one line says it all.
_WEBHOOK_LOG.setLevel(logging.CRITICAL)


def parse_subscribe(words: list[str]) -> tuple[str | None, bool | None, str | None]:
    """``[HH:MM] [weekdays|daily]`` → (time, weekdays_only, the first word not understood)."""
    time: str | None = None
    weekdays_only: bool | None = None
    for word in words:
        lowered = word.lower()
        # NFKC: a full-width colon or digits (０９：３０, typed with a Chinese IME) read as 09:30.
        match = TIME_PATTERN.match(unicodedata.normalize("NFKC", word))
        if match and time is None:
            time = f"{int(match.group(1)):02d}:{match.group(2)}"
        elif lowered in _WEEKDAYS and weekdays_only is None:
            weekdays_only = True
        elif lowered in _DAILY and weekdays_only is None:
            weekdays_only = False
        else:
            return None, None, word
    return time, weekdays_only, None


def is_workspace_admin(client: WebClient, user_id: str, logger: logging.Logger) -> bool:
    """Whether Slack says the user is an admin or owner; False when it cannot tell."""
    try:
        user = client.users_info(user=user_id).get("user") or {}
    except SlackApiError as exc:
        logger.warning("users.info failed for the digest permission check: %s", exc.response.get("error"))
        return False
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))


def _words(command: dict[str, Any]) -> list[str]:
    return str(command.get("text") or "").split()


def answered_in_ack(command: dict[str, Any]) -> bool:
    """help, random and topics: built from the knowledge base in memory, no search, database or Web API call."""
    words = _words(command)
    first = words[0].lower() if words else ""
    return (len(words) <= 1 and first in _HELP) or (len(words) == 1 and first in _RANDOM | _TOPICS)


def answered_later(text: str) -> bool:
    """Whether the router acknowledges a command with this text empty and answers it later (a question,
    today, subscribe...): what ``bot.server.SlackGate``'s fast ack asks, so that the two never disagree."""
    return not answered_in_ack({"text": text})


# The answers after the ack search one at a time in a process. The query embedding already runs one at a time
# (one model handle) and the rest of a search is Python under the GIL, so several at once gain nothing; they
# only crowd the request threads that send the acks. Measured (bench/slash_load.py, quiet 2-core machine,
# 1000 questions each): ack p99 at concurrency 10 / 50 was 59.0 / 421.6 ms with the pool's 8 searching at
# once and 17.2 / 43.0 ms one at a time, the answers' own p99 160.6 / 590.1 ms against 114.1 / 467.4 ms.
_ONE_SEARCH_AT_A_TIME = threading.Lock()
ACKED_BY_GATE = "lundao_acked_by_gate"
"""Set in the Bolt context of a command ``SlackGate`` has already acknowledged (an empty 200, see
``bot.server.FastAck``) and dispatches on the answer pool once that ack is written: answer it here and now."""
SEND_AFTER_DISPATCH = "lundao_send_after_dispatch"
"""Where the gate puts, in the same context, a list of what to call once Bolt's dispatch returns: the answer's post
goes there, so the user (who may ask again at once) gets it only when Bolt's own work on this request is done."""


def quick_reply(lundao: Lundao, command: dict[str, Any]) -> Reply | None:
    """The answer when ``answered_in_ack``, else None."""
    if not answered_in_ack(command):
        return None
    words = _words(command)
    first = words[0].lower() if words else ""
    if first in _RANDOM:
        return lundao.random_reply()
    if first in _TOPICS:
        return lundao.topics_reply()
    return lundao.help_reply()


def route(lundao: Lundao, command: dict[str, Any], client: WebClient, logger: logging.Logger) -> Reply:
    quick = quick_reply(lundao, command)
    if quick is not None:
        return quick
    text = str(command.get("text") or "").strip()
    words = text.split()
    first = words[0].lower() if words else ""
    if len(words) == 1 and first in _TODAY:
        return lundao.today_reply(command.get("channel_id"))
    if first in _SUBSCRIBE or (len(words) == 1 and first in _UNSUBSCRIBE):
        return manage_digest(lundao, command, words, client, logger)
    return lundao.answer(text, user_id=str(command.get("user_id") or "") or None)


def manage_digest(
    lundao: Lundao, command: dict[str, Any], words: list[str], client: WebClient, logger: logging.Logger
) -> Reply:
    strings = lundao.strings
    digest = lundao.digest
    if digest is None:
        return lundao.text_reply(strings("digest_disabled"))
    channel_id = str(command.get("channel_id") or "")
    user_id = str(command.get("user_id") or "")
    subscribing = words[0].lower() in _SUBSCRIBE
    time, weekdays_only, unknown = parse_subscribe(words[1:]) if subscribing else (None, None, None)
    if unknown is not None:
        return lundao.text_reply(
            strings("bad_subscribe", token=escape(truncate_plain(unknown, 60)), command=escape(lundao.command))
        )
    if not digest.can_manage(user_id, is_workspace_admin(client, user_id, logger)):
        return lundao.text_reply(strings("not_allowed"))
    try:
        if subscribing:
            confirmation = digest.subscribe(channel_id, time=time, weekdays_only=weekdays_only)
        else:
            confirmation = digest.unsubscribe(channel_id)
    except ValueError as exc:
        # The service's message may repeat what the user typed: escape it.
        return lundao.text_reply(strings("subscribe_failed", reason=escape(str(exc))))
    return lundao.text_reply(confirmation)


def send_answer(client: WebClient, command: dict[str, Any], reply: Reply, logger: logging.Logger) -> bool:
    """Post ``reply`` privately to whoever typed ``command``: to its response_url, else by chat.postEphemeral.

    Neither post is re-sent on its own (no retry handlers; chat.postEphemeral is never retried by the
    app's client). The fallback runs after any failure of the response_url, an unanswered one included:
    the ack was empty, so a lost answer is silence, while a duplicate after an ambiguous timeout is
    one more private message only the asker sees. One log line per answer that did not go the usual way.
    """
    response_url = str(command.get("response_url") or "")
    failure = "no response_url"
    if response_url:
        webhook = WebhookClient(response_url, timeout=RESPONSE_URL_TIMEOUT, retry_handlers=[], logger=_WEBHOOK_LOG)
        try:
            response = webhook.send(text=reply.text, blocks=reply.block_dicts(), response_type="ephemeral")
        except (OSError, SlackClientError) as exc:
            failure = type(exc).__name__
        else:
            if response.status_code == 200:
                return True
            # 404: older than 30 minutes or used 5 times; 5xx: Slack could not take it.
            failure = f"HTTP {response.status_code}"
    channel_id, user_id = str(command.get("channel_id") or ""), str(command.get("user_id") or "")
    try:
        client.chat_postEphemeral(channel=channel_id, user=user_id, text=reply.text, blocks=reply.block_dicts())
    except (SlackApiError, SlackClientError, OSError) as exc:
        error = exc.response.get("error") if isinstance(exc, SlackApiError) else type(exc).__name__
        logger.warning(
            "the slash command's answer was lost: response_url (%s), chat.postEphemeral (%s)", failure, error
        )
        return False
    logger.warning("the slash command's answer went by chat.postEphemeral: response_url failed (%s)", failure)
    return True


def _reply_or_apology(lundao: Lundao, command: dict[str, Any], client: WebClient, logger: logging.Logger) -> Reply:
    try:
        return route(lundao, command, client, logger)
    except Exception:
        # Never leave the user with Slack's "operation_timeout" or silence: say something went wrong.
        logger.exception("the slash command failed")
        return lundao.text_reply(lundao.strings("internal_error"))


def make_insight_command(lundao: Lundao) -> Callable[..., None]:
    """The listener: the answer in the ack when it is cheap, else an empty ack and the answer on ``lundao.answers``.

    Not Bolt's ``lazy=`` listeners: Bolt deep-copies and re-parses the whole request for each on the ack's
    thread (0.4-0.5 ms of CPU per command, three times what the bare ack costs: ``bench/ack_cpu.py``);
    the answer needs only the command's fields.

    A question that reaches it flagged ``ACKED_BY_GATE`` was acknowledged by ``SlackGate`` before Bolt (the
    same empty 200, for a fraction of the CPU) and is dispatched here after that ack: it is answered inline.
    """

    def searched_reply(command: dict[str, Any], client: WebClient, logger: logging.Logger) -> Reply:
        with _ONE_SEARCH_AT_A_TIME:  # posting waits on Slack, not on the CPU: the caller posts outside the lock
            return _reply_or_apology(lundao, command, client, logger)

    def answer(command: dict[str, Any], client: WebClient, logger: logging.Logger) -> None:
        try:
            send_answer(client, command, searched_reply(command, client, logger), logger)
        except Exception:  # nobody waits on this thread's result: say it here
            logger.exception("the slash command's answer failed")

    def insight_command(
        ack: Ack, command: dict[str, Any], client: WebClient, logger: logging.Logger, context: BoltContext
    ) -> None:
        if context.get(ACKED_BY_GATE):
            # Slack has its empty ack already and this runs on the answer pool: Bolt's response goes nowhere.
            ack()
            later = context.get(SEND_AFTER_DISPATCH)
            if isinstance(later, list):
                # The gate posts it once Bolt's dispatch returns, and logs anything that goes wrong there.
                answer_reply = searched_reply(command, client, logger)
                later.append(lambda: send_answer(client, command, answer_reply, logger))
            else:
                answer(command, client, logger)
            return
        try:
            reply = quick_reply(lundao, command)
        except Exception:
            logger.exception("the slash command failed")
            reply = lundao.text_reply(lundao.strings("internal_error"))
        if reply is not None:
            ack(text=reply.text, blocks=reply.block_dicts(), response_type="ephemeral")
            return
        ack()  # an empty 200: Slack shows nothing until the answer comes through the response_url
        if lundao.answers is None:
            answer(command, client, logger)
        else:
            lundao.answers.submit(answer, dict(command), client, logger)

    return insight_command
