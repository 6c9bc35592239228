"""Message shortcut "Save as insight": opens the save modal, prefilled from the message.

The quote is the message's text as a person reads it (mentions and links resolved); the speaker
defaults to the message's author as a new person, or to the registry person of that name. A message
already saved gets a modal saying so instead of a second form.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.listeners.common import Lundao
from bot.mrkdwn import escape
from bot.team.blocks import SAVE_CALLBACK, notice_modal, save_modal
from bot.team.markup import mentioned_users, readable
from bot.team.service import SavedMessage
from bot.team.texts import text

SAVE_INSIGHT = "save_insight"
"""The callback id, as in config/slack-manifest.yaml."""
MAX_NAME_LOOKUPS = 10
NAME_LOOKUP_SECONDS = 1.0
"""users.info lookups stop after this long: the modal must open with the shortcut's trigger id, which
Slack honours for 3 seconds, so a slow or rate-limited Slack shows unresolved mentions as ids instead."""
MAX_MESSAGE_TEXT = 2500
"""What of a long message rides in the modal's private_metadata (3,000 characters with the rest)."""


def user_name(client: WebClient, user_id: str, logger: logging.Logger) -> str | None:
    """The name Slack shows for ``user_id`` (display name, else real name), or None when it cannot tell."""
    try:
        user = client.users_info(user=user_id).get("user") or {}
    except SlackApiError as exc:
        logger.info("users.info failed for %s: %s", user_id, exc.response.get("error"))
        return None
    profile = user.get("profile") or {}
    return (
        str(profile.get("display_name") or user.get("real_name") or profile.get("real_name") or user.get("name") or "")
        or None
    )


def open_view(client: WebClient, trigger_id: str, view: dict[str, Any], logger: logging.Logger) -> None:
    try:
        client.views_open(trigger_id=trigger_id, view=view)
    except SlackApiError as exc:
        logger.warning("views.open failed: %s", exc.response.get("error"))


def open_notice(client: WebClient, trigger_id: str, lang: str, key: str, logger: logging.Logger) -> None:
    """A pop-up saying ``key``'s text (bot.team.texts) under the app's usual title."""
    open_view(client, trigger_id, notice_modal(lang, "modal_title", text(lang, key)), logger)


def make_save_insight(lundao: Lundao) -> Callable[..., None]:
    def save_insight(ack: Ack, body: dict[str, Any], client: WebClient, logger: logging.Logger) -> None:
        ack()
        lang = lundao.settings.language
        trigger_id = str(body.get("trigger_id") or "")
        team = lundao.team
        if team is None:
            open_notice(client, trigger_id, lang, "team_off", logger)
            return
        message = body.get("message") or {}
        raw = str(message.get("text") or "")
        channel_id = str((body.get("channel") or {}).get("id") or "")
        message_ts = str(message.get("ts") or body.get("message_ts") or "")
        if not raw.strip() or not channel_id or not message_ts:
            open_notice(client, trigger_id, lang, "empty_message", logger)
            return
        try:
            existing = team.store.by_message(channel_id, message_ts)
        except SQLAlchemyError:
            existing = None  # the submission will say whether the database is back
        if existing is not None:
            body_text = team.already_saved_text(existing, "already_body")
            open_view(client, trigger_id, notice_modal(lang, "already_title", body_text), logger)
            return
        author_id = str(message.get("user") or message.get("bot_id") or "unknown")
        names: dict[str, str] = {}
        deadline = time.monotonic() + NAME_LOOKUP_SECONDS
        for user_id in dict.fromkeys([author_id, *mentioned_users(raw)][:MAX_NAME_LOOKUPS]):
            if time.monotonic() >= deadline:
                logger.info("save_insight: names not looked up after %.1f s, shown as ids", NAME_LOOKUP_SECONDS)
                break
            name = user_name(client, user_id, logger) if user_id[:1] in "UW" else None
            if name:
                names[user_id] = name
        author_name = names.get(author_id) or str(message.get("username") or author_id)
        saved = SavedMessage(channel_id, message_ts, author_id, author_name, readable(raw, names)[:MAX_MESSAGE_TEXT])
        speakers, speaker = team.speaker_choices(lundao.corpus, saved)
        view = save_modal(
            lang,
            callback_id=SAVE_CALLBACK,
            metadata=saved.metadata(),
            quote=saved.text,
            speakers=speakers,
            speaker=speaker,
            topics=team.topic_choices(lundao.corpus),
            context=text(lang, "source_line", author=escape(author_id), channel=escape(channel_id)),
        )
        open_view(client, trigger_id, view, logger)

    return save_insight
