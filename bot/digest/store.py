"""Subscriptions and the (channel, date) post table, in SQLAlchemy Core.

The post table is the exactly-once mechanism: a process inserts the (channel, date) row *before*
talking to Slack, and the unique constraint lets only one process win. Every later change of a row
(retry, recovery of a stale claim) is a conditional UPDATE on the row's ``attempts`` counter, so two
processes that both saw the same row can never both take it over.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    create_engine,
    event,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

log = logging.getLogger(__name__)

# Row states of digest_posts.
PENDING = "pending"  # claimed by a process that is posting it now (or died doing so)
POSTED = "posted"
FAILED = "failed"  # Slack refused or was unreachable; retried within the grace window
SKIPPED = "skipped"  # nobody was up to post it within the grace window
SHOWN = "shown"  # the workspace-wide pick of the day (App Home, /insight today in a DM): never posted
# The picks a channel has "seen": these count against the no-repeat cycle.
CONSUMED = (POSTED, SHOWN)
# Channel key of the workspace-wide pick; never a Slack channel id (those start with C, G or D).
WORKSPACE = "*"


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware datetimes stored as UTC: SQLite keeps no offset, so everything is converted on the way in and out."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("digest times must be timezone-aware")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return _utc(value)


metadata = MetaData()

subscriptions = Table(
    "digest_subscriptions",
    metadata,
    Column("channel_id", String(32), primary_key=True),
    Column("post_time", String(5), nullable=False),  # HH:MM in the workspace time zone
    Column("weekdays_only", Boolean, nullable=False, default=False),
    Column("active", Boolean, nullable=False, default=True),
    # Slots due before this moment are never posted: subscribing at 10:00 for 09:30 starts tomorrow.
    Column("since", UTCDateTime(), nullable=True),
    Column("updated_at", UTCDateTime(), nullable=False),
)

posts = Table(
    "digest_posts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("channel_id", String(32), nullable=False),
    Column("post_date", Date, nullable=False),
    Column("claim_id", String(200), nullable=True),  # None only for skipped days
    Column("cycle", Integer, nullable=False, default=0),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("claimed_at", UTCDateTime(), nullable=False),
    Column("claimed_by", String(120), nullable=False, default=""),
    Column("posted_at", UTCDateTime(), nullable=True),
    Column("message_ts", String(32), nullable=True),
    Column("error", Text, nullable=True),
    UniqueConstraint("channel_id", "post_date", name="uq_digest_posts_channel_date"),
)


@dataclass(frozen=True)
class Subscription:
    channel_id: str
    time: str
    weekdays_only: bool
    active: bool = True
    since: dt.datetime | None = None


@dataclass(frozen=True)
class PostRow:
    id: int
    channel_id: str
    post_date: dt.date
    claim_id: str | None
    cycle: int
    status: str
    attempts: int
    claimed_at: dt.datetime
    claimed_by: str
    posted_at: dt.datetime | None
    message_ts: str | None
    error: str | None


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """Aware UTC datetimes everywhere: SQLite hands back naive ones, PostgreSQL aware ones."""
    if value is None:
        return None
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _post_row(mapping: Any) -> PostRow:
    data = dict(mapping)
    data["claimed_at"] = _utc(data["claimed_at"])
    data["posted_at"] = _utc(data["posted_at"])
    return PostRow(**data)


def make_engine(url: str) -> Engine:
    """An engine for ``url``; a SQLite file gets its folder created and waits for locks instead of failing."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # WAL lets readers run while a writer commits: several processes share this file.
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA busy_timeout = 30000")
            if database and database != ":memory:":
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def dialect_insert(engine: Engine) -> Callable[[Table], Any]:
    """The INSERT with ON CONFLICT of the engine's dialect (SQLite and PostgreSQL both have it)."""
    # Imported here: the PostgreSQL dialect costs 0.1 s to import, which a SQLite user never needs.
    if engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert
    if engine.dialect.name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert
    raise ValueError(f"the digest supports SQLite and PostgreSQL, not {engine.dialect.name}")


def create_tables(engine: Engine) -> None:
    """Create the tables if missing; several processes starting at once may race, so retry once."""
    for attempt in range(3):
        try:
            metadata.create_all(engine)
            return
        except (IntegrityError, DBAPIError):
            # PostgreSQL: two create_all at once can collide on the catalog; the other one won.
            if attempt == 2:
                raise
            time.sleep(0.2 * (attempt + 1))


class DigestStore:
    """All database access of the digest. Methods are small transactions; none holds a lock across Slack calls."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # Subscriptions -------------------------------------------------------------------------------

    def subscriptions(self) -> list[Subscription]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(subscriptions).order_by(subscriptions.c.channel_id)).mappings().all()
        return [
            Subscription(
                channel_id=r["channel_id"],
                time=r["post_time"],
                weekdays_only=bool(r["weekdays_only"]),
                active=bool(r["active"]),
                since=_utc(r["since"]),
            )
            for r in rows
        ]

    def save_subscription(
        self,
        channel_id: str,
        *,
        time: str,
        weekdays_only: bool,
        active: bool,
        since: dt.datetime | None,
        now: dt.datetime,
    ) -> None:
        values = {
            "post_time": time,
            "weekdays_only": weekdays_only,
            "active": active,
            "since": since,
            "updated_at": now,
        }
        # One statement on both dialects: concurrent saves of the same channel cannot race between
        # an UPDATE that finds no row and an INSERT that finds one.
        upsert = dialect_insert(self.engine)(subscriptions).values(channel_id=channel_id, **values)
        upsert = upsert.on_conflict_do_update(index_elements=[subscriptions.c.channel_id], set_=values)
        with self.engine.begin() as conn:
            conn.execute(upsert)

    # Posts ---------------------------------------------------------------------------------------

    def _one_post(self, *conditions: Any) -> PostRow | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(posts).where(*conditions)).mappings().first()
        return _post_row(row) if row else None

    def post(self, channel_id: str, post_date: dt.date) -> PostRow | None:
        return self._one_post(posts.c.channel_id == channel_id, posts.c.post_date == post_date)

    def posts_of(self, channel_id: str) -> list[PostRow]:
        with self.engine.connect() as conn:
            rows = (
                conn.execute(select(posts).where(posts.c.channel_id == channel_id).order_by(posts.c.post_date))
                .mappings()
                .all()
            )
        return [_post_row(r) for r in rows]

    def history(self, channel_id: str | None = None, limit: int | None = None) -> list[PostRow]:
        """Newest first; the workspace-wide picks only when asked for by name."""
        query = select(posts).order_by(posts.c.post_date.desc(), posts.c.channel_id)
        if channel_id is None:
            query = query.where(posts.c.channel_id != WORKSPACE)
        else:
            query = query.where(posts.c.channel_id == channel_id)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [_post_row(r) for r in conn.execute(query).mappings().all()]

    def by_message(self, channel_id: str, message_ts: str) -> PostRow | None:
        return self._one_post(posts.c.channel_id == channel_id, posts.c.message_ts == message_ts)

    def try_insert(
        self,
        channel_id: str,
        post_date: dt.date,
        *,
        claim_id: str | None,
        cycle: int,
        status: str,
        now: dt.datetime,
        worker: str,
        error: str | None = None,
    ) -> PostRow | None:
        """Claim (channel, date): the new row, or None when another process already holds it."""
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(posts).values(
                        channel_id=channel_id,
                        post_date=post_date,
                        claim_id=claim_id,
                        cycle=cycle,
                        status=status,
                        attempts=1 if status == PENDING else 0,
                        claimed_at=now,
                        claimed_by=worker,
                        error=error,
                    )
                )
        except IntegrityError:
            return None
        return self.post(channel_id, post_date)

    def take_over(
        self,
        row: PostRow,
        *,
        from_statuses: Iterable[str],
        now: dt.datetime,
        worker: str,
        claim_id: str | None = None,
        cycle: int | None = None,
    ) -> PostRow | None:
        """Retry or recover ``row``: only one of the processes that saw it in this state gets it back."""
        values: dict[str, Any] = {"status": PENDING, "attempts": row.attempts + 1, "claimed_at": now}
        values["claimed_by"] = worker
        if claim_id is not None:
            values["claim_id"] = claim_id
        if cycle is not None:
            values["cycle"] = cycle
        with self.engine.begin() as conn:
            changed = conn.execute(
                update(posts)
                .where(
                    posts.c.id == row.id,
                    posts.c.attempts == row.attempts,
                    posts.c.status.in_(tuple(from_statuses)),
                )
                .values(**values)
            ).rowcount
        return self.post(row.channel_id, row.post_date) if changed == 1 else None

    def finish(
        self,
        row: PostRow,
        *,
        status: str,
        now: dt.datetime,
        message_ts: str | None = None,
        error: str | None = None,
        claim_id: str | None = None,
    ) -> bool:
        """Record the outcome of our attempt; False if another process took the row over meanwhile."""
        values: dict[str, Any] = {"status": status, "error": error}
        if status == POSTED:
            values.update(posted_at=now, message_ts=message_ts)
        if claim_id is not None:
            values["claim_id"] = claim_id
        with self.engine.begin() as conn:
            changed = conn.execute(
                update(posts)
                .where(posts.c.id == row.id, posts.c.attempts == row.attempts, posts.c.claimed_by == row.claimed_by)
                .values(**values)
            ).rowcount
        return changed == 1
