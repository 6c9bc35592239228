"""The slash command (``/insight`` by default): a router over its sub-commands, answered in the ack.

With ``process_before_response`` the answer is the acknowledgement itself (ephemeral), so the user
sees it within Slack's 3 seconds and nothing needs the bot to be in the channel.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

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


def route(lundao: Lundao, command: dict[str, Any], client: WebClient, logger: logging.Logger) -> Reply:
    text = str(command.get("text") or "").strip()
    words = text.split()
    first = words[0].lower() if words else ""
    if len(words) <= 1 and first in _HELP:
        return lundao.help_reply()
    if len(words) == 1 and first in _TODAY:
        return lundao.today_reply(command.get("channel_id"))
    if len(words) == 1 and first in _RANDOM:
        return lundao.random_reply()
    if len(words) == 1 and first in _TOPICS:
        return lundao.topics_reply()
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


def make_insight_command(lundao: Lundao) -> Callable[..., None]:
    def insight_command(ack: Ack, command: dict[str, Any], client: WebClient, logger: logging.Logger) -> None:
        try:
            reply = route(lundao, command, client, logger)
        except Exception:
            # Never leave the user with Slack's "operation_timeout": say something went wrong.
            logger.exception("the slash command failed")
            reply = lundao.text_reply(lundao.strings("internal_error"))
        ack(text=reply.text, blocks=reply.block_dicts(), response_type="ephemeral")

    return insight_command
