"""The one place a Slack Web API client is built, with a named retry policy.

Two policies, because the same failure means different things to the two kinds of caller:

- ``APP``: the listeners' calls (a thread reply, App Home, users.info). Rate limits wait for
  Retry-After; a dropped connection or a 5xx is retried once or twice, **except** for the methods
  that create a message (``NON_IDEMPOTENT``): a 5xx, a timeout or a dropped connection may come
  after Slack posted it, so re-sending would post twice. Those callers look the message up by its
  metadata instead, and post only if it is not there (``bot.replies``).
- ``POSTING``: the daily digest's ``chat.postMessage``. Only 429s are retried in place, because
  Slack did not act on them. After a 5xx or a dropped connection the posting state machine looks
  for the post in the channel's history before it posts again (``bot.digest.posting``).

A 429 is retried after its Retry-After in both, up to ``MAX_RETRY_AFTER`` seconds: a longer wait is
a failure the caller handles (the digest retries on its schedule, a reply asks Slack to redeliver).
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
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from config.settings import Settings, SettingsError

MISSING_TOKEN = "SLACK_BOT_TOKEN is not set: set it to the app's Bot User OAuth Token (xoxb-...)"


class ClientPolicy(enum.Enum):
    APP = "app"
    POSTING = "posting"


# Seconds to wait for Slack. The app answers within Slack's 3-second budget or not at all; a
# digest post may wait longer, since every timeout is an ambiguous "maybe posted".
_TIMEOUTS = {ClientPolicy.APP: 10, ClientPolicy.POSTING: 20}


NON_IDEMPOTENT = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.scheduleMessage", "chat.meMessage"})
"""Methods whose repeat creates a second message: never re-sent after an ambiguous failure."""
MAX_RETRY_AFTER = 30


def api_method(request: HttpRequest) -> str:
    return request.url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]


class _NeverResendPosts(RetryHandler):
    """Put before a slack_sdk retry handler: that handler's rule, except for a method that posts a message."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if api_method(request) in NON_IDEMPOTENT:
            return False
        return bool(super()._can_retry(state=state, request=request, response=response, error=error))


class _ConnectionErrorsExceptPosts(_NeverResendPosts, ConnectionErrorRetryHandler):
    pass


class _ServerErrorsExceptPosts(_NeverResendPosts, ServerErrorRetryHandler):
    pass


class _BoundedRateLimit(RateLimitErrorRetryHandler):
    """429: Slack did not act, so waiting Retry-After and sending again is safe; but not for minutes."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        for name, value in response.headers.items():
            if name.lower() == "retry-after":
                raw = value[0] if isinstance(value, list) and value else value
                try:
                    return float(str(raw)) <= MAX_RETRY_AFTER
                except ValueError:
                    return True
        return True


def retry_handlers(policy: ClientPolicy) -> list[RetryHandler]:
    """Fresh handler objects (they keep no state, but a list shared between clients could be mutated)."""
    if policy is ClientPolicy.POSTING:
        return [_BoundedRateLimit(max_retry_count=3)]
    return [
        _ConnectionErrorsExceptPosts(max_retry_count=2),
        _BoundedRateLimit(max_retry_count=2),
        _ServerErrorsExceptPosts(max_retry_count=1),
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
