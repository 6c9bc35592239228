"""The save and edit modals' submissions: checked, stored, answered in the modal.

Every problem is answered with ``response_action: errors`` on its field, so Slack keeps the modal
open with everything typed in it: a submission is never lost, not even when the database is down.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.listeners.common import Lundao
from bot.listeners.views.home import publish_home
from bot.mrkdwn import escape
from bot.team.blocks import notice_modal
from bot.team.service import Invalid, SavedMessage, state_values
from bot.team.texts import text


def _metadata(view: dict[str, Any]) -> dict[str, Any]:
    try:
        data = json.loads(view.get("private_metadata") or "{}")
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def permalink(client: WebClient, channel_id: str, message_ts: str, logger: logging.Logger) -> str | None:
    try:
        found = client.chat_getPermalink(channel=channel_id, message_ts=message_ts).get("permalink")
    except SlackApiError as exc:
        logger.warning("chat.getPermalink failed: %s", exc.response.get("error"))
        return None
    return str(found) if found else None


def make_save_submitted(lundao: Lundao) -> Callable[..., None]:
    def save_submitted(
        ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, logger: logging.Logger
    ) -> None:
        lang = lundao.settings.language
        team = lundao.team
        message = SavedMessage.from_metadata(_metadata(view))
        if team is None or message is None:
            ack(response_action="errors", errors={"summary": text(lang, "err_message_gone")})
            return
        values = state_values(view)
        user_id = str((body.get("user") or {}).get("id") or "")
        try:
            team.check(lundao.corpus, values, message.text)  # before asking Slack for the permalink
            link = permalink(client, message.channel_id, message.message_ts, logger)
            saved = team.save(lundao.corpus, message, values, saved_by=user_id, permalink=link)
        except Invalid as invalid:
            ack(response_action="errors", errors=invalid.errors)
            return
        quote = "\n>".join(escape(saved.text).splitlines())
        ack(response_action="update", view=notice_modal(lang, "saved_title", text(lang, "saved_body", text=quote)))

    return save_submitted


def make_edit_submitted(lundao: Lundao) -> Callable[..., None]:
    def edit_submitted(
        ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, logger: logging.Logger
    ) -> None:
        lang = lundao.settings.language
        team = lundao.team
        claim_id = str(_metadata(view).get("id") or "")
        try:
            row = team.store.get(claim_id) if team is not None and claim_id else None
        except SQLAlchemyError:
            ack(response_action="errors", errors={"summary": text(lang, "err_database")})
            return
        if team is None or row is None or row.status != "pending":
            ack(response_action="errors", errors={"summary": text(lang, "review_gone")})
            return
        try:
            edited = team.edit(lundao.corpus, row, state_values(view))
        except Invalid as invalid:
            ack(response_action="errors", errors=invalid.errors)
            return
        if edited is None:
            ack(response_action="errors", errors={"summary": text(lang, "review_gone")})
            return
        ack()
        publish_home(lundao, client, str((body.get("user") or {}).get("id") or ""), logger)

    return edit_submitted
