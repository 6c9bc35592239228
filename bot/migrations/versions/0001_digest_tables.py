"""The digest's tables as they were before migrations: digest_subscriptions and digest_posts.

Mirrors bot/digest/store.py at the time migrations were introduced; databases created by its
``create_tables`` are stamped with this revision instead of running it (bot.db_migrate).

Revision ID: 0001_digest_tables
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_digest_tables"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "digest_subscriptions",
        sa.Column("channel_id", sa.String(32), primary_key=True),
        sa.Column("post_time", sa.String(5), nullable=False),
        sa.Column("weekdays_only", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "digest_posts",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("post_date", sa.Date(), nullable=False),
        sa.Column("claim_id", sa.String(200), nullable=True),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_by", sa.String(120), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("message_ts", sa.String(32), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.UniqueConstraint("channel_id", "post_date", name="uq_digest_posts_channel_date"),
    )


def downgrade() -> None:
    op.drop_table("digest_posts")
    op.drop_table("digest_subscriptions")
