"""Feedback for the Slack listeners, the console and ``lundao report``: one object, explicit dependencies.

``FeedbackService(engine_or_store, settings)``: ``record_vote`` (a Helpful / Not helpful click),
``learn`` (a shared answer), ``note_unanswered`` (a question with no confident answer), ``search``
(the search with learned phrasings lifted), ``gaps`` (grouped, for the report and the App Home) and
``mark_gaps_answered`` (after a claim is approved). Database errors are logged and reported as
False, never raised into a listener: feedback must not break answering.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.feedback.background import Background
from bot.feedback.gaps import GapGroup, group_gaps
from bot.feedback.phrasings import PhrasingIndex, lift, query_terms, query_text
from bot.feedback.store import NO_ANSWER, NOT_HELPFUL, FeedbackStore
from config.settings import FeedbackSettings
from knowledge.search import SearchEngine, SearchResult
from knowledge.text import clean_query, squash

log = logging.getLogger("lundao.feedback")

PURGE_EVERY = dt.timedelta(hours=1)
ANSWERED_WITHIN = 3
"""A gap counts as answered by a claim that the search now shows among its first three answers."""
MAX_STORED_QUERY = 500


def stored_query(query: str) -> str:
    """The question as stored and shown to curators: Slack markup out, spaces collapsed, length capped."""
    return " ".join(clean_query(query).split())[:MAX_STORED_QUERY]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class FeedbackService:
    def __init__(
        self,
        store: FeedbackStore | Engine,
        settings: FeedbackSettings | None = None,
        *,
        clock: Callable[[], dt.datetime] = utc_now,
    ):
        self.store = store if isinstance(store, FeedbackStore) else FeedbackStore(store)
        self.settings = settings or FeedbackSettings()
        self.clock = clock
        self.background = Background()
        self.phrasings = PhrasingIndex(self.store, background=self.background)
        self._last_purge: dt.datetime | None = None
        self._purge_lock = threading.Lock()

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait for the queued writes (gaps, purges) and reads (other processes' phrasings) to be done."""
        return self.background.flush(timeout)

    def _user(self, user_id: str | None) -> str | None:
        return (user_id or None) if self.settings.store_user_ids else None

    # --- recording ---------------------------------------------------------------------------------

    def record_vote(
        self,
        engine: SearchEngine,
        *,
        query: str,
        claim_id: str,
        helpful: bool,
        surface: str,
        user_id: str | None = None,
    ) -> bool:
        """Store a click; a helpful one teaches the question as a phrasing of the claim, a not helpful one is a gap."""
        query = stored_query(query)
        now = self.clock()
        try:
            self.store.add_vote(
                query=query, claim_id=claim_id, helpful=helpful, surface=surface, user_id=self._user(user_id), now=now
            )
            if helpful:
                self._learn(engine, query, claim_id, "helpful", now)
            elif query:
                self.store.add_gap(
                    query=query,
                    terms=" ".join(query_terms(engine, query)),
                    kind=NOT_HELPFUL,
                    claim_id=claim_id,
                    user_id=self._user(user_id),
                    now=now,
                )
        except SQLAlchemyError as exc:
            log.warning("could not record feedback (%s)", type(exc).__name__)
            return False
        self.background.submit(lambda: self._purge_if_due(now))
        return True

    def learn(self, engine: SearchEngine, *, query: str, claim_id: str, source: str = "share") -> bool:
        """Teach ``query`` as a phrasing of ``claim_id`` (a user shared that answer to it)."""
        try:
            return self._learn(engine, stored_query(query), claim_id, source, self.clock())
        except SQLAlchemyError as exc:
            log.warning("could not learn a phrasing (%s)", type(exc).__name__)
            return False

    def _learn(self, engine: SearchEngine, query: str, claim_id: str, source: str, now: dt.datetime) -> bool:
        terms = query_terms(engine, query)
        cap = self.settings.phrasings_per_claim
        if not terms or cap <= 0 or engine.corpus.claim(claim_id) is None:
            return False
        vector, embedder = None, ""
        if engine.semantic is not None:
            text = query_text(engine, query)
            if text:
                vector, embedder = engine.semantic.query_vector(text), engine.semantic.embedder.name
        added = self.store.learn(
            claim_id=claim_id,
            text=query,
            key=squash(query) or query,
            terms=" ".join(terms),
            vector=vector,
            embedder=embedder,
            source=source,
            cap=cap,
            now=now,
        )
        self.phrasings.reload()  # this process answers with it at once; the others within REFRESH_SECONDS
        return added

    def note_unanswered(
        self, engine: SearchEngine, query: str, result: SearchResult | None, user_id: str | None = None
    ) -> bool:
        """Queue ``query`` as a gap when the search had no confident answer (a bad filter is not a gap).

        Written in the background: the answer (the slash command's ack) does not wait for the database."""
        query = stored_query(query)
        if not query or (result is not None and (result.hits or result.problems)):
            return False
        now = self.clock()
        terms = " ".join(query_terms(engine, query))
        user = self._user(user_id)

        def write() -> None:
            self.store.add_gap(query=query, terms=terms, kind=NO_ANSWER, claim_id=None, user_id=user, now=now)
            self._purge_if_due(now)

        return self.background.submit(write)

    def _purge_if_due(self, now: dt.datetime) -> None:
        with self._purge_lock:
            if self._last_purge is not None and now - self._last_purge < PURGE_EVERY:
                return
            self._last_purge = now
        self.purge(now)

    def purge(self, now: dt.datetime | None = None) -> int:
        """Delete votes and gaps older than ``retention_days``."""
        now = now or self.clock()
        try:
            return self.store.purge(now - dt.timedelta(days=self.settings.retention_days))
        except SQLAlchemyError as exc:
            log.warning("could not purge old feedback (%s)", type(exc).__name__)
            return 0

    # --- answering ---------------------------------------------------------------------------------

    def search(self, engine: SearchEngine, query: str, *, limit: int, offset: int = 0) -> SearchResult:
        """The search's answer, with the claims of close learned phrasings first."""
        try:
            matches = self.phrasings.matches(engine, query)
        except SQLAlchemyError as exc:
            log.warning("learned phrasings unavailable (%s); answering without them", type(exc).__name__)
            matches = []
        if not matches:
            return engine.search(query, limit=limit, offset=offset)
        return lift(engine, query, matches, limit=limit, offset=offset)

    # --- curators ----------------------------------------------------------------------------------

    def gaps(self, *, days: int | None = 30, include_answered: bool = False, wait: bool = True) -> list[GapGroup]:
        """The gaps of the last ``days``, grouped. ``wait``: first write this process's queued questions (the
        report); the App Home does not wait, since its Slack event must be answered within 3 seconds."""
        if wait:
            self.flush()
        since = self.clock() - dt.timedelta(days=days) if days else None
        return group_gaps(self.store.gaps(since=since, open_only=not include_answered))

    def mark_gaps_answered(self, engine: SearchEngine, claim_ids: Iterable[str]) -> int:
        """Re-ask the open gaps; those the search now answers with one of ``claim_ids`` are marked answered.

        Called when a claim is approved, with an engine that serves it; the number of gaps marked. Only
        gaps sharing a term with one of the claims (text, quote, English gloss) are asked again: a search
        each is the cost, and a question without one word of a claim is not one it answers."""
        claims = [c for c in (engine.corpus.claim(i) for i in dict.fromkeys(claim_ids)) if c is not None]
        if not claims:
            return 0
        wanted = {c.id for c in claims}
        self.flush()
        vocabulary = {t for c in claims for t in query_terms(engine, " ".join((c.text, c.quote, c.en)))}
        by_query: dict[str, list[int]] = {}
        for row in self.store.gaps(open_only=True):
            if vocabulary & set(row.terms.split()):
                by_query.setdefault(row.query, []).append(row.id)
        now, marked = self.clock(), 0
        for query, gap_ids in by_query.items():
            hits = engine.search(query, limit=ANSWERED_WITHIN).hits
            answer = next((h.claim.id for h in hits if h.claim.id in wanted), None)
            if answer is not None:
                marked += self.store.mark_answered(gap_ids, answer, now)
        return marked
