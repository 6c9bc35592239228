"""The review buttons in the curators' App Home: Approve, Edit, Reject.

Approve serves the claim in this process at once (and in the others within their check interval),
Reject drops it; either way the person who saved it gets a DM and the curator's Home is published
again. Edit opens the save modal again, prefilled with the pending claim.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot.listeners.common import Lundao
from bot.listeners.shortcuts.save_insight import open_notice, open_view
from bot.listeners.views.home import is_curator, publish_home
from bot.team.blocks import EDIT_CALLBACK, PERSON_PREFIX, save_modal
from bot.team.service import SavedMessage, TeamService
from bot.team.store import TeamClaim


def send_dm(client: WebClient, user_id: str, message: str, logger: logging.Logger) -> None:
    """A DM from the app to ``user_id`` (conversations.open, then chat.postMessage)."""
    try:
        channel = (client.conversations_open(users=user_id).get("channel") or {}).get("id") or user_id
        client.chat_postMessage(channel=str(channel), text=message)
    except SlackApiError as exc:
        logger.warning("team: could not DM %s: %s", user_id, exc.response.get("error"))


@dataclass(frozen=True)
class _Click:
    """A curator's click on a review button: the claim it is about, who clicked, and where to answer."""

    team: TeamService
    claim_id: str
    user_id: str
    trigger_id: str


def _curator_click(lundao: Lundao, body: dict[str, Any], client: WebClient, logger: logging.Logger) -> _Click | None:
    """The click, or None when the app has no team's insights or the user is not a curator (they are told)."""
    action = (body.get("actions") or [{}])[0]
    user_id = str((body.get("user") or {}).get("id") or "")
    trigger_id = str(body.get("trigger_id") or "")
    if lundao.team is None or not is_curator(lundao, client, user_id, logger):
        open_notice(client, trigger_id, lundao.settings.language, "not_curator", logger)
        return None
    return _Click(lundao.team, str(action.get("value") or ""), user_id, trigger_id)


def make_review_action(lundao: Lundao, verdict: str) -> Callable[..., None]:
    """``verdict``: approve or reject."""

    def review(ack: Ack, body: dict[str, Any], client: WebClient, logger: logging.Logger) -> None:
        ack()
        click = _curator_click(lundao, body, client, logger)
        if click is None:
            return
        team, claim_id, lang = click.team, click.claim_id, lundao.settings.language
        try:
            if verdict == "approve":
                side = lundao.search_engine.semantic
                row = team.approve(claim_id, click.user_id, lundao.corpus, side.embedder if side is not None else None)
            else:
                row = team.reject(claim_id, click.user_id)
        except SQLAlchemyError as exc:
            logger.warning("team: cannot %s %s: %s", verdict, claim_id, type(exc).__name__)
            open_notice(client, click.trigger_id, lang, "err_database", logger)
            return
        if row is None:
            open_notice(client, click.trigger_id, lang, "review_gone", logger)
        else:
            send_dm(client, row.saved_by, team.dm_text(row), logger)
        publish_home(lundao, client, click.user_id, logger)

    return review


def edit_modal(lundao: Lundao, row: TeamClaim) -> dict[str, Any]:
    team = lundao.team
    assert team is not None
    message = SavedMessage(row.channel_id, row.message_ts, row.author_id, row.author_name, row.message_text)
    speakers, _ = team.speaker_choices(lundao.corpus, message)
    return save_modal(
        lundao.settings.language,
        callback_id=EDIT_CALLBACK,
        metadata={"id": row.claim_id},
        quote=row.quote,
        speakers=speakers,
        speaker=PERSON_PREFIX + row.speaker_id if row.speaker_id else speakers[0].value,
        topics=team.topic_choices(lundao.corpus),
        chosen_topics=row.topics,
        summary=row.text,
        en=row.en,
    )


def make_edit_action(lundao: Lundao) -> Callable[..., None]:
    def edit(ack: Ack, body: dict[str, Any], client: WebClient, logger: logging.Logger) -> None:
        ack()
        click = _curator_click(lundao, body, client, logger)
        if click is None:
            return
        lang = lundao.settings.language
        try:
            row = click.team.store.get(click.claim_id)
        except SQLAlchemyError:
            open_notice(client, click.trigger_id, lang, "err_database", logger)
            return
        if row is None or row.status != "pending":
            open_notice(client, click.trigger_id, lang, "review_gone", logger)
            return
        open_view(client, click.trigger_id, edit_modal(lundao, row), logger)

    return edit
