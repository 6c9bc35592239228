"""The feedback tables, in SQLAlchemy Core: votes, gaps and learned phrasings.

No user id is stored unless ``feedback.store_user_ids`` allows it: the columns exist (nullable) so a
workspace that opts in needs no migration. Votes and gaps are purged after ``retention_days``;
learned phrasings are knowledge, kept until a curator removes them (``lundao phrasings remove``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from bot.digest.store import UTCDateTime

metadata = MetaData()

NO_ANSWER = "no_answer"
"""Gap kind: the search had no confident answer."""
NOT_HELPFUL = "not_helpful"
"""Gap kind: someone marked an answer's claim not helpful."""
MAX_KEY_CHARS = 300

feedback_votes = Table(
    "feedback_votes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("query", Text, nullable=False),
    Column("claim_id", String(200), nullable=False),
    Column("helpful", Boolean, nullable=False),
    Column("surface", String(16), nullable=False),  # results | thread
    Column("user_id", String(32), nullable=True),  # only with feedback.store_user_ids
    Index("ix_feedback_votes_created_at", "created_at"),
)

feedback_gaps = Table(
    "feedback_gaps",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("query", Text, nullable=False),
    Column("terms", Text, nullable=False),  # the search pipeline's terms, space-separated: what groups gaps
    Column("kind", String(16), nullable=False),
    Column("claim_id", String(200), nullable=True),  # the claim marked not helpful
    Column("user_id", String(32), nullable=True),
    Column("answered_at", UTCDateTime(), nullable=True),
    Column("answered_by", String(200), nullable=True),  # the claim that now answers it
    Index("ix_feedback_gaps_created_at", "created_at"),
)

learned_phrasings = Table(
    "learned_phrasings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Column("key", String(MAX_KEY_CHARS), nullable=False),  # the squashed text: one row per wording and claim
    Column("terms", Text, nullable=False),
    Column("vector", LargeBinary, nullable=True),  # float32, computed once when learned
    Column("embedder", String(120), nullable=False),
    Column("source", String(16), nullable=False),  # helpful | share
    Column("uses", Integer, nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("last_used_at", UTCDateTime(), nullable=False),
    UniqueConstraint("claim_id", "key", name="uq_learned_phrasings_claim_key"),
)


@dataclass(frozen=True)
class GapRow:
    id: int
    created_at: dt.datetime
    query: str
    terms: str
    kind: str
    claim_id: str | None
    answered_at: dt.datetime | None
    answered_by: str | None


@dataclass(frozen=True)
class Phrasing:
    id: int
    claim_id: str
    text: str
    terms: str
    vector: np.ndarray | None
    embedder: str
    source: str
    uses: int
    created_at: dt.datetime
    last_used_at: dt.datetime


def _vector(blob: bytes | None) -> np.ndarray | None:
    return np.frombuffer(blob, dtype=np.float32).copy() if blob else None


class FeedbackStore:
    """All database access of feedback. Each method is one short transaction."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # votes and gaps -------------------------------------------------------------------------------

    def add_vote(
        self, *, query: str, claim_id: str, helpful: bool, surface: str, user_id: str | None, now: dt.datetime
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(feedback_votes).values(
                    created_at=now, query=query, claim_id=claim_id, helpful=helpful, surface=surface, user_id=user_id
                )
            )

    def votes(self) -> list[dict[str, object]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(feedback_votes).order_by(feedback_votes.c.id)).mappings().all()
        return [dict(r) for r in rows]

    def add_gap(
        self,
        *,
        query: str,
        terms: str,
        kind: str,
        claim_id: str | None,
        user_id: str | None,
        now: dt.datetime,
    ) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(feedback_gaps).values(
                    created_at=now, query=query, terms=terms, kind=kind, claim_id=claim_id, user_id=user_id
                )
            )

    def gaps(self, *, since: dt.datetime | None = None, open_only: bool = False) -> list[GapRow]:
        query = select(
            feedback_gaps.c.id,
            feedback_gaps.c.created_at,
            feedback_gaps.c.query,
            feedback_gaps.c.terms,
            feedback_gaps.c.kind,
            feedback_gaps.c.claim_id,
            feedback_gaps.c.answered_at,
            feedback_gaps.c.answered_by,
        ).order_by(feedback_gaps.c.id)
        if since is not None:
            query = query.where(feedback_gaps.c.created_at >= since)
        if open_only:
            query = query.where(feedback_gaps.c.answered_at.is_(None))
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [GapRow(**r) for r in rows]  # times: aware UTC already, UTCDateTime converts them

    def mark_answered(self, gap_ids: list[int], claim_id: str, now: dt.datetime) -> int:
        if not gap_ids:
            return 0
        with self.engine.begin() as conn:
            return int(
                conn.execute(
                    update(feedback_gaps)
                    .where(feedback_gaps.c.id.in_(gap_ids), feedback_gaps.c.answered_at.is_(None))
                    .values(answered_at=now, answered_by=claim_id)
                ).rowcount
            )

    def purge(self, before: dt.datetime) -> int:
        """Delete votes and gaps older than ``before``; how many rows went."""
        with self.engine.begin() as conn:
            gone = conn.execute(delete(feedback_votes).where(feedback_votes.c.created_at < before)).rowcount
            gone += conn.execute(delete(feedback_gaps).where(feedback_gaps.c.created_at < before)).rowcount
        return int(gone)

    # learned phrasings ----------------------------------------------------------------------------

    def phrasings_version(self) -> tuple[int, int, int]:
        """(rows, highest id, total uses): changes whenever a phrasing is added, used again or removed."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(
                    func.count(learned_phrasings.c.id),
                    func.coalesce(func.max(learned_phrasings.c.id), 0),
                    func.coalesce(func.sum(learned_phrasings.c.uses), 0),
                )
            ).one()
        return int(row[0]), int(row[1]), int(row[2])

    def phrasings(self, claim_id: str | None = None) -> list[Phrasing]:
        query = select(learned_phrasings).order_by(learned_phrasings.c.claim_id, learned_phrasings.c.id)
        if claim_id is not None:
            query = query.where(learned_phrasings.c.claim_id == claim_id)
        with self.engine.connect() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            Phrasing(
                id=r["id"],
                claim_id=r["claim_id"],
                text=r["text"],
                terms=r["terms"],
                vector=_vector(r["vector"]),
                embedder=r["embedder"],
                source=r["source"],
                uses=r["uses"],
                created_at=r["created_at"],
                last_used_at=r["last_used_at"],
            )
            for r in rows
        ]

    def learn(
        self,
        *,
        claim_id: str,
        text: str,
        key: str,
        terms: str,
        vector: np.ndarray | None,
        embedder: str,
        source: str,
        cap: int,
        now: dt.datetime,
    ) -> bool:
        """Add a phrasing of ``claim_id`` (or count one more use of it); keep the claim's ``cap`` most used.

        True when the wording is new for the claim."""
        key = key[:MAX_KEY_CHARS]
        blob = np.asarray(vector, dtype=np.float32).tobytes() if vector is not None else None
        same = (learned_phrasings.c.claim_id == claim_id) & (learned_phrasings.c.key == key)
        added = False
        with self.engine.begin() as conn:
            bumped = conn.execute(
                update(learned_phrasings).where(same).values(uses=learned_phrasings.c.uses + 1, last_used_at=now)
            ).rowcount
        if not bumped:
            try:
                with self.engine.begin() as conn:
                    row: dict[str, object] = {"claim_id": claim_id, "text": text, "key": key, "terms": terms}
                    row.update(vector=blob, embedder=embedder, source=source, uses=1, created_at=now, last_used_at=now)
                    conn.execute(insert(learned_phrasings).values(**row))
                added = True
            except IntegrityError:  # another process learned the same wording meanwhile: count it as a use
                with self.engine.begin() as conn:
                    conn.execute(update(learned_phrasings).where(same).values(uses=learned_phrasings.c.uses + 1))
        self._keep(claim_id, cap)
        return added

    def _keep(self, claim_id: str, cap: int) -> None:
        """At most ``cap`` phrasings per claim: the most used, then the most recently used, stay."""
        with self.engine.begin() as conn:
            keep = (
                select(learned_phrasings.c.id)
                .where(learned_phrasings.c.claim_id == claim_id)
                .order_by(learned_phrasings.c.uses.desc(), learned_phrasings.c.last_used_at.desc(),
                          learned_phrasings.c.id.desc())
                .limit(max(0, cap))
            )  # fmt: skip
            kept = [row[0] for row in conn.execute(keep)]
            conn.execute(
                delete(learned_phrasings).where(
                    learned_phrasings.c.claim_id == claim_id, learned_phrasings.c.id.not_in(kept or [-1])
                )
            )

    def remove_phrasing(self, phrasing_id: int) -> bool:
        with self.engine.begin() as conn:
            return bool(conn.execute(delete(learned_phrasings).where(learned_phrasings.c.id == phrasing_id)).rowcount)
