"""The digest's Slack calls: post (joining a public channel first if needed) and find an earlier post.

Errors are not swallowed here: the posting state machine (``posting``) records them. What is done
here is what only the transport knows: joining, and saying once per channel what the admin must do.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.digest.blocks import METADATA_EVENT, DigestMessage
from bot.slack_client import ClientPolicy, with_policy

log = logging.getLogger(__name__)


class SlackTransport:
    def __init__(self, client: WebClient, bot_name: str):
        # Whoever built the client, posts retry only rate limits in place (see bot.slack_client).
        self.client = with_policy(client, ClientPolicy.POSTING)
        self.bot_name = bot_name
        self._warned_channels: set[str] = set()

    def send(self, channel_id: str, message: DigestMessage) -> str:
        """Post ``message``; its ts. Raises SlackApiError / SlackClientError / OSError as the client does."""

        def post() -> str:
            response = self.client.chat_postMessage(
                channel=channel_id,
                text=message.text,
                blocks=message.blocks,
                metadata=message.metadata,
                unfurl_links=False,
                unfurl_media=False,
            )
            return str(response["ts"])

        try:
            return post()
        except SlackApiError as exc:
            error = exc.response.get("error")
            if error == "not_in_channel" and self._join(channel_id):
                return post()
            if error == "channel_not_found":
                self._warn_once(
                    channel_id,
                    f"digest: cannot post in channel {channel_id}: Slack says it does not exist for the bot; "
                    f"if it is a private channel, invite the bot there with `/invite @{self.bot_name}`",
                )
            elif error == "is_archived":
                self._warn_once(channel_id, f"digest: channel {channel_id} is archived; unsubscribe it or unarchive it")
            raise

    def _join(self, channel_id: str) -> bool:
        """Join a public channel the bot is not in; for a private one, say once how to invite the bot."""
        try:
            self.client.conversations_join(channel=channel_id)
            log.info("digest: joined public channel %s to post the insight of the day", channel_id)
            return True
        except SlackApiError as exc:
            error = exc.response.get("error")
            if error == "missing_scope":
                self._warn_once(
                    channel_id,
                    f"digest: cannot post in channel {channel_id}: the bot is not a member and lacks the "
                    f"channels:join scope; add the scope or invite it with `/invite @{self.bot_name}`",
                )
            else:
                self._warn_once(
                    channel_id,
                    f"digest: cannot post in private channel {channel_id}: the bot is not a member; "
                    f"in that channel, type `/invite @{self.bot_name}`",
                )
            return False

    def _warn_once(self, channel_id: str, line: str) -> None:
        if channel_id not in self._warned_channels:
            self._warned_channels.add(channel_id)
            log.warning(line)

    def find_post(self, channel_id: str, post_date: dt.date, since: dt.datetime) -> str | None:
        """The ts of the digest message for ``post_date`` posted in the channel after ``since``, if any."""
        try:
            response = self.client.conversations_history(
                channel=channel_id, oldest=f"{since.timestamp():.6f}", include_all_metadata=True, limit=100
            )
        except (SlackApiError, SlackClientError, OSError) as exc:
            reason = exc.response.get("error") if isinstance(exc, SlackApiError) else type(exc).__name__
            log.warning(
                "digest: cannot read %s's history to check for an earlier post (%s); posting again",
                channel_id,
                reason,
            )
            return None
        messages: list[dict[str, Any]] = response.get("messages") or []
        for message in messages:
            meta = message.get("metadata") or {}
            payload = meta.get("event_payload") or {}
            if meta.get("event_type") == METADATA_EVENT and payload.get("date") == post_date.isoformat():
                return str(message.get("ts"))
        return None
