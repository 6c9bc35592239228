"""The posting state machine: each (channel, local date) slot is posted exactly once.

Exactly-once, in short: a slot is due at its local post time. Whoever sees it due first inserts its
row (unique on channel and date) as *pending* and only then calls Slack; the others' inserts fail
and they leave it alone. The outcome is written back as *posted* (with the message ts) or *failed*;
failed rows are retried with a growing delay while the slot is inside the grace window. A *pending*
row older than ``STALE_AFTER`` belongs to a process that died mid-post: it is taken over, and the
channel's recent history is searched for the message (by its metadata) before posting again, so a
crash after Slack accepted the post does not post it twice.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy.exc import SQLAlchemyError

from bot.digest import store as db
from bot.digest.blocks import digest_message
from bot.digest.outcomes import (
    ALREADY_POSTED,
    FAILED,
    GAVE_UP,
    IN_PROGRESS,
    MAX_ATTEMPTS,
    NO_CLAIMS,
    POSTED,
    RETRY_DELAY,
    SKIPPED,
    STALE_AFTER,
    WAITING,
    Outcome,
)
from bot.digest.picker import Pick
from bot.digest.store import DigestStore, PostRow, Subscription
from bot.digest.texts import text
from bot.digest.transport import SlackTransport
from bot.mrkdwn import escape
from config.settings import CHANNEL_ID_PATTERN, Settings
from knowledge.models import Corpus

log = logging.getLogger(__name__)

MAYBE_POSTED = " (maybe posted)"
"""Ends the recorded error of an ambiguous failure (5xx, timeout, lost answer): its retry looks the post up first."""


class Posting:
    """Runs the slots: ``run_due`` for the scheduler's tick, ``post`` for a manual post."""

    def __init__(
        self,
        *,
        corpus: Corpus,
        settings: Settings,
        store: DigestStore,
        transport: SlackTransport,
        subscriptions: Callable[[], list[Subscription]],
        pick_for: Callable[[str, dt.date], Pick | None],
        now: Callable[[], dt.datetime],
        worker: str,
    ):
        self.corpus = corpus
        self.settings = settings
        self.store = store
        self.transport = transport
        self.subscriptions = subscriptions
        self.pick_for = pick_for
        self.now = now
        self.worker = worker

    @property
    def tz(self) -> dt.tzinfo:
        return self.settings.digest.tz

    def due_at(self, subscription: Subscription, day: dt.date) -> dt.datetime:
        hour, minute = (int(part) for part in subscription.time.split(":"))
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=self.tz)

    def run_due(self) -> list[Outcome]:
        """Post every slot that is due now; the scheduler's tick. Never raises: a tick must not kill the timer."""
        outcomes: list[Outcome] = []
        try:
            now = self.now()
            local_today = now.astimezone(self.tz).date()
            for subscription in self.subscriptions():
                # Yesterday too: a 23:00 post missed at 23:00 is still inside a 6 h grace window at 01:00.
                for day in (local_today - dt.timedelta(days=1), local_today):
                    if subscription.weekdays_only and day.weekday() >= 5:
                        continue
                    due = self.due_at(subscription, day)
                    if due > now or (subscription.since is not None and due < subscription.since):
                        continue
                    if day != local_today and not self._within_grace(due, now):
                        continue  # settled, or missed long ago: only today's miss is worth a "skipped" row
                    try:
                        outcomes.append(self._run_slot(subscription.channel_id, day, due, now))
                    except SQLAlchemyError as exc:
                        log.error(
                            "digest: database error for %s on %s: %s", subscription.channel_id, day, type(exc).__name__
                        )
        except SQLAlchemyError as exc:
            log.error("digest: database unavailable (%s); will try again at the next tick", type(exc).__name__)
        except Exception:
            log.exception("digest: unexpected error in the scheduled run")
        return outcomes

    def _within_grace(self, due: dt.datetime, now: dt.datetime) -> bool:
        return now - due <= dt.timedelta(hours=self.settings.digest.grace_hours)

    def _run_slot(self, channel_id: str, day: dt.date, due: dt.datetime, now: dt.datetime) -> Outcome:
        within = self._within_grace(due, now)
        row = self.store.post(channel_id, day)
        if row is None:
            if within:
                return self._post_new(channel_id, day, now)
            late = now - due
            skipped = self.store.try_insert(
                channel_id,
                day,
                claim_id=None,
                cycle=0,
                status=db.SKIPPED,
                now=now,
                worker=self.worker,
                error=f"missed: no process was up to post it within the {self.settings.digest.grace_hours:g} h grace window",
            )
            if skipped is None:  # someone else decided first
                row = self.store.post(channel_id, day)
                return (
                    self._continue(row, now, within=within, manual=False) if row else Outcome(channel_id, day, SKIPPED)
                )
            log.warning(
                "digest: skipped %s for %s: due %s, now %s late, beyond the %g h grace window",
                day,
                channel_id,
                due.isoformat(timespec="minutes"),
                str(late).split(".")[0],
                self.settings.digest.grace_hours,
            )
            return Outcome(channel_id, day, SKIPPED, detail="beyond the grace window")
        return self._continue(row, now, within=within, manual=False)

    def post(self, channel_id: str, on: dt.date | None = None) -> Outcome:
        """Post a channel's insight for ``on`` (default today) now, whatever the time; once per channel and date."""
        channel_id = (channel_id or "").strip()
        if not CHANNEL_ID_PATTERN.match(channel_id) or channel_id.startswith("D"):
            raise ValueError(text(self.settings.language, "bad_channel", value=escape(channel_id)))
        now = self.now()
        day = on or now.astimezone(self.tz).date()
        row = self.store.post(channel_id, day)
        if row is None:
            return self._post_new(channel_id, day, now)
        return self._continue(row, now, within=True, manual=True)

    def _post_new(self, channel_id: str, day: dt.date, now: dt.datetime) -> Outcome:
        pick = self.pick_for(channel_id, day)
        if pick is None:
            log.warning("digest: no claim is eligible for the daily insight (digest: true); nothing to post")
            return Outcome(channel_id, day, NO_CLAIMS)
        row = self.store.try_insert(
            channel_id, day, claim_id=pick.claim.id, cycle=pick.cycle, status=db.PENDING, now=now, worker=self.worker
        )
        if row is None:
            row = self.store.post(channel_id, day)
            if row is None:  # inserted and deleted meanwhile: nothing sensible to do this tick
                return Outcome(channel_id, day, IN_PROGRESS)
            return Outcome(channel_id, day, IN_PROGRESS if row.status == db.PENDING else ALREADY_POSTED, row.claim_id)
        return self._deliver(row)

    def _continue(self, row: PostRow, now: dt.datetime, *, within: bool, manual: bool) -> Outcome:
        channel_id, day = row.channel_id, row.post_date
        if row.status in db.CONSUMED:
            return Outcome(channel_id, day, ALREADY_POSTED, row.claim_id, row.message_ts)
        if row.status == db.SKIPPED:
            if not manual:
                return Outcome(channel_id, day, SKIPPED)
            pick = self.pick_for(channel_id, day)
            if pick is None:
                return Outcome(channel_id, day, NO_CLAIMS)
            taken = self.store.take_over(
                row,
                from_statuses=[db.SKIPPED],
                now=now,
                worker=self.worker,
                claim_id=pick.claim.id,
                cycle=pick.cycle,
            )
            return self._deliver(taken) if taken else Outcome(channel_id, day, IN_PROGRESS)
        if row.status == db.FAILED:
            if not manual:
                if not within or row.attempts >= MAX_ATTEMPTS:
                    return Outcome(channel_id, day, GAVE_UP, row.claim_id, detail=row.error or "")
                if now - row.claimed_at < RETRY_DELAY * row.attempts:
                    return Outcome(channel_id, day, WAITING, row.claim_id, detail=row.error or "")
            taken = self.store.take_over(row, from_statuses=[db.FAILED], now=now, worker=self.worker)
            if taken is None:
                return Outcome(channel_id, day, IN_PROGRESS, row.claim_id)
            if (row.error or "").endswith(MAYBE_POSTED):
                # The failed attempt may have reached Slack (a 5xx or a lost answer): look before posting again.
                return self._recover(taken, now, row.claimed_at, "found after a failed attempt") or self._deliver(taken)
            return self._deliver(taken)
        # Pending: someone is posting it, or died doing so.
        if now - row.claimed_at < STALE_AFTER:
            return Outcome(channel_id, day, IN_PROGRESS, row.claim_id)
        if not within and not manual:
            self.store.finish(row, status=db.FAILED, now=now, error="abandoned: the posting process stopped mid-post")
            return Outcome(channel_id, day, GAVE_UP, row.claim_id, detail="abandoned mid-post")
        taken = self.store.take_over(row, from_statuses=[db.PENDING], now=now, worker=self.worker)
        if taken is None:
            return Outcome(channel_id, day, IN_PROGRESS, row.claim_id)
        return self._recover(taken, now, row.claimed_at, "recovered after a restart") or self._deliver(taken)

    def _recover(self, taken: PostRow, now: dt.datetime, attempted_at: dt.datetime, how: str) -> Outcome | None:
        """The slot's post if Slack has it already (by its metadata): recorded as posted, not posted again."""
        found_ts = self.transport.find_post(taken.channel_id, taken.post_date, attempted_at - STALE_AFTER)
        if not found_ts:
            return None
        self.store.finish(taken, status=db.POSTED, now=now, message_ts=found_ts)
        log.info(
            "digest: %s on %s was already in the channel (ts %s): %s", taken.channel_id, taken.post_date, found_ts, how
        )
        return Outcome(taken.channel_id, taken.post_date, ALREADY_POSTED, taken.claim_id, found_ts, how)

    def _deliver(self, row: PostRow) -> Outcome:
        """Send the claimed row's post to Slack and record the outcome."""
        channel_id, day = row.channel_id, row.post_date
        claim = self.corpus.claim(row.claim_id) if row.claim_id else None
        replaced: str | None = None
        if claim is None or not claim.digest:
            # The claim left the corpus (or the digest) between claiming and posting: choose again.
            pick = self.pick_for(channel_id, day)
            if pick is None:
                self.store.finish(row, status=db.FAILED, now=self.now(), error="no eligible claim")
                return Outcome(channel_id, day, NO_CLAIMS)
            claim, replaced = pick.claim, pick.claim.id
        message = digest_message(
            self.corpus,
            claim,
            channel_id=channel_id,
            post_date=day,
            language=self.settings.language,
            bot_name=self.settings.bot_name,
        )
        attempted_at = self.now()
        try:
            ts = self.transport.send(channel_id, message)
        except SlackApiError as exc:
            error = str(exc.response.get("error", "unknown_error"))
            if getattr(exc.response, "status_code", 200) >= 500:
                found = self._recover(row, self.now(), attempted_at, f"HTTP {exc.response.status_code}, yet posted")
                if found is not None:
                    return found
                error += MAYBE_POSTED
            self.store.finish(row, status=db.FAILED, now=self.now(), error=error, claim_id=replaced)
            if error not in ("not_in_channel", "channel_not_found", "is_archived"):
                log.error("digest: Slack refused the post for %s on %s: %s", channel_id, day, error)
            return Outcome(channel_id, day, FAILED, claim.id, detail=error)
        except (SlackClientError, OSError) as exc:
            # A timeout or a dropped connection: Slack may have posted it. Look before recording a failure,
            # or the retry (here or in another process) would post it a second time.
            found = self._recover(row, self.now(), attempted_at, f"{type(exc).__name__}, yet posted")
            if found is not None:
                return found
            detail = f"{type(exc).__name__}: {exc}"[:280] + MAYBE_POSTED
            self.store.finish(row, status=db.FAILED, now=self.now(), error=detail, claim_id=replaced)
            log.error(
                "digest: could not reach Slack for %s on %s (%s); will retry", channel_id, day, type(exc).__name__
            )
            return Outcome(channel_id, day, FAILED, claim.id, detail=detail)
        if not self.store.finish(row, status=db.POSTED, now=self.now(), message_ts=ts, claim_id=replaced):
            log.warning("digest: %s on %s was taken over by another process while posting", channel_id, day)
        log.info("digest: posted %s to %s for %s (ts %s)", claim.id, channel_id, day, ts)
        return Outcome(channel_id, day, POSTED, claim.id, ts)
