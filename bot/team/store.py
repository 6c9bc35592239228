"""The team's saved claims and the knowledge-base version, in SQLAlchemy Core (migration 0004_team_insights).

``team_claims``: one row per saved Slack message (the unique (channel, message ts) is what makes saving
the same message twice a clear "already saved", even from two processes at once). ``team_kb_version``:
one row whose number goes up in the same transaction as every approval, so a process knows that its
served claims are current by reading one integer.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Engine,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from bot.digest.store import UTCDateTime

PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
VERSION_ROW = 1

metadata = MetaData()

team_claims = Table(
    "team_claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(200), nullable=False, unique=True),
    Column("status", String(16), nullable=False),
    Column("channel_id", String(32), nullable=False),
    Column("message_ts", String(32), nullable=False),
    Column("permalink", Text, nullable=True),
    Column("author_id", String(32), nullable=False),
    Column("author_name", String(200), nullable=False),
    Column("message_text", Text, nullable=False),  # readable: mentions and links as a person reads them
    Column("quote", Text, nullable=False),
    Column("text", Text, nullable=False),  # the one-line summary
    Column("en", Text, nullable=False),
    Column("speaker_id", String(200), nullable=True),  # a registry person; None: the author as a new person
    Column("topics", Text, nullable=False),  # JSON list of topic ids
    Column("saved_by", String(32), nullable=False),
    Column("saved_at", UTCDateTime(), nullable=False),
    Column("reviewed_by", String(32), nullable=True),
    Column("reviewed_at", UTCDateTime(), nullable=True),
    Column("approved_seq", Integer, nullable=True),  # the knowledge-base version its approval made
    Column("vector", LargeBinary, nullable=True),  # float32 embedding, computed once at approval
    Column("vector_embedder", String(200), nullable=True),
    UniqueConstraint("channel_id", "message_ts", name="uq_team_claims_message"),
)

team_kb_version = Table(
    "team_kb_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
)


@dataclass(frozen=True)
class TeamClaim:
    id: int
    claim_id: str
    status: str
    channel_id: str
    message_ts: str
    permalink: str | None
    author_id: str
    author_name: str
    message_text: str
    quote: str
    text: str
    en: str
    speaker_id: str | None
    topics: tuple[str, ...]
    saved_by: str
    saved_at: dt.datetime
    reviewed_by: str | None
    reviewed_at: dt.datetime | None
    approved_seq: int | None
    vector: bytes | None
    vector_embedder: str | None


class AlreadySaved(Exception):
    """This message was saved before (the row is in ``existing``)."""

    def __init__(self, existing: TeamClaim | None):
        super().__init__("this message is already saved")
        self.existing = existing


class _NotPending(Exception):
    """Rolls an approval back: the claim was approved or rejected meanwhile."""


def _row(mapping: Any) -> TeamClaim:
    data = dict(mapping)
    data["topics"] = tuple(json.loads(data["topics"] or "[]"))
    return TeamClaim(**data)  # its times are aware UTC already: UTCDateTime converts what the database gives


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class TeamStore:
    """Every database access of the team's claims; each method is one short transaction."""

    def __init__(self, engine: Engine, clock: Callable[[], dt.datetime] = utc_now):
        self.engine = engine
        self.clock = clock

    def save(self, **fields: Any) -> TeamClaim:
        """Insert a pending claim; AlreadySaved when its message (channel, ts) or claim id is taken."""
        values = {**fields, "topics": json.dumps(list(fields.get("topics") or ())), "status": PENDING}
        values.setdefault("saved_at", self.clock())
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(team_claims).values(**values))
        except IntegrityError:
            raise AlreadySaved(self.by_message(fields["channel_id"], fields["message_ts"])) from None
        found = self.get(fields["claim_id"])
        assert found is not None
        return found

    def get(self, claim_id: str) -> TeamClaim | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(team_claims).where(team_claims.c.claim_id == claim_id)).mappings().first()
        return _row(row) if row else None

    def by_message(self, channel_id: str, message_ts: str) -> TeamClaim | None:
        query = select(team_claims).where(
            team_claims.c.channel_id == channel_id, team_claims.c.message_ts == message_ts
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return _row(row) if row else None

    def pending(self, limit: int = 20) -> list[TeamClaim]:
        query = select(team_claims).where(team_claims.c.status == PENDING).order_by(team_claims.c.id).limit(limit)
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(query).mappings()]

    def approved(self, after_seq: int = 0) -> list[TeamClaim]:
        """Approved claims in the order they were approved, those approved after version ``after_seq`` only."""
        query = (
            select(team_claims)
            .where(team_claims.c.status == APPROVED, team_claims.c.approved_seq > after_seq)
            .order_by(team_claims.c.approved_seq)
        )
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(query).mappings()]

    def edit(self, claim_id: str, **fields: Any) -> bool:
        """Change a pending claim's summary, gloss, speaker or topics; False when it is no longer pending."""
        if "topics" in fields:
            fields["topics"] = json.dumps(list(fields["topics"]))
        with self.engine.begin() as conn:
            done = conn.execute(
                update(team_claims)
                .where(team_claims.c.claim_id == claim_id, team_claims.c.status == PENDING)
                .values(**fields)
            )
        return done.rowcount == 1

    def version(self) -> int:
        """The knowledge-base version: how many approvals there have been (one primary-key read)."""
        with self.engine.connect() as conn:
            found = conn.execute(select(team_kb_version.c.version).where(team_kb_version.c.id == VERSION_ROW)).first()
        return int(found[0]) if found else 0

    def approve(self, claim_id: str, by: str, vector: bytes | None, embedder: str | None) -> TeamClaim | None:
        """Approve a pending claim and bump the version in one transaction; None if it was not pending.

        The version row is written first: that takes the write lock (SQLite) or the row lock (PostgreSQL)
        before anything is read, so two approvals at once queue instead of both reading the same number.
        """
        try:
            with self.engine.begin() as conn:
                bumped = conn.execute(
                    update(team_kb_version)
                    .where(team_kb_version.c.id == VERSION_ROW)
                    .values(version=team_kb_version.c.version + 1)
                )
                if bumped.rowcount == 0:  # tables made without the migration's row (create_all in tests)
                    conn.execute(insert(team_kb_version).values(id=VERSION_ROW, version=1))
                seq = int(conn.execute(select(team_kb_version.c.version)).scalar_one())
                done = conn.execute(
                    update(team_claims)
                    .where(team_claims.c.claim_id == claim_id, team_claims.c.status == PENDING)
                    .values(
                        status=APPROVED,
                        reviewed_by=by,
                        reviewed_at=self.clock(),
                        approved_seq=seq,
                        vector=vector,
                        vector_embedder=embedder,
                    )
                )
                if done.rowcount != 1:
                    raise _NotPending
        except _NotPending:
            return None
        return self.get(claim_id)

    def reject(self, claim_id: str, by: str) -> TeamClaim | None:
        with self.engine.begin() as conn:
            done = conn.execute(
                update(team_claims)
                .where(team_claims.c.claim_id == claim_id, team_claims.c.status == PENDING)
                .values(status=REJECTED, reviewed_by=by, reviewed_at=self.clock())
            )
        return self.get(claim_id) if done.rowcount == 1 else None
