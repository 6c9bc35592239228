"""Each process serves the approved team claims within seconds: a version check, then an incremental add.

``refresh()`` costs nothing within ``ttl`` of the last check; after it, one primary-key read of
``team_kb_version``. Only when the number moved are the claims approved since read (with their stored
vectors) and added to the search index (``knowledge.search.additions``, no rebuild); the new corpus and
engine are then swapped in, corpus first, so a request in flight never meets a claim its corpus lacks.

The delay from an approval in one process to an answer in another is bounded by ``ttl`` (``start_polling``
checks every ``ttl``, off the request path; without a poller the request path checks at most once per
``ttl``) plus the add itself (milliseconds for a few claims).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from sqlalchemy.exc import SQLAlchemyError

from bot.team.service import knowledge_of
from bot.team.store import TeamClaim, TeamStore
from knowledge.models import Claim, Corpus, Person, Source

if TYPE_CHECKING:
    from knowledge.search import SearchEngine

log = logging.getLogger("lundao.team")

DEFAULT_TTL = 1.0
"""Seconds between two version checks of one process: the bound on serving another process's approval."""
DIGEST_TTL = 30.0
"""The clock process posts once a day per channel: it need not look every second."""


class Served(Protocol):
    """What is swapped: the corpus, and the ``search_engine`` when there is one (``bot.listeners.common.Lundao``
    has both; ``DigestOnly`` a corpus alone)."""

    corpus: Corpus


@dataclass
class DigestOnly:
    """A process that only posts the digest (``lundao digest run``): a corpus to grow, no search index."""

    corpus: Corpus
    search_engine: SearchEngine | None = None


def follow_for_digest(digest: Any, *, poll: bool, ttl: float = DIGEST_TTL) -> LiveKnowledge:
    """Keep ``digest`` (a ``DigestService``) picking from the approved team claims too: now, and every
    ``ttl`` seconds in the background when ``poll`` (the clock process)."""
    live = LiveKnowledge(TeamStore(digest.engine), DigestOnly(digest.corpus), ttl=ttl, on_change=digest.use_corpus)
    live.refresh(force=True)
    if poll:
        live.start_polling()
    return live


class LiveKnowledge:
    def __init__(
        self,
        store: TeamStore,
        served: Served,
        *,
        ttl: float = DEFAULT_TTL,
        on_change: Callable[[Corpus], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.store = store
        self.served = served
        self.ttl = ttl
        self.on_change = on_change
        self.clock = clock
        self.seen_version = 0
        self._checked_at = float("-inf")
        self._lock = threading.Lock()
        self._last_warning = float("-inf")
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def refresh(self, *, force: bool = False) -> int:
        """Serve the claims approved since the last look; how many were added. Never raises for the database."""
        if not force and self.clock() - self._checked_at < self.ttl:
            return 0
        # A request does not wait for another thread's refresh: it answers from what is served now.
        if not self._lock.acquire(blocking=force):
            return 0
        try:
            self._checked_at = self.clock()
            version = self.store.version()
            if version == self.seen_version:
                return 0
            rows = self.store.approved(after_seq=self.seen_version)
            added = self._add(rows)
            self.seen_version = max([version, *(r.approved_seq or 0 for r in rows)])
            return added
        except SQLAlchemyError as exc:
            if self.clock() - self._last_warning > 60:
                self._last_warning = self.clock()
                log.warning("team: cannot read the approved claims (%s); serving what is loaded", type(exc).__name__)
            return 0
        finally:
            self._lock.release()

    def refresh_on_request(self) -> int:
        """``refresh`` on the request path, unless a poller already keeps this process current (``lundao run``):
        then a request never waits on the database, which, slow or down, would hold up the 3-second ack."""
        if self._thread is not None and self._thread.is_alive():
            return 0
        return self.refresh()

    def _add(self, rows: list[TeamClaim]) -> int:
        corpus = self.served.corpus
        engine: SearchEngine | None = getattr(self.served, "search_engine", None)
        claims: list[Claim] = []
        sources: dict[str, Source] = {}
        people: dict[str, Person] = {}
        vectors: dict[str, np.ndarray] = {}
        embedder = engine.semantic.embedder.name if engine is not None and engine.semantic is not None else None
        known = {c.id for c in corpus.claims}
        for row in rows:
            if row.claim_id in known:
                continue  # pulled into the knowledge base's files already, or added before
            claim, source, person = knowledge_of(row, {**corpus.people, **people})
            claims.append(claim)
            known.add(claim.id)
            sources[source.id] = source
            if person is not None:
                people[person.id] = person
            if row.vector is not None and row.vector_embedder == embedder:
                vectors[claim.id] = np.frombuffer(row.vector, dtype=np.float32)
        if not claims:
            return 0
        from knowledge.search.additions import with_claims

        grown = Corpus(
            sources={**corpus.sources, **sources},
            claims=(*corpus.claims, *claims),
            people={**corpus.people, **people},
            topics=corpus.topics,
            entities=corpus.entities,
            root=corpus.root,
            drafts=corpus.drafts,
        )
        started = time.perf_counter()
        new_engine = with_claims(engine, grown, vectors) if engine is not None else None
        self.served.corpus = grown  # first: a request in flight never meets a claim its corpus lacks
        if new_engine is not None:
            self.served.search_engine = new_engine  # type: ignore[attr-defined]
        if self.on_change is not None:
            self.on_change(grown)
        log.info("team: %d approved claim(s) now served (%.0f ms)", len(claims), 1000 * (time.perf_counter() - started))
        return len(claims)

    def start_polling(self) -> None:
        """Check every ``ttl`` in a daemon thread, so a process without requests (the digest) is current too."""
        if self._thread is not None:
            return

        def poll() -> None:
            while not self._stop.wait(self.ttl):
                self.refresh()

        self._thread = threading.Thread(target=poll, name="lundao-team-knowledge", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
