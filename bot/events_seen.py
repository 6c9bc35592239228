"""Each Slack event answered once across processes: the ``slack_events_seen`` table and its ledger.

Slack delivers an event again when it does not get a 200 within 3 seconds (after about 1 s, 1 min
and 5 min, with ``X-Slack-Retry-Num``), and with two web processes the retry may reach the other one.
So the seen ids live in the database:

* ``claim(event_id)`` inserts the id (the primary key lets one process win). A retry of an id that
  is done, or claimed less than ``LEASE`` ago, is skipped.
* ``complete(claim)`` sets ``done_at`` only once the reply is posted (or the user was told it failed
  for good). ``release(claim)`` gives a claim up after a reply that failed but may work later, so
  Slack's next retry takes it over: a conditional UPDATE on ``attempts``, which only one process wins.
* Rows are deleted after ``TTL``, long past Slack's last retry.

When the database is unavailable the ledger keeps working from a bounded in-process memory (one
process is then exactly-once, several are not) and says so in the log, at most once a minute.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import Column, Engine, Index, Integer, MetaData, String, Table, delete, select, update
from sqlalchemy.exc import SQLAlchemyError

from bot.digest.store import UTCDateTime, dialect_insert

log = logging.getLogger("lundao.events")

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
    Column("claimed_at", UTCDateTime(), nullable=True),  # migration 0003
    Index("ix_slack_events_seen_expires_at", "expires_at"),
)

LEASE = dt.timedelta(seconds=45)
"""A claim without a reply for this long belongs to a process that died or gave up: a retry may take it.

Longer than a mention's slowest honest attempt (the app client's 10 s timeout, a lookup, one more
post), shorter than Slack's second retry (about a minute after the first delivery).
"""
TTL = dt.timedelta(hours=2)
"""Rows are kept this long: Slack's last retry comes about 5 minutes after the first delivery."""
PURGE_EVERY = dt.timedelta(minutes=10)
MEMORY_CAPACITY = 10_000


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class EventClaim:
    """This process may answer ``event_id``; ``attempts`` is the compare-and-set token of its row."""

    event_id: str
    attempts: int


class EventLedgerLike(Protocol):
    def claim(self, event_id: str) -> EventClaim | None: ...

    def complete(self, claim: EventClaim) -> None: ...

    def release(self, claim: EventClaim) -> None: ...


class MemoryLedger:
    """The ledger of one process, bounded (the oldest ids are forgotten past ``capacity``)."""

    def __init__(self, capacity: int = MEMORY_CAPACITY, clock: Callable[[], dt.datetime] = utc_now):
        self.capacity = capacity
        self.clock = clock
        # event id -> (attempts, done, claimed_at)
        self._events: OrderedDict[str, tuple[int, bool, dt.datetime]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._events)

    def claim(self, event_id: str) -> EventClaim | None:
        now = self.clock()
        with self._lock:
            known = self._events.get(event_id)
            if known is not None:
                attempts, done, claimed_at = known
                if done or (claimed_at is not None and now - claimed_at < LEASE):
                    self._events.move_to_end(event_id)
                    return None
                attempts += 1
            else:
                attempts = 1
            self._events[event_id] = (attempts, False, now)
            self._events.move_to_end(event_id)
            while len(self._events) > self.capacity:
                self._events.popitem(last=False)
            return EventClaim(event_id, attempts)

    def complete(self, claim: EventClaim) -> None:
        with self._lock:
            self._events[claim.event_id] = (claim.attempts, True, self.clock())

    def release(self, claim: EventClaim) -> None:
        with self._lock:
            known = self._events.get(claim.event_id)
            if known is not None and known[0] == claim.attempts and not known[1]:
                # A released claim is free at once: the lease is for claims whose holder is silent.
                self._events[claim.event_id] = (claim.attempts, False, self.clock() - LEASE)


class EventLedger:
    """The ledger in the database (``slack_events_seen``), shared by every process of the app."""

    def __init__(
        self,
        engine: Engine,
        worker: str,
        *,
        clock: Callable[[], dt.datetime] = utc_now,
        fallback: MemoryLedger | None = None,
    ):
        self.engine = engine
        self.worker = worker[:120]
        self.clock = clock
        self.fallback = fallback or MemoryLedger(clock=clock)
        self._insert = dialect_insert(engine)
        self._next_purge = 0.0
        self._last_warning = 0.0
        self._lock = threading.Lock()

    def _warn(self, action: str, exc: Exception) -> None:
        with self._lock:
            if time.monotonic() - self._last_warning < 60:
                return
            self._last_warning = time.monotonic()
        log.warning(
            "events: the database is unavailable to %s (%s); de-duplicating in this process only",
            action,
            type(exc).__name__,
        )

    def claim(self, event_id: str) -> EventClaim | None:
        """A claim on ``event_id``, or None when it is done or another process is answering it now."""
        try:
            self._purge_now_and_then()
            return self._claim(event_id)
        except SQLAlchemyError as exc:
            self._warn("claim an event", exc)
            return self.fallback.claim(event_id)

    def _claim(self, event_id: str) -> EventClaim | None:
        now = self.clock()
        with self.engine.begin() as conn:
            inserted = conn.execute(
                self._insert(slack_events_seen)
                .values(
                    event_id=event_id,
                    first_seen_at=now,
                    claimed_by=self.worker,
                    claimed_at=now,
                    attempts=1,
                    expires_at=now + TTL,
                )
                .on_conflict_do_nothing(index_elements=["event_id"])
                # RETURNING, not rowcount: an INSERT's rowcount is -1 through SQLAlchemy 2.1 on psycopg.
                .returning(slack_events_seen.c.event_id)
            )
            won = inserted.first() is not None
        if won:
            return EventClaim(event_id, 1)
        with self.engine.connect() as conn:
            row = conn.execute(select(slack_events_seen).where(slack_events_seen.c.event_id == event_id)).first()
        if row is None:  # purged between the two statements: a delivery older than TTL, not worth answering
            return None
        claimed_at = row.claimed_at or row.first_seen_at
        if row.done_at is not None or (row.claimed_by and now - claimed_at < LEASE):
            return None
        with self.engine.begin() as conn:
            taken = conn.execute(
                update(slack_events_seen)
                .where(
                    slack_events_seen.c.event_id == event_id,
                    slack_events_seen.c.attempts == row.attempts,
                    slack_events_seen.c.done_at.is_(None),
                )
                .values(attempts=row.attempts + 1, claimed_by=self.worker, claimed_at=now)
            )
            won = taken.rowcount == 1
        return EventClaim(event_id, row.attempts + 1) if won else None

    def complete(self, claim: EventClaim) -> None:
        """The reply is posted (or the user was told it failed): no retry of this event answers again."""
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    update(slack_events_seen)
                    .where(slack_events_seen.c.event_id == claim.event_id, slack_events_seen.c.done_at.is_(None))
                    .values(done_at=self.clock())
                )
        except SQLAlchemyError as exc:
            self._warn("record an answered event", exc)
        self.fallback.complete(claim)

    def release(self, claim: EventClaim) -> None:
        """The reply failed but may work later: Slack's next retry (to any process) takes the event over."""
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    update(slack_events_seen)
                    .where(
                        slack_events_seen.c.event_id == claim.event_id,
                        slack_events_seen.c.attempts == claim.attempts,
                        slack_events_seen.c.done_at.is_(None),
                    )
                    .values(claimed_by="")
                )
        except SQLAlchemyError as exc:
            self._warn("release an event", exc)
        self.fallback.release(claim)

    def _purge_now_and_then(self) -> None:
        if time.monotonic() < self._next_purge:
            return
        self._next_purge = time.monotonic() + PURGE_EVERY.total_seconds()
        with self.engine.begin() as conn:
            conn.execute(delete(slack_events_seen).where(slack_events_seen.c.expires_at < self.clock()))
