"""The table of Slack deliveries seen across processes (created by migration 0002_slack_events_seen).

Only the schema lives here, so that migrations and their test can compare it with the database; the
code that claims and completes events belongs with the listeners that answer them.
"""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, MetaData, String, Table

from bot.digest.store import UTCDateTime

metadata = MetaData()

slack_events_seen = Table(
    "slack_events_seen",
    metadata,
    Column("event_id", String(200), primary_key=True),
    Column("first_seen_at", UTCDateTime(), nullable=False),
    Column("claimed_by", String(120), nullable=False, default=""),
    # Compare-and-set token: Slack's retry takes over an unfinished event only if nobody else did meanwhile.
    Column("attempts", Integer, nullable=False, default=1),
    Column("done_at", UTCDateTime(), nullable=True),  # set when the reply is posted, not when the event arrives
    Column("expires_at", UTCDateTime(), nullable=False),
    Index("ix_slack_events_seen_expires_at", "expires_at"),
)
