"""slack_events_seen.claimed_at: when the current claim was taken, so a retry takes over only a lapsed claim.

``first_seen_at`` stays the first delivery's time; a claim released after a failed reply, or held by a
process that died, is taken over by Slack's retry once it is older than the lease (bot.events_seen).

Revision ID: 0003_events_claimed_at
Revises: 0002_slack_events_seen
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_events_claimed_at"
down_revision = "0002_slack_events_seen"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("slack_events_seen") as batch:
        batch.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("slack_events_seen") as batch:
        batch.drop_column("claimed_at")
