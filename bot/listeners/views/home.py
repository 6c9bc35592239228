"""The App Home tab, with the curators' review section when the user is a curator.

One function publishes it for both the ``app_home_opened`` event and the review buttons (which
publish it again so the reviewed claim leaves the list).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import SQLAlchemyError

from bot import blocks as kit
from bot.listeners.commands.insight import is_workspace_admin
from bot.listeners.common import Lundao
from bot.team.blocks import review_blocks, with_section

PENDING_COUNTED = 100


def is_curator(lundao: Lundao, client: WebClient, user_id: str, logger: logging.Logger) -> bool:
    team = lundao.team
    if team is None or not user_id:
        return False
    # users.info only when the answer depends on it: a curators list in the settings decides alone.
    admin = False if lundao.settings.curators else is_workspace_admin(client, user_id, logger)
    return team.is_curator(user_id, admin)


def curator_section(lundao: Lundao, logger: logging.Logger) -> list[dict[str, Any]]:
    """Pending claims with Approve / Edit / Reject, then any extra blocks (``TeamService.extra_home_blocks``)."""
    team = lundao.team
    if team is None:
        return []
    try:
        pending = team.store.pending(limit=PENDING_COUNTED)
    except SQLAlchemyError as exc:
        logger.warning("team: cannot list pending claims: %s", type(exc).__name__)
        return []
    corpus = lundao.corpus
    speakers = {p.id: p.zh for p in corpus.people.values()}
    topics = {t.id: t.zh if lundao.settings.language == "zh" else t.en for t in corpus.topics.values()}
    section = review_blocks(lundao.settings.language, pending, speakers, topics)
    if team.extra_home_blocks is not None:
        section.extend(team.extra_home_blocks())
    return section


def publish_home(lundao: Lundao, client: WebClient, user_id: str, logger: logging.Logger) -> None:
    view: dict[str, Any] = kit.home_view(
        lundao.corpus,
        lundao.strings,
        today=lundao.todays_claim(None),
        command=lundao.command,
        bot_name=lundao.settings.bot_name,
        page_size=lundao.settings.results_per_page,
    ).to_dict()
    if is_curator(lundao, client, user_id, logger):
        view = with_section(view, curator_section(lundao, logger))
    try:
        client.views_publish(user_id=user_id, view=view)
    except SlackApiError as exc:
        logger.warning("views.publish failed: %s", exc.response.get("error"))
