"""slack_events_seen: Slack deliveries claimed across processes, so each event is answered once.

A process inserts the event id before handling it (the primary key lets one process win); ``done_at``
is set only when the reply is posted, so Slack's retry of an event whose reply failed can take it over
(a conditional UPDATE on ``attempts``, as digest_posts does). Rows are purged after ``expires_at``.

Revision ID: 0002_slack_events_seen
Revises: 0001_digest_tables
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_slack_events_seen"
down_revision = "0001_digest_tables"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "slack_events_seen",
        # Slack's event_id (Ev...), or another delivery key: long enough for "kind:team:id" forms.
        sa.Column("event_id", sa.String(200), primary_key=True),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_by", sa.String(120), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_slack_events_seen_expires_at", "slack_events_seen", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_slack_events_seen_expires_at", table_name="slack_events_seen")
    op.drop_table("slack_events_seen")
