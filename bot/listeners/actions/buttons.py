"""The answer buttons. Each button's value is compact JSON written by ``bot.blocks``.

Answers go back through the action's ``response_url`` (``respond``), which works in channels the
bot has not joined and in DMs; a button on the App Home has no response_url, so Context opens a modal.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.models.blocks import PlainTextObject
from slack_sdk.models.views import View
from slack_sdk.webhook import WebhookClient

from bot import blocks as kit
from bot.listeners.common import Lundao


def button_value(body: dict[str, Any]) -> dict[str, Any]:
    """The clicked button's JSON value; {} when it is missing or not ours (a forged or stale payload)."""
    actions = body.get("actions") or [{}]
    try:
        value = json.loads(actions[0].get("value") or "{}")
    except (json.JSONDecodeError, TypeError, AttributeError):
        return {}
    return value if isinstance(value, dict) else {}


def _user_id(body: dict[str, Any]) -> str:
    return str((body.get("user") or {}).get("id") or "")


def _tell_privately(client: WebClient, body: dict[str, Any], text: str, logger: logging.Logger) -> None:
    """An ephemeral note in the channel of the click, else a DM: the response URL can no longer be used."""
    user_id = _user_id(body)
    channel_id = str((body.get("channel") or {}).get("id") or (body.get("container") or {}).get("channel_id") or "")
    if not user_id:
        return
    if channel_id:
        try:
            client.chat_postEphemeral(channel=channel_id, user=user_id, text=text)
            return
        except (SlackApiError, SlackClientError, OSError) as exc:
            logger.info("no ephemeral note in %s (%s); sending a DM", channel_id, type(exc).__name__)
    try:
        client.chat_postMessage(channel=user_id, text=text)
    except (SlackApiError, SlackClientError, OSError) as exc:
        logger.warning("could not tell %s that sharing failed: %s", user_id, type(exc).__name__)


def make_share_button(lundao: Lundao) -> Callable[..., None]:
    def share_button(
        ack: Ack, body: dict[str, Any], respond: Respond | None, client: WebClient, logger: logging.Logger
    ) -> None:
        ack()
        if respond is None:
            return  # only answers carry Share, and answers always come with a response_url
        claim = lundao.claim_or_none(button_value(body).get("c"))
        if claim is None:
            respond(text=lundao.strings("claim_gone"), response_type="ephemeral", replace_original=False)
            return
        blocks = kit.shared_blocks(lundao.corpus, claim, lundao.strings, _user_id(body))
        response_url = str(body.get("response_url") or "")
        # Not Bolt's respond(): its webhook client re-sends after a dropped connection, and a share
        # that Slack accepted before the connection dropped would then show twice in the channel.
        webhook = WebhookClient(response_url, timeout=10, retry_handlers=[])
        try:
            response = webhook.send(
                text=kit.claim_fallback_text(claim),
                blocks=kit.to_dicts(blocks),
                response_type="in_channel",
                replace_original=False,
            )
        except (OSError, SlackClientError) as exc:  # no answer: it may have been shared; saying so could be wrong
            logger.warning("sharing through response_url got no answer (%s)", type(exc).__name__)
            return
        if response.status_code == 200:
            query = button_value(body).get("q")
            if lundao.feedback is not None and isinstance(query, str) and query.strip():
                # A shared answer is a good answer to its question: the next person asking it so finds it.
                lundao.feedback.learn(lundao.search_engine, query=query, claim_id=claim.id, source="share")
            return
        # Slack answers 404 once a response_url is older than 30 minutes (or used 5 times): the share
        # did not happen, and the user, who clicked, must hear so rather than see nothing.
        logger.warning("sharing through response_url failed (HTTP %s); telling the user", response.status_code)
        _tell_privately(client, body, lundao.strings("share_expired"), logger)

    return share_button


def make_more_button(lundao: Lundao) -> Callable[..., None]:
    def more_button(ack: Ack, body: dict[str, Any], respond: Respond | None) -> None:
        ack()
        if respond is None:
            return
        value = button_value(body)
        query, offset = value.get("q"), value.get("o")
        if not isinstance(query, str) or not isinstance(offset, int) or offset < 0:
            respond(text=lundao.strings("more_end"), response_type="ephemeral", replace_original=False)
            return
        reply = lundao.answer(query, offset)
        # The next page replaces this one, so the conversation does not fill with old pages.
        respond(text=reply.text, blocks=reply.block_dicts(), response_type="ephemeral", replace_original=True)

    return more_button


def make_context_button(lundao: Lundao) -> Callable[..., None]:
    def context_button(
        ack: Ack, body: dict[str, Any], respond: Respond | None, client: WebClient, logger: logging.Logger
    ) -> None:
        ack()
        claim = lundao.claim_or_none(button_value(body).get("c"))
        strings = lundao.strings
        if claim is None:
            blocks = kit.text_blocks(strings("claim_gone"))
        else:
            blocks = kit.context_blocks(lundao.corpus, claim, strings)
        if respond is not None and body.get("response_url"):
            respond(
                text=strings("context_header"),
                blocks=kit.to_dicts(blocks),
                response_type="ephemeral",
                replace_original=False,
            )
            return
        if body.get("trigger_id"):
            view = View(
                type="modal",
                title=PlainTextObject(text=kit.truncate_plain(strings("context_header"), 24)),
                close=PlainTextObject(text="OK"),
                blocks=blocks,
            )
            try:
                client.views_open(trigger_id=body["trigger_id"], view=view)
            except SlackApiError as exc:
                logger.warning("views.open for Context failed: %s", exc.response.get("error"))

    return context_button
