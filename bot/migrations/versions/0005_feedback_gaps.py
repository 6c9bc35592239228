"""feedback_votes, feedback_gaps, learned_phrasings: Helpful / Not helpful, unanswered questions, learned wordings.

User ids are nullable and empty by default (``feedback.store_user_ids``); votes and gaps are purged
after ``feedback.retention_days`` (bot.feedback.store).

Revision ID: 0005_feedback_gaps
Revises: 0004_team_insights
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_feedback_gaps"
down_revision = "0004_team_insights"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feedback_votes",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("claim_id", sa.String(200), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("surface", sa.String(16), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=True),
    )
    op.create_index("ix_feedback_votes_created_at", "feedback_votes", ["created_at"])
    op.create_table(
        "feedback_gaps",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("claim_id", sa.String(200), nullable=True),
        sa.Column("user_id", sa.String(32), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_by", sa.String(200), nullable=True),
    )
    op.create_index("ix_feedback_gaps_created_at", "feedback_gaps", ["created_at"])
    op.create_table(
        "learned_phrasings",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("claim_id", sa.String(200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("vector", sa.LargeBinary(), nullable=True),
        sa.Column("embedder", sa.String(120), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("claim_id", "key", name="uq_learned_phrasings_claim_key"),
    )


def downgrade() -> None:
    op.drop_table("learned_phrasings")
    op.drop_index("ix_feedback_gaps_created_at", table_name="feedback_gaps")
    op.drop_table("feedback_gaps")
    op.drop_index("ix_feedback_votes_created_at", table_name="feedback_votes")
    op.drop_table("feedback_votes")
