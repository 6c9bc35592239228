"""``@lundao question`` anywhere: the best claims, in the thread (slash commands do not work in threads).

Each mention is answered once across processes and faults (bot.events_seen, bot.replies): the event
is claimed in the database before answering and counts as done only when the reply is posted. A
reply that failed but may work later releases the claim and answers Slack with a 503, so Slack
redelivers the event (to any process) and the retry posts it; after Slack's last retry, or an error
that cannot go away, the user is told privately that the answer could not be posted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltRequest, BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.listeners.common import Lundao
from bot.replies import post_reply

SLACK_MAX_RETRY_NUM = 3
"""Slack redelivers an event up to three times (X-Slack-Retry-Num 1, 2, 3); the third is the last."""


def is_from_a_bot(event: dict[str, Any], context: BoltContext) -> bool:
    """Bots (including this one) can mention the app too; answering them risks loops."""
    return bool(
        event.get("bot_id")
        or event.get("subtype") == "bot_message"
        or event.get("bot_profile")
        or (context.bot_user_id and event.get("user") == context.bot_user_id)
    )


def retry_num(request: BoltRequest | None) -> int:
    """X-Slack-Retry-Num of this delivery (0 for the first); Socket Mode deliveries carry none."""
    if request is None:
        return 0
    values = request.headers.get("x-slack-retry-num") or []
    try:
        return int(values[0]) if values else 0
    except ValueError:
        return 0


def _tell_failed(
    lundao: Lundao, client: WebClient, channel_id: str, user_id: str, thread_ts: str, logger: logging.Logger
) -> None:
    if not user_id:
        return
    try:
        client.chat_postEphemeral(
            channel=channel_id, user=user_id, thread_ts=thread_ts, text=lundao.strings("reply_failed")
        )
    except (SlackApiError, SlackClientError, OSError) as exc:
        reason = exc.response.get("error") if isinstance(exc, SlackApiError) else type(exc).__name__
        logger.warning("could not tell %s that the answer failed either: %s", user_id, reason)


def make_app_mention(lundao: Lundao) -> Callable[..., BoltResponse | None]:
    def app_mention(
        event: dict[str, Any],
        body: dict[str, Any],
        context: BoltContext,
        client: WebClient,
        logger: logging.Logger,
        request: BoltRequest,
    ) -> BoltResponse | None:
        if is_from_a_bot(event, context):
            return None
        channel_id = str(event.get("channel") or "")
        thread_ts = event.get("thread_ts") or event.get("ts")
        if not channel_id or not thread_ts:
            return None
        event_id = body.get("event_id")
        key = event_id if isinstance(event_id, str) and event_id else f"{channel_id}:{event.get('ts')}"
        claim = lundao.events.claim(key)
        if claim is None:
            logger.info("skipping a delivery of %s: answered, or being answered, already", key)
            return None
        try:
            about = None
            if event.get("thread_ts") and lundao.digest is not None:
                about = lundao.digest.thread_claim(channel_id, str(event["thread_ts"]))
            asker = str(event.get("user") or "") or None
            hits, result = lundao.thread_hits(str(event.get("text") or ""), about=about, user_id=asker)
            reply = lundao.hits_reply(hits, result, "thread_answer_header")
        except Exception:
            lundao.events.release(claim)
            raise
        posted = post_reply(
            client,
            channel=channel_id,
            thread_ts=str(thread_ts),
            text=reply.text,
            blocks=reply.block_dicts(),
            key=key,
        )
        if posted.posted:
            lundao.events.complete(claim)
            return None
        can_redeliver = not lundao.settings.socket_mode and retry_num(request) < SLACK_MAX_RETRY_NUM
        if posted.retryable and can_redeliver:
            logger.warning("could not answer a mention in %s (%s); Slack will redeliver it", channel_id, posted.error)
            lundao.events.release(claim)
            return BoltResponse(status=503, body="")
        logger.warning("could not answer a mention in %s: %s; telling the user", channel_id, posted.error)
        _tell_failed(lundao, client, channel_id, str(event.get("user") or ""), str(thread_ts), logger)
        lundao.events.complete(claim)
        return None

    return app_mention
