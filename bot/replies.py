"""Posting a reply at most once, even when Slack's answer is lost.

``chat.postMessage`` is not idempotent: after a timeout, a dropped connection or a 5xx, Slack may or
may not have posted the message. So every reply carries message metadata (``REPLY_EVENT`` with the
delivery's key, e.g. the event id) and, after such an ambiguous failure, the thread (or the channel)
is read back through ``conversations.replies`` / ``conversations.history`` first; the reply is posted
again only if it is not there. The client never re-sends these itself (bot.slack_client).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

log = logging.getLogger("lundao.replies")

REPLY_EVENT = "lundao_reply"
"""Message metadata event type of the app's replies (the digest's posts use ``lundao_digest``)."""

# ok:false errors that say Slack did not post and will not later: asking again cannot help.
PERMANENT_ERRORS = frozenset(
    {
        "not_in_channel",
        "channel_not_found",
        "is_archived",
        "restricted_action",
        "cant_reply_to_message",
        "msg_too_long",
        "no_text",
        "invalid_blocks",
        "invalid_metadata",
        "not_authed",
        "invalid_auth",
        "account_inactive",
        "token_revoked",
        "missing_scope",
    }
)


@dataclass(frozen=True)
class PostResult:
    """What became of a reply: posted (``ts``), or not, with whether a later try may work."""

    posted: bool
    ts: str | None = None
    error: str | None = None
    retryable: bool = False
    recovered: bool = False
    """Posted, found by its metadata after Slack's answer was lost."""


def _ambiguous(exc: Exception) -> bool:
    """True when Slack may have acted although the call failed."""
    if isinstance(exc, SlackApiError):
        status = getattr(exc.response, "status_code", 200)
        return status >= 500
    return isinstance(exc, (SlackClientError, OSError, TimeoutError))


def _reason(exc: Exception) -> str:
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error") or f"HTTP {getattr(exc.response, 'status_code', '?')}")
    return type(exc).__name__


def reply_metadata(key: str) -> dict[str, Any]:
    return {"event_type": REPLY_EVENT, "event_payload": {"key": key}}


def find_reply(client: WebClient, channel: str, thread_ts: str | None, key: str) -> str | bool | None:
    """The ts of the reply carrying ``key``; None when it is not there; False when Slack cannot be read."""
    try:
        if thread_ts:
            response = client.conversations_replies(channel=channel, ts=thread_ts, include_all_metadata=True, limit=200)
        else:
            response = client.conversations_history(channel=channel, include_all_metadata=True, limit=100)
    except (SlackApiError, SlackClientError, OSError) as exc:
        log.warning("cannot read %s back to look for a reply (%s)", channel, _reason(exc))
        return False
    for message in response.get("messages") or []:
        meta = message.get("metadata") or {}
        if meta.get("event_type") == REPLY_EVENT and (meta.get("event_payload") or {}).get("key") == key:
            return str(message.get("ts"))
    return None


def post_reply(
    client: WebClient,
    *,
    channel: str,
    thread_ts: str | None,
    text: str,
    blocks: list[dict[str, Any]],
    key: str,
    attempts: int = 2,
) -> PostResult:
    """Post once: after an ambiguous failure, look for the message by ``key`` before posting again."""
    last_error = "unknown_error"
    for _ in range(attempts):
        try:
            response = client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                text=text,
                blocks=blocks,
                metadata=reply_metadata(key),
                unfurl_links=False,
                unfurl_media=False,
            )
            return PostResult(True, str(response.get("ts")))
        except (SlackApiError, SlackClientError, OSError) as exc:
            last_error = _reason(exc)
            if not _ambiguous(exc):
                # A 429 that outlasted its retries, or ok:false: Slack did not post it.
                permanent = isinstance(exc, SlackApiError) and last_error in PERMANENT_ERRORS
                return PostResult(False, error=last_error, retryable=not permanent)
        found = find_reply(client, channel, thread_ts, key)
        if isinstance(found, str):
            log.info(
                "a reply in %s was posted although Slack's answer was lost (%s); not posting again", channel, last_error
            )
            return PostResult(True, found, recovered=True)
        if found is False:
            break  # cannot tell whether it is there: posting again could duplicate it
    return PostResult(False, error=last_error, retryable=True)
