"""The insight of the day, as the Slack app, the scheduler and the CLI use it: one facade.

The parts live in their own modules: ``subscriptions`` (which channels, when), ``posting`` (the
exactly-once state machine, its results in ``outcomes``), ``transport`` (the Slack calls),
``picker`` (which claim) and ``store`` (the database). This class wires them and answers the
questions that cut across them: which claim a channel has today, what the coming days will bring.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.digest import store as db
from bot.digest.outcomes import (
    ALREADY_POSTED,
    FAILED,
    GAVE_UP,
    IN_PROGRESS,
    MAX_ATTEMPTS,
    NO_CLAIMS,
    POSTED,
    SKIPPED,
    WAITING,
    Outcome,
)
from bot.digest.picker import Pick, Picker, Seen
from bot.digest.store import DigestStore, Subscription, make_engine
from bot.digest.subscriptions import Subscriptions
from config.settings import Settings
from knowledge.models import Claim, Corpus

if TYPE_CHECKING:
    from slack_sdk import WebClient

    from bot.digest.posting import Posting

__all__ = [
    "ALREADY_POSTED",
    "FAILED",
    "GAVE_UP",
    "IN_PROGRESS",
    "NO_CLAIMS",
    "POSTED",
    "SKIPPED",
    "WAITING",
    "DigestService",
    "NoClientError",
    "Outcome",
    "PlannedPost",
]

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]


class NoClientError(RuntimeError):
    """Asked to post, but built without a Slack client (``preview`` and ``history`` need none)."""


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class PlannedPost:
    post_date: dt.date
    channel_id: str
    claim: Claim
    status: str  # a row's status, or "planned" for a day without a row yet


class DigestService:
    def __init__(
        self,
        corpus: Corpus,
        settings: Settings,
        client: WebClient | None,
        engine: Engine | str | None = None,
        clock: Clock = utc_now,
        *,
        worker: str | None = None,
    ):
        """``client`` may be None for what never calls Slack (preview, history); posting then raises NoClientError."""
        self.corpus = corpus
        self.settings = settings
        self.clock = clock
        self.picker = Picker(corpus)
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        if engine is None:
            engine = settings.effective_database_url
        self.engine = make_engine(engine) if isinstance(engine, str) else engine
        self.store = DigestStore(self.engine)
        self.client = client
        self._subscriptions = Subscriptions(settings, self.store, self.now)

    def use_corpus(self, corpus: Corpus) -> None:
        """Pick from ``corpus`` from now on: claims approved in Slack join the rotation (bot.team.live)."""
        self.corpus = corpus
        self.picker = Picker(corpus)
        if "posting" in self.__dict__:
            self.posting.corpus = corpus

    def ensure_schema(self) -> None:
        """Run the migrations not yet run (bot.db_migrate; locked, so safe from several processes at once).

        Not done in ``__init__``: building the service never touches the database, so a process whose
        database is down can start, and retry this later (``bot.digest.scheduler.DigestRunner``).
        """
        from bot.db_migrate import upgrade_engine

        before, after = upgrade_engine(self.engine)
        if before != after:
            log.info("digest: database migrated %s -> %s", before or "(empty)", after)

    @cached_property
    def posting(self) -> Posting:
        """The state machine and its Slack transport, built on first use.

        Imported here, not at the top: ``lundao digest preview`` and ``history`` never post, and
        posting is what pulls in slack_sdk's Web API stack.
        """
        from bot.digest.posting import Posting
        from bot.digest.transport import SlackTransport

        if self.client is None:
            raise NoClientError("this digest service has no Slack client; build it with one to post")
        return Posting(
            corpus=self.corpus,
            settings=self.settings,
            store=self.store,
            transport=SlackTransport(self.client, self.settings.bot_name),
            subscriptions=self.subscriptions,
            pick_for=self.pick_for,
            now=self.now,
            worker=self.worker,
        )

    # Time ----------------------------------------------------------------------------------------

    @property
    def tz(self) -> dt.tzinfo:
        return self.settings.digest.tz

    def now(self) -> dt.datetime:
        now = self.clock()
        if now.tzinfo is None:
            raise ValueError("the digest clock must return aware datetimes")
        return now

    def today(self) -> dt.date:
        return self.now().astimezone(self.tz).date()

    # Subscriptions -------------------------------------------------------------------------------

    def subscriptions(self, *, include_inactive: bool = False) -> list[Subscription]:
        return self._subscriptions.all(include_inactive=include_inactive)

    def subscription(self, channel_id: str) -> Subscription | None:
        return self._subscriptions.get(channel_id)

    def subscribe(self, channel_id: str, *, time: str | None, weekdays_only: bool | None) -> str:
        return self._subscriptions.subscribe(channel_id, time=time, weekdays_only=weekdays_only)

    def unsubscribe(self, channel_id: str) -> str:
        return self._subscriptions.unsubscribe(channel_id)

    def can_manage(self, user_id: str, is_workspace_admin: bool) -> bool:
        return self._subscriptions.can_manage(user_id, is_workspace_admin)

    # Choice --------------------------------------------------------------------------------------

    def _seen(self, channel_key: str, before: dt.date) -> list[Seen]:
        return [
            Seen(row.claim_id, row.cycle)
            for row in self.store.posts_of(channel_key)
            if row.status in db.CONSUMED and row.claim_id and row.post_date < before
        ]

    def pick_for(self, channel_key: str, day: dt.date) -> Pick | None:
        """The claim a slot without a row would get: the picker over what the channel saw before that day."""
        return self.picker.pick(channel_key, self._seen(channel_key, day))

    def todays_claim(self, channel_id: str | None, on: dt.date | None = None) -> Claim | None:
        """The insight of the day for a channel (what was or will be posted), or workspace-wide for None."""
        day = on or self.today()
        try:
            if channel_id:
                row = self.store.post(channel_id, day)
                claim = self.corpus.claim(row.claim_id) if row and row.claim_id else None
                if claim is not None and row is not None and row.status != db.SKIPPED:
                    return claim
                if self.subscription(channel_id) is not None:
                    pick = self.pick_for(channel_id, day)
                    return pick.claim if pick else None
            return self._workspace_claim(day)
        except SQLAlchemyError as exc:
            log.error("digest: database unavailable (%s); showing a pick without history", type(exc).__name__)
            pick = self.picker.pick(f"{db.WORKSPACE}{day.isoformat()}", [])
            return pick.claim if pick else None

    def _workspace_claim(self, day: dt.date) -> Claim | None:
        """The same claim for everyone all day: recorded on first use today so it never changes or repeats."""
        row = self.store.post(db.WORKSPACE, day)
        if row is None:
            pick = self.pick_for(db.WORKSPACE, day)
            if pick is None:
                return None
            if day != self.today():
                return pick.claim
            row = self.store.try_insert(
                db.WORKSPACE,
                day,
                claim_id=pick.claim.id,
                cycle=pick.cycle,
                status=db.SHOWN,
                now=self.now(),
                worker=self.worker,
            ) or self.store.post(db.WORKSPACE, day)
        return self.corpus.claim(row.claim_id) if row and row.claim_id else None

    def thread_claim(self, channel_id: str, thread_ts: str) -> Claim | None:
        """The claim of the digest post ``thread_ts`` in that channel, for mentions in its thread."""
        try:
            row = self.store.by_message(channel_id, thread_ts)
        except SQLAlchemyError as exc:
            log.error("digest: database unavailable (%s); no thread context", type(exc).__name__)
            return None
        return self.corpus.claim(row.claim_id) if row and row.claim_id else None

    def preview(self, channel_id: str, start: dt.date, days: int) -> list[PlannedPost]:
        """The posts of the next ``days`` days, assuming each one goes out as planned."""
        subscription = self.subscription(channel_id)
        weekdays_only = subscription.weekdays_only if subscription else self.settings.digest.weekdays_only
        rows = {row.post_date: row for row in self.store.posts_of(channel_id)}
        seen = self._seen(channel_id, start)
        planned: list[PlannedPost] = []
        for offset in range(days):
            day = start + dt.timedelta(days=offset)
            if weekdays_only and day.weekday() >= 5:
                continue
            row = rows.get(day)
            claim = self.corpus.claim(row.claim_id) if row and row.claim_id else None
            if row is not None and claim is not None and row.status != db.SKIPPED:
                planned.append(PlannedPost(day, channel_id, claim, row.status))
                if row.status != db.FAILED or row.attempts < MAX_ATTEMPTS:
                    seen.append(Seen(claim.id, row.cycle))
                continue
            pick = self.picker.pick(channel_id, seen)
            if pick is None:
                break
            planned.append(PlannedPost(day, channel_id, pick.claim, "planned"))
            seen.append(Seen(pick.claim.id, pick.cycle))
        return planned

    # Posting -------------------------------------------------------------------------------------

    def run_due(self) -> list[Outcome]:
        """Post every slot that is due now; the scheduler's tick. Never raises: a tick must not kill the timer."""
        return self.posting.run_due()

    def post(self, channel_id: str, on: dt.date | None = None) -> Outcome:
        """Post a channel's insight for ``on`` (default today) now, whatever the time; once per channel and date."""
        return self.posting.post(channel_id, on)
