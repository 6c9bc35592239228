"""Message shortcut "Find related insights": related claims for any message.

Posted in the message's thread when the bot can post there; otherwise (a private channel or DM the
bot is not in) sent privately: through the shortcut's response_url, or as a DM if that fails too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, Respond
from slack_sdk import WebClient

from bot.listeners.common import RELATED_LIMIT, Lundao, Reply
from bot.replies import post_reply

FIND_RELATED = "find_related"
"""The callback id, as in config/slack-manifest.yaml."""
_NOT_A_MEMBER = {"not_in_channel", "channel_not_found", "is_archived", "restricted_action", "cant_reply_to_message"}


def related_reply(lundao: Lundao, channel_id: str, message: dict[str, Any]) -> Reply:
    """A digest post (or a reply in its thread) relates to its claim; any other message to its text."""
    about = None
    if lundao.digest is not None:
        for ts in dict.fromkeys(t for t in (message.get("thread_ts"), message.get("ts")) if t):
            about = lundao.digest.thread_claim(channel_id, str(ts))
            if about is not None:
                break
    if about is not None and not message.get("thread_ts"):
        hits = lundao.search_engine.related(about.id, limit=RELATED_LIMIT)
        return lundao.hits_reply(hits, None, "related_header")
    # Any message, not a question asked of lundao: finding nothing related is not a gap in the knowledge base.
    hits, result = lundao.thread_hits(str(message.get("text") or ""), about=about, question=False)
    return lundao.hits_reply(hits, result, "related_header")


def make_find_related(lundao: Lundao) -> Callable[..., None]:
    def find_related(
        ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond | None, logger: logging.Logger
    ) -> None:
        ack()
        message = body.get("message") or {}
        channel_id = str((body.get("channel") or {}).get("id") or "")
        user_id = str((body.get("user") or {}).get("id") or "")
        reply = related_reply(lundao, channel_id, message)
        thread_ts = message.get("thread_ts") or message.get("ts")
        # One key per click: after a lost answer from Slack the thread is read back, never posted twice.
        key = f"related:{channel_id}:{body.get('trigger_id') or body.get('action_ts') or thread_ts}"
        posted = post_reply(
            client,
            channel=channel_id,
            thread_ts=str(thread_ts) if thread_ts else None,
            text=reply.text,
            blocks=reply.block_dicts(),
            key=key,
        )
        if posted.posted:
            return
        log = logger.info if posted.error in _NOT_A_MEMBER else logger.warning
        log("cannot post related insights in %s (%s); answering privately", channel_id, posted.error)
        private = [*lundao.text_reply(lundao.strings("dm_fallback")).blocks, *reply.blocks]
        if respond is not None and body.get("response_url"):
            response = respond(text=reply.text, blocks=[b.to_dict() for b in private], response_type="ephemeral")
            if response.status_code == 200:
                return
        dm = post_reply(
            client,
            channel=user_id,
            thread_ts=None,
            text=reply.text,
            blocks=[b.to_dict() for b in private],
            key=key + ":dm",
        )
        if not dm.posted:
            logger.warning("could not send related insights to %s privately either: %s", user_id, dm.error)

    return find_related
