"""``@lundao question`` anywhere: the best claims, in the thread (slash commands do not work in threads)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.listeners.common import Lundao


def make_skip_retried_events(lundao: Lundao) -> Callable[..., BoltResponse | None]:
    """Global middleware: an event already received (Slack retries after 3 s) is acknowledged, not handled."""

    def skip_retried_events(
        body: dict[str, Any], next: Callable[[], None], logger: logging.Logger
    ) -> BoltResponse | None:
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if isinstance(event_id, str) and event_id and not lundao.seen_events.first_time(event_id):
            logger.info("skipping a retried delivery of %s", event_id)
            return BoltResponse(status=200, body="")
        next()
        return None

    return skip_retried_events


def is_from_a_bot(event: dict[str, Any], context: BoltContext) -> bool:
    """Bots (including this one) can mention the app too; answering them risks loops."""
    return bool(
        event.get("bot_id")
        or event.get("subtype") == "bot_message"
        or event.get("bot_profile")
        or (context.bot_user_id and event.get("user") == context.bot_user_id)
    )


def make_app_mention(lundao: Lundao) -> Callable[..., None]:
    def app_mention(event: dict[str, Any], context: BoltContext, client: WebClient, logger: logging.Logger) -> None:
        if is_from_a_bot(event, context):
            return
        channel_id = str(event.get("channel") or "")
        thread_ts = event.get("thread_ts") or event.get("ts")
        if not channel_id or not thread_ts:
            return
        about = None
        if event.get("thread_ts") and lundao.digest is not None:
            about = lundao.digest.thread_claim(channel_id, str(event["thread_ts"]))
        hits, result = lundao.thread_hits(str(event.get("text") or ""), about=about)
        reply = lundao.hits_reply(hits, result, "thread_answer_header")
        try:
            client.chat_postMessage(
                channel=channel_id, thread_ts=thread_ts, text=reply.text, blocks=reply.block_dicts()
            )
        except SlackApiError as exc:
            logger.warning("could not answer a mention in %s: %s", channel_id, exc.response.get("error"))

    return app_mention
