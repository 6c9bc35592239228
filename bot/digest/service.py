"""The insight of the day, as the Slack app, the scheduler and the CLI use it.

Exactly-once, in short: a slot (channel, local date) is due at its local post time. Whoever sees it
due first inserts its row (unique on channel and date) as *pending* and only then calls Slack; the
others' inserts fail and they leave it alone. The outcome is written back as *posted* (with the
message ts) or *failed*; failed rows are retried with a growing delay while the slot is inside the
grace window. A *pending* row older than ``STALE_AFTER`` belongs to a process that died mid-post:
it is taken over, and the channel's recent history is searched for the message (by its metadata)
before posting again, so a crash after Slack accepted the post does not post it twice.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.digest import store as db
from bot.digest.blocks import METADATA_EVENT, digest_message
from bot.digest.picker import Pick, Picker, Seen
from bot.digest.store import DigestStore, PostRow, Subscription, create_tables, make_engine
from bot.digest.texts import escape, text
from config.settings import Settings
from knowledge.models import Claim, Corpus

log = logging.getLogger(__name__)

Clock = Callable[[], dt.datetime]
_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Outcome:
    """What one attempt at a slot did; ``result`` is one of the constants below."""

    channel_id: str
    post_date: dt.date
    result: str
    claim_id: str | None = None
    message_ts: str | None = None
    detail: str = ""


POSTED = "posted"
ALREADY_POSTED = "already_posted"
IN_PROGRESS = "in_progress"  # another process holds a fresh claim on the slot
WAITING = "waiting"  # failed before; the next retry is not due yet
FAILED = "failed"
GAVE_UP = "gave_up"  # failed, and out of attempts or past the grace window
SKIPPED = "skipped"
NO_CLAIMS = "no_claims"


@dataclass(frozen=True)
class PlannedPost:
    post_date: dt.date
    channel_id: str
    claim: Claim
    status: str  # a row's status, or "planned" for a day without a row yet


class DigestService:
    # A pending row this old was left by a process that died mid-post.
    STALE_AFTER = dt.timedelta(minutes=15)
    # Failed posts are retried after attempts × this, within the grace window, at most MAX_ATTEMPTS times.
    RETRY_DELAY = dt.timedelta(minutes=2)
    MAX_ATTEMPTS = 6

    def __init__(
        self,
        corpus: Corpus,
        settings: Settings,
        client: WebClient,
        engine: Engine | str | None = None,
        clock: Clock = utc_now,
        *,
        worker: str | None = None,
    ):
        self.corpus = corpus
        self.settings = settings
        self.client = client
        self.clock = clock
        self.picker = Picker(corpus)
        self.worker = worker or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        if engine is None:
            engine = settings.effective_database_url
        self.engine = make_engine(engine) if isinstance(engine, str) else engine
        create_tables(self.engine)
        self.store = DigestStore(self.engine)
        self._warned_channels: set[str] = set()
        _ensure_retry_handlers(client)

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

    def due_at(self, subscription: Subscription, day: dt.date) -> dt.datetime:
        hour, minute = (int(part) for part in subscription.time.split(":"))
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=self.tz)

    def _text(self, key: str, **values: object) -> str:
        return text(self.settings.language, key, **values)

    # Subscriptions -------------------------------------------------------------------------------

    def subscriptions(self, *, include_inactive: bool = False) -> list[Subscription]:
        """settings.yaml channels, overridden by what channels did in Slack (an unsubscribe wins)."""
        merged: dict[str, Subscription] = {
            ch.channel_id: Subscription(ch.channel_id, ch.time, ch.weekdays_only, True, None, from_settings=True)
            for ch in self.settings.digest.channels
        }
        merged.update({s.channel_id: s for s in self.store.subscriptions()})
        return [s for _, s in sorted(merged.items()) if include_inactive or s.active]

    def subscription(self, channel_id: str) -> Subscription | None:
        return next((s for s in self.subscriptions() if s.channel_id == channel_id), None)

    def subscribe(self, channel_id: str, *, time: str | None, weekdays_only: bool | None) -> str:
        channel_id = (channel_id or "").strip()
        if not _CHANNEL_ID.match(channel_id):
            raise ValueError(self._text("bad_channel", value=escape(channel_id)))
        current = self.subscription(channel_id)
        if time is None:
            post_time = current.time if current else self.settings.digest.default_time
        else:
            match = _TIME.match(time.strip())
            if not match:
                raise ValueError(self._text("bad_time", value=escape(time.strip())))
            post_time = f"{int(match.group(1)):02d}:{match.group(2)}"
        if weekdays_only is None:
            weekdays_only = current.weekdays_only if current else self.settings.digest.weekdays_only
        now = self.now()
        # A new subscriber starts with the next post time; changing the time of a live subscription
        # keeps its start, so moving today's time earlier does not lose today's post.
        since = current.since if current else now
        self.store.save_subscription(
            channel_id, time=post_time, weekdays_only=weekdays_only, active=True, since=since, now=now
        )
        return self._text(
            "subscribed",
            days=self._text("subscribed_weekdays") if weekdays_only else "",
            time=post_time,
            tz=self.settings.digest.timezone,
            command=self.settings.command,
        )

    def unsubscribe(self, channel_id: str) -> str:
        channel_id = (channel_id or "").strip()
        if not _CHANNEL_ID.match(channel_id):
            raise ValueError(self._text("bad_channel", value=escape(channel_id)))
        current = self.subscription(channel_id)
        if current is None:
            return self._text("not_subscribed")
        self.store.save_subscription(
            channel_id,
            time=current.time,
            weekdays_only=current.weekdays_only,
            active=False,
            since=None,
            now=self.now(),
        )
        return self._text("unsubscribed", command=self.settings.command)

    def can_manage(self, user_id: str, is_workspace_admin: bool) -> bool:
        return bool(is_workspace_admin) or user_id in self.settings.digest.admins

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
                if row.status != db.FAILED or row.attempts < self.MAX_ATTEMPTS:
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
        if not _CHANNEL_ID.match(channel_id) or channel_id.startswith("D"):
            raise ValueError(self._text("bad_channel", value=escape(channel_id)))
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
                if not within or row.attempts >= self.MAX_ATTEMPTS:
                    return Outcome(channel_id, day, GAVE_UP, row.claim_id, detail=row.error or "")
                if now - row.claimed_at < self.RETRY_DELAY * row.attempts:
                    return Outcome(channel_id, day, WAITING, row.claim_id, detail=row.error or "")
            taken = self.store.take_over(row, from_statuses=[db.FAILED], now=now, worker=self.worker)
            return self._deliver(taken) if taken else Outcome(channel_id, day, IN_PROGRESS, row.claim_id)
        # Pending: someone is posting it, or died doing so.
        if now - row.claimed_at < self.STALE_AFTER:
            return Outcome(channel_id, day, IN_PROGRESS, row.claim_id)
        if not within and not manual:
            self.store.finish(row, status=db.FAILED, now=now, error="abandoned: the posting process stopped mid-post")
            return Outcome(channel_id, day, GAVE_UP, row.claim_id, detail="abandoned mid-post")
        taken = self.store.take_over(row, from_statuses=[db.PENDING], now=now, worker=self.worker)
        if taken is None:
            return Outcome(channel_id, day, IN_PROGRESS, row.claim_id)
        found_ts = self._find_own_post(taken)
        if found_ts:
            self.store.finish(taken, status=db.POSTED, now=now, message_ts=found_ts)
            log.info("digest: %s on %s was posted before a restart (ts %s); recorded it", channel_id, day, found_ts)
            return Outcome(channel_id, day, ALREADY_POSTED, taken.claim_id, found_ts, "recovered after a restart")
        return self._deliver(taken)

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
        try:
            ts = self._send(channel_id, message.text, message.blocks, message.metadata)
        except SlackApiError as exc:
            error = str(exc.response.get("error", "unknown_error"))
            self.store.finish(row, status=db.FAILED, now=self.now(), error=error, claim_id=replaced)
            if error not in ("not_in_channel", "channel_not_found", "is_archived"):
                log.error("digest: Slack refused the post for %s on %s: %s", channel_id, day, error)
            return Outcome(channel_id, day, FAILED, claim.id, detail=error)
        except (SlackClientError, OSError) as exc:
            detail = f"{type(exc).__name__}: {exc}"[:300]
            self.store.finish(row, status=db.FAILED, now=self.now(), error=detail, claim_id=replaced)
            log.error(
                "digest: could not reach Slack for %s on %s (%s); will retry", channel_id, day, type(exc).__name__
            )
            return Outcome(channel_id, day, FAILED, claim.id, detail=detail)
        if not self.store.finish(row, status=db.POSTED, now=self.now(), message_ts=ts, claim_id=replaced):
            log.warning("digest: %s on %s was taken over by another process while posting", channel_id, day)
        log.info("digest: posted %s to %s for %s (ts %s)", claim.id, channel_id, day, ts)
        return Outcome(channel_id, day, POSTED, claim.id, ts)

    def _send(self, channel_id: str, fallback: str, blocks: list[Any], metadata: dict[str, Any]) -> str:
        def post() -> str:
            response = self.client.chat_postMessage(
                channel=channel_id,
                text=fallback,
                blocks=blocks,
                metadata=metadata,
                unfurl_links=False,
                unfurl_media=False,
            )
            return str(response["ts"])

        try:
            return post()
        except SlackApiError as exc:
            error = exc.response.get("error")
            if error == "not_in_channel" and self._join(channel_id):
                return post()
            if error == "channel_not_found":
                self._warn_once(
                    channel_id,
                    f"digest: cannot post in channel {channel_id}: Slack says it does not exist for the bot; "
                    f"if it is a private channel, invite the bot there with `/invite @{self.settings.bot_name}`",
                )
            elif error == "is_archived":
                self._warn_once(channel_id, f"digest: channel {channel_id} is archived; unsubscribe it or unarchive it")
            raise

    def _join(self, channel_id: str) -> bool:
        """Join a public channel the bot is not in; for a private one, say once how to invite the bot."""
        try:
            self.client.conversations_join(channel=channel_id)
            log.info("digest: joined public channel %s to post the insight of the day", channel_id)
            return True
        except SlackApiError as exc:
            error = exc.response.get("error")
            if error == "missing_scope":
                self._warn_once(
                    channel_id,
                    f"digest: cannot post in channel {channel_id}: the bot is not a member and lacks the "
                    f"channels:join scope; add the scope or invite it with `/invite @{self.settings.bot_name}`",
                )
            else:
                self._warn_once(
                    channel_id,
                    f"digest: cannot post in private channel {channel_id}: the bot is not a member; "
                    f"in that channel, type `/invite @{self.settings.bot_name}`",
                )
            return False

    def _warn_once(self, channel_id: str, line: str) -> None:
        if channel_id not in self._warned_channels:
            self._warned_channels.add(channel_id)
            log.warning(line)

    def _find_own_post(self, row: PostRow) -> str | None:
        """The ts of this slot's message if a process that died mid-post did get it into the channel."""
        oldest = row.claimed_at - self.STALE_AFTER * 2
        try:
            response = self.client.conversations_history(
                channel=row.channel_id, oldest=f"{oldest.timestamp():.6f}", include_all_metadata=True, limit=100
            )
        except (SlackApiError, SlackClientError, OSError) as exc:
            reason = exc.response.get("error") if isinstance(exc, SlackApiError) else type(exc).__name__
            log.warning(
                "digest: cannot read %s's history to check for an earlier post (%s); posting again",
                row.channel_id,
                reason,
            )
            return None
        for message in response.get("messages") or []:
            meta = message.get("metadata") or {}
            payload = meta.get("event_payload") or {}
            if meta.get("event_type") == METADATA_EVENT and payload.get("date") == row.post_date.isoformat():
                return str(message.get("ts"))
        return None


def _ensure_retry_handlers(client: WebClient) -> None:
    """Rate limits wait for Retry-After, whoever built the client.

    Only 429s are retried in place: Slack did not act on them. A 5xx or timeout may have posted the
    message, so those go to the database's retry path instead of being re-sent at once.
    """
    handlers = list(client.retry_handlers or [])
    if not any(isinstance(h, RateLimitErrorRetryHandler) for h in handlers):
        handlers.append(RateLimitErrorRetryHandler(max_retry_count=3))
    client.retry_handlers = handlers


def make_client(settings: Settings) -> WebClient:
    """A WebClient for the CLI and the worker: token and API base URL from the environment."""
    if settings.bot_token is None:
        raise ValueError("SLACK_BOT_TOKEN is not set: set it to the app's Bot User OAuth Token (xoxb-...)")
    kwargs: dict[str, Any] = {"token": settings.bot_token.reveal()}
    if settings.api_base_url:
        base = settings.api_base_url
        kwargs["base_url"] = base if base.endswith("/") else base + "/"
    client = WebClient(**kwargs)
    _ensure_retry_handlers(client)
    return client
