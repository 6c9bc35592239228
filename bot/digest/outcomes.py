"""What an attempt at a slot did, and the limits of the posting state machine (no Slack, no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    """What one attempt at a slot did; ``result`` is one of the constants below."""

    channel_id: str
    post_date: dt.date
    result: str
    claim_id: str | None = None
    message_ts: str | None = None
    detail: str = ""


POSTED = "posted"
ALREADY_POSTED = "already_posted"
IN_PROGRESS = "in_progress"  # another process holds a fresh claim on the slot
WAITING = "waiting"  # failed before; the next retry is not due yet
FAILED = "failed"
GAVE_UP = "gave_up"  # failed, and out of attempts or past the grace window
SKIPPED = "skipped"
NO_CLAIMS = "no_claims"

# A pending row this old was left by a process that died mid-post. An honest attempt is bounded well
# below it: the posting client's 20 s timeout, at most 3 rate-limit waits of at most 30 s each, one
# join, one history lookup (bot.slack_client), so under 3 minutes. A takeover looks the post up first.
STALE_AFTER = dt.timedelta(minutes=3)
# Failed posts are retried after attempts × this, within the grace window, at most MAX_ATTEMPTS times.
RETRY_DELAY = dt.timedelta(minutes=2)
MAX_ATTEMPTS = 6
