"""The one place a Slack Web API client is built, with a named retry policy.

Two policies, because the same failure means different things to the two kinds of caller:

- ``APP``: the listeners' answers (a thread reply, a shared claim, App Home). Rate limits wait for
  Retry-After; a dropped connection or a 5xx is retried once or twice, since a rare duplicate
  answer is better than none and a user is waiting.
- ``POSTING``: the daily digest's ``chat.postMessage``. Only 429s are retried in place, because
  Slack did not act on them. A 5xx or a dropped connection may have posted the message already,
  so the attempt is recorded as failed and the database's retry path decides (it retries later,
  at most once per slot at a time), instead of the client re-sending at once and posting twice.
"""

from __future__ import annotations

import copy
import enum

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler

from config.settings import Settings, SettingsError

MISSING_TOKEN = "SLACK_BOT_TOKEN is not set: set it to the app's Bot User OAuth Token (xoxb-...)"


class ClientPolicy(enum.Enum):
    APP = "app"
    POSTING = "posting"


# Seconds to wait for Slack. The app answers within Slack's 3-second budget or not at all; a
# digest post may wait longer, since every timeout is an ambiguous "maybe posted".
_TIMEOUTS = {ClientPolicy.APP: 10, ClientPolicy.POSTING: 30}


def retry_handlers(policy: ClientPolicy) -> list[RetryHandler]:
    """Fresh handler objects (they keep no state, but a list shared between clients could be mutated)."""
    if policy is ClientPolicy.POSTING:
        return [RateLimitErrorRetryHandler(max_retry_count=3)]
    return [
        ConnectionErrorRetryHandler(max_retry_count=2),
        RateLimitErrorRetryHandler(max_retry_count=2),
        ServerErrorRetryHandler(max_retry_count=1),
    ]


def make_client(settings: Settings, policy: ClientPolicy) -> WebClient:
    """A client with the bot token and SLACK_API_BASE_URL (if set); SettingsError when there is no token."""
    if settings.bot_token is None:
        raise SettingsError(MISSING_TOKEN)
    return WebClient(
        token=settings.bot_token.reveal(),
        base_url=settings.api_base_url or WebClient.BASE_URL,
        timeout=_TIMEOUTS[policy],
        retry_handlers=retry_handlers(policy),
    )


def with_policy(client: WebClient, policy: ClientPolicy) -> WebClient:
    """The same client (token, base URL, logger) with ``policy``'s retries; ``client`` is not changed."""
    changed = copy.copy(client)
    changed.headers = dict(client.headers)
    changed.retry_handlers = retry_handlers(policy)
    changed.timeout = _TIMEOUTS[policy]
    return changed
