"""team_claims and team_kb_version: insights saved from Slack, and the version every process checks.

``team_claims`` holds each saved message's pending, approved or rejected claim with its provenance and,
once approved, its embedding; ``team_kb_version`` is one row counting the approvals (bot.team.store).

Revision ID: 0004_team_insights
Revises: 0003_events_claimed_at
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_team_insights"
down_revision = "0003_events_claimed_at"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_claims",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(200), nullable=False, unique=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("message_ts", sa.String(32), nullable=False),
        sa.Column("permalink", sa.Text(), nullable=True),
        sa.Column("author_id", sa.String(32), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("message_text", sa.Text(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("en", sa.Text(), nullable=False),
        sa.Column("speaker_id", sa.String(200), nullable=True),
        sa.Column("topics", sa.Text(), nullable=False),
        sa.Column("saved_by", sa.String(32), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_by", sa.String(32), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_seq", sa.Integer(), nullable=True),
        sa.Column("vector", sa.LargeBinary(), nullable=True),
        sa.Column("vector_embedder", sa.String(200), nullable=True),
        sa.UniqueConstraint("channel_id", "message_ts", name="uq_team_claims_message"),
    )
    version = op.create_table(
        "team_kb_version",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.bulk_insert(version, [{"id": 1, "version": 0}])


def downgrade() -> None:
    op.drop_table("team_kb_version")
    op.drop_table("team_claims")
