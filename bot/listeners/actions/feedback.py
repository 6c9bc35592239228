"""Helpful / Not helpful on an answer: record the click, then thank the user in the answer itself.

The answer is kept: a message Slack sends back with the click (a thread answer in the channel) is
edited in place with ``chat.update``; an ephemeral results page, which Slack does not send back, is
redrawn from the button's query and offset and replaces itself through ``response_url``. Either way
only the clicked claim's row changes: its two buttons become a thank-you.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.feedback.texts import text
from bot.feedback_blocks import acknowledge, thanks_text
from bot.listeners.actions.buttons import button_value
from bot.listeners.common import Lundao


def _tell(
    respond: Respond | None, body: dict[str, Any], client: WebClient, message: str, logger: logging.Logger
) -> None:
    """A private note beside the answer: through response_url, else ephemeral in the channel."""
    if respond is not None and body.get("response_url"):
        respond(text=message, response_type="ephemeral", replace_original=False)
        return
    user_id = str((body.get("user") or {}).get("id") or "")
    channel_id = str((body.get("channel") or {}).get("id") or "")
    if user_id and channel_id:
        try:
            client.chat_postEphemeral(channel=channel_id, user=user_id, text=message)
        except (SlackApiError, SlackClientError, OSError) as exc:
            logger.info("could not thank %s for feedback (%s)", user_id, type(exc).__name__)


def make_feedback_button(lundao: Lundao, *, helpful: bool) -> Callable[..., None]:
    def feedback_button(
        ack: Ack, body: dict[str, Any], respond: Respond | None, client: WebClient, logger: logging.Logger
    ) -> None:
        ack()
        language = lundao.settings.language
        value = button_value(body)
        feedback = lundao.feedback
        if feedback is None:
            _tell(respond, body, client, text(language, "disabled"), logger)
            return
        claim = lundao.claim_or_none(value.get("c"))
        if claim is None:
            _tell(respond, body, client, text(language, "claim_gone"), logger)
            return
        query = value.get("q") if isinstance(value.get("q"), str) else ""
        offset = value.get("o")
        message = body.get("message") or {}
        blocks = message.get("blocks") if isinstance(message.get("blocks"), list) else None
        ephemeral = bool((body.get("container") or {}).get("is_ephemeral")) or not message
        if blocks is None and isinstance(offset, int) and offset >= 0 and query:
            # Redrawn before the vote is stored: a helpful vote lifts its claim, and the page must stay as seen.
            blocks = lundao.answer(query, offset).block_dicts()
        user_id = str((body.get("user") or {}).get("id") or "") or None
        recorded = feedback.record_vote(
            lundao.search_engine,
            query=str(query),
            claim_id=claim.id,
            helpful=helpful,
            surface="results" if isinstance(offset, int) else "thread",
            user_id=user_id,
        )
        thanks = (
            thanks_text(language, helpful=helpful, query=str(query)) if recorded else text(language, "not_recorded")
        )
        if not blocks:
            _tell(respond, body, client, thanks, logger)
            return
        updated = acknowledge(blocks, claim.id, thanks)
        fallback = str(message.get("text") or thanks)
        if ephemeral:
            if respond is not None and body.get("response_url"):
                respond(text=fallback, blocks=updated, response_type="ephemeral", replace_original=True)
            return
        channel_id = str((body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id") or "")
        try:
            client.chat_update(channel=channel_id, ts=str(message.get("ts") or ""), text=fallback, blocks=updated)
        except (SlackApiError, SlackClientError, OSError) as exc:
            logger.info("could not update the answer in %s (%s); thanking privately", channel_id, type(exc).__name__)
            _tell(None, body, client, thanks, logger)

    return feedback_button
